/**
 * The built CLI as users run it: bin/llm-d-contrib.js → dist/cli.js in a child process, with
 * the real engine. Only internal rules are asserted here (they exist whatever the families do).
 */
import { strict as assert } from "node:assert";
import { spawnSync } from "node:child_process";
import { mkdirSync, symlinkSync } from "node:fs";
import { join } from "node:path";
import type { Log } from "sarif";
import { tempRepo } from "./fake";

const repoRoot = join(__dirname, "..", "..", "..");
const bin = join(repoRoot, "bin", "llm-d-contrib.js");

function run(cwd: string, args: string[], input?: string) {
  const env = { ...process.env };
  delete env.FORCE_COLOR;
  const r = spawnSync(process.execPath, [bin, ...args], { cwd, input, encoding: "utf8", env });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe("dist/cli.js in a child process", function () {
  this.timeout(60000);
  before(() => {
    const b = spawnSync(process.execPath, [join(repoRoot, "scripts", "build.mjs"), "--if-needed"], { cwd: repoRoot, encoding: "utf8" });
    assert.equal(b.status, 0, `build failed: ${b.stderr}`);
  });

  it("--help and --version exit 0; bad arguments exit 2 with usage on stderr", () => {
    const root = tempRepo({});
    const help = run(root, ["--help"]);
    assert.equal(help.code, 0);
    assert.match(help.out, /Usage: llm-d-contrib/);
    assert.match(run(root, ["--version"]).out, /^\d+\.\d+\.\d+\n$/);
    const bad = run(root, ["lint", "--format", "xml"]);
    assert.equal(bad.code, 2);
    assert.equal(bad.out, "");
    assert.match(bad.err, /error: option '-f, --format <format>' argument 'xml' is invalid/);
    assert.match(bad.err, /Usage: llm-d-contrib lint/);
  });

  it("exit 0 on a repository with nothing to check", () => {
    const r = run(tempRepo({ "README.md": "# hi\n", "notes.txt": "x\n" }), ["lint"]);
    assert.equal(r.code, 0, r.err);
    assert.equal(r.out, "✔ 0 files checked, no problems\n");
  });

  it("a binary file is one finding (exit 0: info); a dangling symlink is unreadable (exit 1); the run goes on", () => {
    const root = tempRepo({ "OWNERS": Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0]) });
    const bin0 = run(root, ["lint", "--format", "json"]);
    assert.equal(bin0.code, 0, bin0.err);
    assert.deepEqual(JSON.parse(bin0.out).map((p: { file: string; ruleId: string }) => `${p.file} ${p.ruleId}`), ["OWNERS internal/binary-file"]);
    mkdirSync(join(root, "gone"));
    symlinkSync(join(root, "does-not-exist"), join(root, "gone", "OWNERS"));
    const r = run(root, ["lint"]);
    assert.equal(r.code, 1);
    assert.match(r.out, /^OWNERS:1:1 +info +skipped: the file holds binary data/m);
    assert.match(r.out, /^gone\/OWNERS:1:1 +error +skipped: could not read the file \(it does not exist/m);
  });

  it("--format sarif is SARIF 2.1.0 with repository-relative locations", () => {
    const root = tempRepo({ "a/OWNERS": Buffer.from([0]) });
    const r = run(root, ["lint", "--format", "sarif"]);
    assert.equal(r.code, 0, r.err);
    const log = JSON.parse(r.out) as Log;
    assert.equal(log.version, "2.1.0");
    const driver = log.runs[0].tool.driver;
    assert.equal(driver.name, "llm-d-contrib");
    const result = log.runs[0].results![0];
    assert.equal(driver.rules![result.ruleIndex!].id, "internal/binary-file");
    assert.deepEqual(result.locations![0].physicalLocation!.artifactLocation, { uri: "a/OWNERS", uriBaseId: "%SRCROOT%" });
    assert.ok(driver.rules!.every((rule) => rule.helpUri?.startsWith("https://") && rule.shortDescription?.text && rule.defaultConfiguration?.level));
  });

  it("worker threads give the same report as one thread", () => {
    const files: Record<string, string | Buffer> = { "bin/OWNERS": Buffer.from([0]) };
    for (let i = 0; i < 30; i++) {
      files[`d${i}/OWNERS`] = i % 3 === 0 ? "approvers:\n  - alice\nreviwers:\n  - bob\n" : "approvers:\n  - alice\n";
      files[`d${i}/main.go`] = `package main\n\nvar x${i} = flag.Bool("experimental-x${i}", ${i % 2 === 0}, "x")\n`;
      // A rename fix finds its edits in other files on request (a function): workers must still post it.
      files[`d${i}/opts.go`] = `package main\n\nvar y${i} = flag.Bool("fast-${i}", false, "Experimental: a fast path")\n`;
    }
    const root = tempRepo(files);
    symlinkSync(join(root, "missing"), join(root, "d0", "OWNERS_ALIASES"));
    const one = spawnSync(process.execPath, [bin, "lint", "--format", "json"], { cwd: root, encoding: "utf8", env: { ...process.env, LLM_D_CONTRIB_THREADS: "1" } });
    const three = spawnSync(process.execPath, [bin, "lint", "--format", "json"], { cwd: root, encoding: "utf8", env: { ...process.env, LLM_D_CONTRIB_THREADS: "3", LLM_D_CONTRIB_DEBUG: "1" } });
    assert.equal(three.stderr, "", "no worker failed (a failed worker's share is checked on the main thread, which would hide it)");
    assert.equal(three.status, one.status);
    assert.equal(three.stdout, one.stdout);
    const problems = JSON.parse(one.stdout) as { file: string; ruleId: string }[];
    assert.ok(problems.some((p) => p.ruleId === "internal/binary-file") && problems.some((p) => p.ruleId === "internal/unreadable"), one.stdout);
    assert.equal(problems.filter((p) => p.ruleId === "flags/experimental-name").length, 30);
  });

  it("answers whether a test mentions an experimental switch as the editor does, on one thread or several", () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 30; i++) {
      files[`d${i}/main.go`] = `package main\n\nvar x${i} = flag.Bool("experimental-x${i}", false, "x")\n`;
      // Mentioned by a Go test (checked by some thread), by a test script (checked by none), or not at all.
      if (i % 3 === 0) files[`d${i}/main_test.go`] = `package main\n\nfunc TestX(t *testing.T) { run("--experimental-x${i}=true") }\n`;
      if (i % 3 === 1) files[`test/e2e/x${i}.sh`] = `#!/bin/sh\nserve --experimental-x${i}=false\n`;
    }
    // A test file declaring a switch mentions it itself.
    files["test/helper_test.go"] = 'package test\n\nvar h = flag.Bool("experimental-helper", false, "x")\n';
    // Test files the check skips (binary, not UTF-8) still mention, as the editor reads them.
    const withBytes: Record<string, string | Buffer> = { ...files };
    for (const [i, junk] of [[30, 0x00], [31, 0xff]]) {
      withBytes[`d${i}/main.go`] = `package main\n\nvar x${i} = flag.Bool("experimental-x${i}", false, "x")\n`;
      withBytes[`d${i}/odd_test.go`] = Buffer.concat([Buffer.from(`run("--experimental-x${i}") `), Buffer.from([junk])]);
    }
    const root = tempRepo(withBytes);
    const untested = (threads: string) => {
      const r = spawnSync(process.execPath, [bin, "lint", "--format", "json"], { cwd: root, encoding: "utf8", env: { ...process.env, LLM_D_CONTRIB_THREADS: threads } });
      assert.equal(r.stderr, "");
      return (JSON.parse(r.stdout) as { file: string; ruleId: string }[]).filter((p) => p.ruleId === "flags/experimental-untested").map((p) => p.file);
    };
    const expected = Array.from({ length: 30 }, (_, i) => i).filter((i) => i % 3 === 2).map((i) => `d${i}/main.go`).sort();
    assert.deepEqual(untested("1"), expected);
    assert.deepEqual(untested("3"), expected);
  });

  it("a commit message is checked against git's identity (host facts), once commit/signoff-mismatch exists", function () {
    const rules = JSON.parse(run(repoRoot, ["rules", "--format", "json"]).out) as { id: string }[];
    if (!rules.some((r) => r.id === "commit/signoff-mismatch")) this.skip();
    const root = tempRepo({});
    const env = { ...process.env, GIT_CONFIG_GLOBAL: "/dev/null", GIT_CONFIG_NOSYSTEM: "1" };
    assert.equal(spawnSync("git", ["-C", root, "init", "-q"], { env }).status, 0);
    for (const [k, v] of [["user.name", "Alice Example"], ["user.email", "alice@example.com"]]) {
      assert.equal(spawnSync("git", ["-C", root, "config", k, v], { env }).status, 0);
    }
    const message = "Fix the router\n\nBecause it was broken.\n\nSigned-off-by: Bob Other <bob@example.com>\n";
    const lint = (msg: string) => {
      const r = spawnSync(process.execPath, [bin, "lint", "--stdin", "--stdin-filename", ".git/COMMIT_EDITMSG", "--format", "json"], { cwd: root, input: msg, encoding: "utf8", env });
      return (JSON.parse(r.stdout) as { ruleId: string }[]).map((p) => p.ruleId);
    };
    assert.ok(lint(message).includes("commit/signoff-mismatch"), "Bob's sign-off does not match Alice");
    assert.ok(!lint(message.replace("Bob Other <bob@example.com>", "Alice Example <alice@example.com>")).includes("commit/signoff-mismatch"));
  });

  it("the OWNERS check of the foundation issue (once owners/unknown-key exists)", function () {
    const rules = JSON.parse(run(repoRoot, ["rules", "--format", "json"]).out) as { id: string }[];
    if (!rules.some((r) => r.id === "owners/unknown-key")) this.skip();
    const root = tempRepo({});
    const r = run(root, ["lint", "--stdin", "--stdin-filename", "OWNERS", "--format", "json"], "approvers:\n  - alice\nreviwers:\n  - bob\n");
    const problems = JSON.parse(r.out) as { ruleId: string; range: { start: { line: number } }; fixes: { edits: { newText: string }[] }[] }[];
    const unknown = problems.find((p) => p.ruleId === "owners/unknown-key");
    assert.ok(unknown, r.out);
    assert.equal(unknown.range.start.line, 3);
    assert.ok(unknown.fixes.some((f) => f.edits.some((e) => e.newText === "reviewers")), JSON.stringify(unknown.fixes));
  });
});
