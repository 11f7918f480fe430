import { strict as assert } from "node:assert";
import { chmodSync, lstatSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, truncateSync } from "node:fs";
import { join } from "node:path";
import { runCli } from "../../../server/src/cli/program";
import { fakeEngine, memoComputations, memoryIo, tempRepo } from "./fake";

async function lint(cwd: string, args: string[], opts: Parameters<typeof memoryIo>[1] = {}) {
  const { io, captured } = memoryIo(cwd, opts);
  const code = await runCli(["lint", ...args], io, fakeEngine);
  return { code, out: captured.out, err: captured.err };
}

async function lintJson(cwd: string, args: string[] = [], opts: Parameters<typeof memoryIo>[1] = {}) {
  const r = await lint(cwd, [...args, "--format", "json"], opts);
  return { ...r, problems: JSON.parse(r.out) as { file: string; ruleId: string; severity: string; message: string; range: { start: { line: number; column: number }; end: { line: number; column: number } }; fixes: unknown[] }[] };
}

const brief = (ps: { file: string; ruleId: string; range: { start: { line: number; column: number } } }[]) =>
  ps.map((p) => `${p.file}:${p.range.start.line}:${p.range.start.column} ${p.ruleId}`);

describe("cli lint (fake family)", () => {
  it("exits 0 and says so when nothing is wrong", async () => {
    const root = tempRepo({ "OWNERS": "approvers:\n  - alice\n", "a/OWNERS": "fine\n" });
    const r = await lint(root, []);
    assert.equal(r.code, 0);
    assert.equal(r.out, "✔ 2 files checked, no problems\n");
    assert.equal(r.err, "");
  });

  it("prints path:line:col  severity  message  rule-id and exits 1 on an error", async () => {
    const root = tempRepo({ "OWNERS": "ok\nERROR\n", "b/OWNERS": "xx\n" });
    const r = await lint(root, []);
    assert.equal(r.code, 1);
    assert.equal(r.out,
      "OWNERS:2:1    error    ERROR found  fake/no-error\n" +
      "b/OWNERS:1:1  warning  double x  fake/double-x\n" +
      "\n✖ 2 problems (1 error, 1 warning) in 2 files; 2 files checked\n" +
      "  1 of them can be fixed with --fix\n");
  });

  it("shows paths relative to the working folder", async () => {
    const root = tempRepo({ "sub/OWNERS": "ERROR\n", "OWNERS": "ERROR\n" });
    const r = await lint(join(root, "sub"), ["."]);
    assert.equal(r.out.split("\n")[0], "OWNERS:1:1  error  ERROR found  fake/no-error");
    const all = await lint(join(root, "sub"), [".."]);
    assert.deepEqual(all.out.split("\n").slice(0, 2).map((l) => l.split(" ")[0]), ["../OWNERS:1:1", "OWNERS:1:1"]);
  });

  it("warnings alone exit 0; --max-warnings and --quiet", async () => {
    const root = tempRepo({ "OWNERS": "xx\nxx\n" });
    assert.equal((await lint(root, [])).code, 0);
    assert.equal((await lint(root, ["--max-warnings", "2"])).code, 0);
    const over = await lint(root, ["--max-warnings", "1"]);
    assert.equal(over.code, 1);
    assert.match(over.err, /2 warnings, more than --max-warnings 1/);
    const quiet = await lint(root, ["--quiet"]);
    assert.equal(quiet.out, "");
    assert.equal(quiet.code, 0);
    const quietJson = await lintJson(root, ["--quiet"]);
    assert.deepEqual(quietJson.problems, []);
  });

  it("json: the documented shape, 1-based ranges, fixes always present", async () => {
    const root = tempRepo({ "OWNERS": "ok\n  xx\nUNSAFE\n" });
    const r = await lintJson(root);
    assert.equal(r.code, 0);
    assert.deepEqual(r.problems, [
      { file: "OWNERS", ruleId: "fake/double-x", severity: "warning", message: "double x",
        range: { start: { line: 2, column: 3 }, end: { line: 2, column: 5 } },
        fixes: [{ title: "make it one x", safe: true, isPreferred: false, edits: [{ range: { start: { line: 2, column: 3 }, end: { line: 2, column: 5 } }, newText: "x" }] }] },
      { file: "OWNERS", ruleId: "fake/unsafe", severity: "warning", message: "UNSAFE found",
        range: { start: { line: 3, column: 1 }, end: { line: 3, column: 7 } },
        fixes: [{ title: "make it safe", safe: false, isPreferred: false, edits: [{ range: { start: { line: 3, column: 1 }, end: { line: 3, column: 7 } }, newText: "SAFE" }] }] },
    ]);
  });

  it("respects .gitignore and ignore:, but checks an ignored file named explicitly", async () => {
    const root = tempRepo({
      ".gitignore": "gen/\n",
      ".llm-d-contrib.yaml": "ignore:\n  - vendor/**\n",
      "gen/OWNERS": "ERROR\n", "vendor/x/OWNERS": "ERROR\n", "src/OWNERS": "ERROR\n",
    });
    assert.deepEqual(brief((await lintJson(root)).problems), ["src/OWNERS:1:1 fake/no-error"]);
    assert.deepEqual(brief((await lintJson(root, ["gen/OWNERS", "src"])).problems), ["gen/OWNERS:1:1 fake/no-error", "src/OWNERS:1:1 fake/no-error"]);
    // A folder named explicitly is walked with the ignores.
    assert.deepEqual(brief((await lintJson(root, ["vendor"])).problems), []);
  });

  it("a folder that is a repository of its own is checked with its own configuration and root", async () => {
    const root = tempRepo({
      "OWNERS": "ERROR\n@team\n", "OWNERS_ALIASES": "team\n",
      "inner/.llm-d-contrib.yaml": "rules:\n  fake/no-error: off\n", "inner/OWNERS": "ERROR\n@team\n",
      "sub/.git/HEAD": "ref\n", "sub/OWNERS_ALIASES": "team\n", "sub/x/OWNERS": "@team\nERROR\n",
      "z/OWNERS": "ERROR\n",
    });
    const r = await lintJson(root);
    assert.deepEqual(brief(r.problems), [
      "OWNERS:1:1 fake/no-error",
      "inner/OWNERS:2:1 fake/alias",          // its own root: no OWNERS_ALIASES there; no-error is off
      "sub/x/OWNERS:2:1 fake/no-error",       // the nested git repository's aliases apply
      "z/OWNERS:1:1 fake/no-error",
    ]);
    const text = await lint(root, []);
    assert.match(text.out, /7 files checked\n/); // four OWNERS, two OWNERS_ALIASES and inner/.llm-d-contrib.yaml (a YAML file)
  });

  it("reads no file of no kind and lists the repository for cross-file rules", async () => {
    const root = tempRepo({ "OWNERS": "@team\n@nobody\n", "OWNERS_ALIASES": "team\n", "README.md": "ERROR\n" });
    const r = await lintJson(root);
    assert.deepEqual(r.problems.map((p) => p.message), ["unknown alias nobody"]);
    // Checking one file still gives rules the whole repository list (fake/listed stays quiet).
    const one = await lintJson(root, ["OWNERS"]);
    assert.deepEqual(one.problems.map((p) => p.ruleId), ["fake/alias"]);
  });

  it("a binary file, an invalid UTF-8 file and an unreadable file each get one finding; the run goes on", async () => {
    const root = tempRepo({
      "bin/OWNERS": Buffer.from([0x61, 0x00, 0x62]),
      "latin1/OWNERS": Buffer.from([0x6f, 0x6b, 0x0a, 0x63, 0x61, 0x66, 0xe9, 0x0a]),
      "z/OWNERS": "ERROR\n",
    });
    mkdirSync(join(root, "dangling"));
    symlinkSync(join(root, "nowhere"), join(root, "dangling", "OWNERS"));
    const r = await lintJson(root);
    assert.equal(r.code, 1);
    assert.deepEqual(r.problems.map((p) => `${p.file} ${p.ruleId} ${p.severity}`), [
      "bin/OWNERS internal/binary-file info",
      "dangling/OWNERS internal/unreadable error",
      "latin1/OWNERS internal/invalid-encoding warning",
      "z/OWNERS fake/no-error error",
    ]);
    assert.match(r.problems[1].message, /could not read the file \(it does not exist \(a dangling symbolic link\?\), ENOENT\)/);
    assert.match(r.problems[2].message, /offset 6/);
  });

  it("never reads a file over maxFileBytes (a sparse 5 GB file is skipped at once)", async () => {
    const root = tempRepo({ "OWNERS": "", "small/OWNERS": "ERROR\n" });
    truncateSync(join(root, "OWNERS"), 5 * 1024 ** 3);
    const started = Date.now();
    const r = await lintJson(root);
    assert.ok(Date.now() - started < 2000, "took too long: the file was read");
    assert.deepEqual(r.problems.map((p) => `${p.file} ${p.ruleId} ${p.severity}`), ["OWNERS internal/too-large info", "small/OWNERS fake/no-error error"]);
    assert.equal(r.problems[0].message, `skipped: too large (${5 * 1024 ** 3} bytes; the limit maxFileBytes is 2097152)`);
    const cfg = tempRepo({ ".llm-d-contrib.yaml": "maxFileBytes: 100\nrules:\n  internal/too-large: error\n", "OWNERS": "a".repeat(101), "b/OWNERS": "a".repeat(100) });
    const c = await lintJson(cfg);
    assert.equal(c.code, 1);
    assert.deepEqual(c.problems.map((p) => `${p.file} ${p.ruleId} ${p.severity} ${p.message}`), ["OWNERS internal/too-large error skipped: too large (101 bytes; the limit maxFileBytes is 100)"]);
  });

  it("a throwing rule becomes internal/rule-error and the other rules still run", async () => {
    const root = tempRepo({ "OWNERS": "THROW\nERROR\n" });
    const r = await lintJson(root);
    assert.deepEqual(r.problems.map((p) => `${p.range.start.line} ${p.ruleId}`), ["1 internal/rule-error", "2 fake/no-error"]);
    assert.match(r.problems[0].message, /rule fake\/throws failed on this file \(boom\)/);
  });

  it("configuration errors are problems in .llm-d-contrib.yaml; the rest of the configuration applies", async () => {
    const root = tempRepo({
      ".llm-d-contrib.yaml": "rules:\n  fake/no-error: warning\n  fake/nope: off\n  fake/double-x: loud\ncolour: red\n",
      "OWNERS": "ERROR\nxx\n",
    });
    const r = await lintJson(root);
    assert.deepEqual(r.problems.map((p) => `${p.file}:${p.range.start.line}:${p.range.start.column} ${p.ruleId} ${p.severity} ${p.message}`), [
      '.llm-d-contrib.yaml:3:3 internal/config-error error unknown rule "fake/nope"',
      '.llm-d-contrib.yaml:4:18 internal/config-error error rule "fake/double-x": severity must be one of off, error, warning, info, hint (got "loud")',
      '.llm-d-contrib.yaml:5:1 internal/config-error error unknown setting "colour" (known: rules, ignore, maxFileBytes, owners, proposal, flags, commit)',
      "OWNERS:1:1 fake/no-error warning ERROR found",
      "OWNERS:2:1 fake/double-x warning double x",
    ]);
    assert.equal(r.code, 1, "config errors are errors");
    const broken = tempRepo({ ".llm-d-contrib.yaml": "rules: [\n", "OWNERS": "ERROR\n" });
    const b = await lintJson(broken);
    assert.deepEqual(b.problems.map((p) => `${p.file} ${p.ruleId}`), [".llm-d-contrib.yaml internal/config-error", "OWNERS fake/no-error"]);
    assert.match(b.problems[0].message, /^invalid YAML/);
  });

  it("disable comments in the kind's syntax switch findings off", async () => {
    const root = tempRepo({ "OWNERS": "# llm-d-contrib-disable-next-line fake/no-error\nERROR\nERROR # llm-d-contrib-disable-line\nERROR\n" });
    assert.deepEqual(brief((await lintJson(root)).problems), ["OWNERS:4:1 fake/no-error"]);
  });

  it("--fix applies safe fixes until stable, atomically, and reports what changed", async () => {
    const root = tempRepo({ "OWNERS": "xxxx\nUNSAFE\nok\n", "b/OWNERS": "fine\n", "c/OWNERS": "\ufeffxx\r\n" });
    chmodSync(join(root, "OWNERS"), 0o640);
    const r = await lint(root, ["--fix", "--format", "json"]);
    assert.equal(readFileSync(join(root, "OWNERS"), "utf8"), "x\nUNSAFE\nok\n", "two passes: xxxx → xx → x; the unsafe fix is left");
    assert.deepEqual(readFileSync(join(root, "c/OWNERS")), Buffer.from("\ufeffx\r\n"), "BOM and CRLF kept");
    assert.equal(statSync(join(root, "OWNERS")).mode & 0o777, 0o640);
    assert.deepEqual(readdirSync(root).filter((f) => f.endsWith(".tmp")), []);
    assert.equal(r.err, "fixed 4 problems in 2 files:\n  OWNERS (3)\n  c/OWNERS (1)\n");
    assert.deepEqual(JSON.parse(r.out).map((p: { ruleId: string }) => p.ruleId), ["fake/unsafe"], "only what remains is reported");
    assert.equal(r.code, 0);
    const again = await lint(root, ["--fix"]);
    assert.equal(again.err, "", "nothing left to fix");
  });

  it("memo: computed once per run without --fix; with --fix a dependency fixed earlier is seen afresh", async () => {
    const files = { "OWNERS": "ROOTMARK\nok\n", "a/OWNERS": "ok\n", "b/OWNERS": "ok\n" };
    const root = tempRepo(files);
    memoComputations.count = 0;
    const r = await lintJson(root);
    assert.deepEqual(brief(r.problems), ["OWNERS:1:1 fake/memo", "OWNERS:1:1 fake/root-mark", "a/OWNERS:1:1 fake/memo", "b/OWNERS:1:1 fake/memo"]);
    assert.equal(memoComputations.count, 1);
    const fixed = await lintJson(root, ["--fix"]);
    assert.equal(readFileSync(join(root, "OWNERS"), "utf8"), "ok\n");
    assert.deepEqual(brief(fixed.problems), []);
  });

  it("--fix writes through a symbolic link and keeps the link", async () => {
    const root = tempRepo({ "real/OWNERS": "xx\n" });
    mkdirSync(join(root, "link"));
    symlinkSync(join(root, "real", "OWNERS"), join(root, "link", "OWNERS"));
    await lint(root, ["link/OWNERS", "--fix"]);
    assert.ok(lstatSync(join(root, "link", "OWNERS")).isSymbolicLink());
    assert.equal(readFileSync(join(root, "real", "OWNERS"), "utf8"), "x\n");
  });

  it("--stdin lints the text as --stdin-filename, inside the repository around it", async () => {
    const root = tempRepo({ "OWNERS_ALIASES": "team\n", "sub/OWNERS": "ERROR\n" });
    const r = await lintJson(root, ["--stdin", "--stdin-filename", "sub/OWNERS"], { stdin: "@team\n@ghost\nxx\n" });
    assert.deepEqual(brief(r.problems), ["sub/OWNERS:2:1 fake/alias", "sub/OWNERS:3:1 fake/double-x"]);
    assert.equal(r.code, 1);
    const none = await lintJson(root, ["--stdin", "--stdin-filename", "notes.txt"], { stdin: "ERROR\n" });
    assert.deepEqual(none.problems, []);
    assert.equal(none.code, 0);
  });

  it("--stdin --fix prints the fixed text on stdout and the remaining problems on stderr", async () => {
    const root = tempRepo({ "OWNERS": "untouched\n" });
    const r = await lint(root, ["--stdin", "--stdin-filename", "OWNERS", "--fix", "--format", "json"], { stdin: "xxxx\nERROR\n" });
    assert.equal(r.out, "x\nERROR\n");
    assert.deepEqual(JSON.parse(r.err).map((p: { ruleId: string }) => p.ruleId), ["fake/no-error"]);
    assert.equal(r.code, 1);
    assert.equal(readFileSync(join(root, "OWNERS"), "utf8"), "untouched\n");
  });

  it("usage mistakes exit 2 with a pointer to help", async () => {
    const root = tempRepo({ "OWNERS": "ok\n" });
    const cases: [string[], RegExp][] = [
      [["--format", "xml"], /argument 'xml' is invalid/],
      [["--stdin"], /--stdin needs --stdin-filename/],
      [["--stdin-filename", "OWNERS"], /only makes sense with --stdin/],
      [["--stdin", "--stdin-filename", "OWNERS", "x"], /do not also name paths/],
      [["--max-warnings", "many"], /expected a whole number/],
      [["--bogus"], /unknown option '--bogus'/],
      [["missing/OWNERS"], /no such file or folder: missing\/OWNERS/],
    ];
    for (const [args, message] of cases) {
      const r = await lint(root, args);
      assert.equal(r.code, 2, args.join(" "));
      assert.match(r.err, message, args.join(" "));
      assert.match(r.err, /Usage: llm-d-contrib lint|llm-d-contrib lint --help/, args.join(" "));
      assert.equal(r.out, "", args.join(" "));
    }
    const other = tempRepo({ "OWNERS": "ok\n" });
    const outside = await lint(root, [".", other]);
    assert.equal(outside.code, 2);
    assert.match(outside.err, /is outside the repository/);
  });

  it("colour follows the terminal, NO_COLOR, FORCE_COLOR and --no-color", async () => {
    const root = tempRepo({ "OWNERS": "ERROR\n" });
    const esc = /\x1b\[/;
    assert.doesNotMatch((await lint(root, [])).out, esc);
    assert.match((await lint(root, [], { tty: true })).out, esc);
    assert.doesNotMatch((await lint(root, [], { tty: true, env: { NO_COLOR: "1" } })).out, esc);
    assert.match((await lint(root, [], { env: { FORCE_COLOR: "1" } })).out, esc);
    assert.doesNotMatch((await lint(root, ["--no-color"], { tty: true })).out, esc);
    assert.match((await lint(root, ["--color"])).out, esc);
  });

  it("draws a progress line on a terminal after a second, and erases it", async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 100; i++) files[`d${String(i).padStart(3, "0")}/OWNERS`] = "ok\n";
    const root = tempRepo(files);
    let t = 0;
    const r = await lint(root, ["--format", "json"], { tty: true, now: () => (t += 1000) });
    assert.match(r.err, /^\r\x1b\[Kchecked 32\/100 files/);
    assert.match(r.err, /checked 96\/100 files/);
    assert.ok(r.err.endsWith("\r\x1b[K"), JSON.stringify(r.err));
    const notty = await lint(root, ["--format", "json"], { now: () => (t += 400) });
    assert.equal(notty.err, "");
  });
});
