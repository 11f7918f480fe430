/**
 * Hostile files, through the real CLI process: each gets a clear finding (or is checked
 * normally) in bounded time and memory, and the run goes on to the next file. Each run has a
 * hard kill timeout, so a hang fails the test instead of blocking CI.
 */
import { strict as assert } from "node:assert";
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync, mkdirSync, rmSync, openSync, ftruncateSync, closeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, dirname } from "node:path";

const cli = join(__dirname, "..", "..", "bin", "llm-d-contrib.js");
const HANG_GUARD_MS = 60_000;

interface JsonProblem { file: string; ruleId: string; severity: string; message: string; range: { start: { line: number; column: number } } }

function lintRepo(files: Record<string, string | Buffer>): { problems: JsonProblem[]; status: number | null; stderr: string; ms: number } {
  const repo = mkdtempSync(join(tmpdir(), "llm-d-contrib-hostile-"));
  try {
    mkdirSync(join(repo, ".git"));
    for (const [rel, content] of Object.entries(files)) {
      mkdirSync(dirname(join(repo, rel)), { recursive: true });
      writeFileSync(join(repo, rel), content);
    }
    return run(repo);
  } finally { rmSync(repo, { recursive: true, force: true }); }
}

function run(repo: string) {
  const t0 = Date.now();
  const r = spawnSync(process.execPath, ["--max-old-space-size=512", cli, "lint", repo, "--format", "json"], { encoding: "utf8", timeout: HANG_GUARD_MS, maxBuffer: 64 * 1024 * 1024 });
  const ms = Date.now() - t0;
  assert.notEqual(r.signal, "SIGTERM", `the CLI did not finish within ${HANG_GUARD_MS} ms`);
  assert.ok(r.status === 0 || r.status === 1, `exit ${r.status}: ${r.stderr}`);
  return { problems: JSON.parse(r.stdout) as JsonProblem[], status: r.status, stderr: r.stderr, ms };
}

const of = (ps: JsonProblem[], file: string) => ps.filter((p) => p.file === file);
const noInternalErrors = (ps: JsonProblem[]) => assert.deepEqual(ps.filter((p) => p.ruleId === "internal/rule-error"), []);

describe("hostile files get one clear finding each, in bounded time, and the run goes on", function () {
  this.timeout(HANG_GUARD_MS + 10_000);

  it("a YAML alias bomb in OWNERS and in OWNERS_ALIASES", () => {
    const bomb = ["a: &a [x, x, x, x, x, x, x, x, x]"];
    for (let i = 1; i < 9; i++) bomb.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill("*" + String.fromCharCode(96 + i)).join(", ")}]`);
    const owners = bomb.join("\n") + "\napprovers: *i\n";
    const aliases = "aliases:\n  " + bomb.join("\n  ") + "\n  team: *i\n";
    const { problems } = lintRepo({ "OWNERS": "approvers:\n  - alice\n", "pkg/OWNERS": owners, "OWNERS_ALIASES": aliases, "after/OWNERS": "approvers: bob\n" });
    noInternalErrors(problems);
    assert.ok(of(problems, "pkg/OWNERS").some((p) => p.severity === "error"), JSON.stringify(of(problems, "pkg/OWNERS")));
    assert.ok(of(problems, "OWNERS_ALIASES").some((p) => p.severity === "error"), JSON.stringify(of(problems, "OWNERS_ALIASES")));
    assert.ok(of(problems, "after/OWNERS").some((p) => p.ruleId === "owners/wrong-type"), "the run went on to the next file");
  });

  it("an OWNERS_ALIASES with anchors and nested maps", () => {
    const aliases = "aliases:\n  base: &base\n    - alice\n  copy: *base\n  nested:\n    deeper:\n      - bob\n";
    const { problems } = lintRepo({ "OWNERS": "approvers:\n  - base\n", "OWNERS_ALIASES": aliases });
    noInternalErrors(problems);
    const nested = of(problems, "OWNERS_ALIASES").filter((p) => p.range.start.line === 6);
    assert.ok(nested.some((p) => p.severity === "error"), `nested map under an alias: ${JSON.stringify(of(problems, "OWNERS_ALIASES"))}`);
  });

  it("a 50 MB file is skipped as too large without being read, and the next file is checked", () => {
    const repo = mkdtempSync(join(tmpdir(), "llm-d-contrib-hostile-"));
    try {
      mkdirSync(join(repo, ".git"));
      mkdirSync(join(repo, "big"));
      const fd = openSync(join(repo, "big", "OWNERS"), "w");
      ftruncateSync(fd, 50 * 1024 * 1024);
      closeSync(fd);
      writeFileSync(join(repo, "OWNERS"), "approvers:\n  - alice\nreviwers:\n  - bob\n");
      const { problems } = run(repo);
      assert.deepEqual(of(problems, "big/OWNERS").map((p) => p.ruleId), ["internal/too-large"]);
      assert.match(of(problems, "big/OWNERS")[0].message, /too large/);
      assert.ok(of(problems, "OWNERS").some((p) => p.ruleId === "owners/unknown-key"));
    } finally { rmSync(repo, { recursive: true, force: true }); }
  });

  it("binary content and invalid UTF-8", () => {
    const { problems } = lintRepo({
      "bin/OWNERS": Buffer.from([0x61, 0x70, 0x00, 0x01, 0xff, 0x00]),
      "latin1/OWNERS": Buffer.from("approvers:\n  - jos\xe9\n", "latin1"),
      "OWNERS": "approvers:\n  - alice\n",
    });
    assert.deepEqual(of(problems, "bin/OWNERS").map((p) => p.ruleId), ["internal/binary-file"]);
    assert.deepEqual(of(problems, "latin1/OWNERS").map((p) => p.ruleId), ["internal/invalid-encoding"]);
    assert.match(of(problems, "latin1/OWNERS")[0].message, /offset 18/);
  });

  it("deeply nested markdown in a proposal", () => {
    const quotes = "# Deep\n\n## Summary\n\n" + Array.from({ length: 3000 }, (_, i) => ">".repeat(i % 200 + 1) + " x").join("\n") + "\n";
    const lists = "# Lists\n\n" + Array.from({ length: 2000 }, (_, i) => "  ".repeat(i) + "- item").join("\n") + "\n";
    const { problems } = lintRepo({ "docs/proposals/deep_quotes.md": quotes, "docs/proposals/deep_lists.md": lists, "OWNERS": "approvers:\n  - alice\n" });
    noInternalErrors(problems);
    assert.ok(of(problems, "docs/proposals/deep_quotes.md").length > 0);
  });

  it("deeply nested brackets in Go, Python and TypeScript", () => {
    const deep = "(".repeat(100_000) + ")".repeat(100_000);
    const { problems } = lintRepo({
      "cmd/deep.go": `package main\nvar x = f${deep}\nvar enable = flag.Bool("fast", true, "Experimental: fast path")\n`,
      "tools/deep.py": `x = f${deep}\n`,
      "src/deep.ts": `const x = f${deep};\n`,
    });
    noInternalErrors(problems);
    assert.ok(of(problems, "cmd/deep.go").some((p) => p.ruleId === "flags/experimental-name"), "declarations after the brackets are still found");
  });

  it("single lines of megabytes in every kind", () => {
    const line = "x".repeat(1_500_000);
    const { problems } = lintRepo({
      "OWNERS": `approvers:\n  - ${line}\n`,
      "docs/proposals/one_line.md": `# ${line}\n`,
      "cmd/long.go": `package main // ${line}\n`,
      "tools/long.py": `x = "${line}"\n`,
      "charts/values.yaml": `key: ${line}\n`,
      "msg/COMMIT_EDITMSG": `${line}\n`,
    });
    noInternalErrors(problems);
    // An OWNERS file this far beyond any real one gets the family's single "too large" note.
    assert.deepEqual(of(problems, "OWNERS").map((p) => p.ruleId), ["owners/too-large"]);
    assert.ok(of(problems, "msg/COMMIT_EDITMSG").some((p) => p.ruleId === "commit/title-length"));
  });

  it("pathological regexes in OWNERS filters are checked with RE2, never run in a backtracking engine", () => {
    const owners = 'filters:\n  "(a+)+$":\n    approvers:\n      - alice\n  "(x|x|x|x|x)*y{1000}":\n    approvers:\n      - bob\n  "(?=lookahead)":\n    approvers:\n      - carol\n  "' + "(".repeat(2000) + "a" + ")".repeat(2000) + '":\n    approvers:\n      - dan\n';
    const { problems } = lintRepo({ "OWNERS": "approvers:\n  - alice\n", "pkg/OWNERS": owners });
    noInternalErrors(problems);
    const regex = of(problems, "pkg/OWNERS").filter((p) => p.ruleId === "owners/invalid-regex");
    // Lookahead is not RE2; nesting deeper than Go's limit of 1000 is rejected by Go's parser too.
    assert.deepEqual(regex.map((p) => p.range.start.line), [8, 11], JSON.stringify(regex));
    assert.match(regex[1].message, /nests too deeply/);
  });

  it("extremely long names", () => {
    const name = "a".repeat(100_000);
    const { problems } = lintRepo({ "OWNERS": `approvers:\n  - ${name}\n`, "OWNERS_ALIASES": `aliases:\n  team-${name}:\n    - b${name}\n` });
    noInternalErrors(problems);
    assert.ok(of(problems, "OWNERS").some((p) => p.ruleId === "owners/invalid-login"), JSON.stringify(of(problems, "OWNERS").map((p) => p.ruleId)));
    assert.ok(of(problems, "OWNERS_ALIASES").some((p) => p.ruleId === "owners/invalid-login"), JSON.stringify(of(problems, "OWNERS_ALIASES").map((p) => p.ruleId)));
  });
});
