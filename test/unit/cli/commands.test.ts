import { strict as assert } from "node:assert";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { runCli } from "../../../server/src/cli/program";
import { COMMANDS } from "../../../server/src/cli/commands/index";
import { fakeEngine, fakeRules, memoryIo, tempRepo } from "./fake";

const repoRoot = join(__dirname, "..", "..", "..");

async function cli(args: string[]) {
  const { io, captured } = memoryIo(tempRepo({}));
  const code = await runCli(args, io, fakeEngine);
  return { code, ...captured };
}

describe("cli commands", () => {
  it("--version prints package.json's version", async () => {
    const version = JSON.parse(readFileSync(join(repoRoot, "package.json"), "utf8")).version;
    for (const flag of ["--version", "-v"]) {
      const r = await cli([flag]);
      assert.equal(r.code, 0);
      assert.equal(r.out, `${version}\n`);
    }
  });

  it("--help lists every registered subcommand and the exit codes; exit 0", async () => {
    const r = await cli(["--help"]);
    assert.equal(r.code, 0);
    assert.match(r.out, /^Usage: llm-d-contrib \[options\] \[command\]/);
    for (const c of COMMANDS) assert.match(r.out, new RegExp(`^  ${c.name}\\b`, "m"));
    assert.match(r.out, /Exit codes: 0 no error-level problems, 1 error-level problems, 2 bad usage/);
    const lintHelp = await cli(["lint", "--help"]);
    assert.equal(lintHelp.code, 0);
    assert.match(lintHelp.out, /^Usage: llm-d-contrib lint \[options\] \[paths\.\.\.\]/);
    assert.match(lintHelp.out, /--stdin-filename <path>/);
  });

  it("no subcommand or an unknown one is a usage error (exit 2)", async () => {
    const none = await cli([]);
    assert.equal(none.code, 2);
    assert.match(none.err, /Usage: llm-d-contrib/);
    const unknown = await cli(["lnit"]);
    assert.equal(unknown.code, 2);
    assert.match(unknown.err, /unknown command 'lnit'/);
    assert.match(unknown.err, /Did you mean lint\?/);
  });

  it("rules lists id, default severity, fixability and description", async () => {
    const r = await cli(["rules"]);
    assert.equal(r.code, 0);
    const lines = r.out.trimEnd().split("\n");
    assert.equal(lines.length, fakeRules.length);
    assert.match(lines[1], /^fake\/double-x\s+warning\s+fix\s+no xx$/);
    assert.match(lines[0], /^fake\/no-error\s+error\s+no ERROR$/);
    const json = await cli(["rules", "--format", "json"]);
    const list = JSON.parse(json.out);
    assert.deepEqual(list[1], { id: "fake/double-x", family: "fake", defaultSeverity: "warning", fixable: true, description: "no xx",
      docUrl: "https://github.com/llm-d/llm-d-contrib-tools/blob/main/docs/rules/fake-double-x.md" });
    assert.equal(list.length, fakeRules.length);
    assert.equal((await cli(["rules", "--format", "sarif"])).code, 2);
  });

  it("an unexpected failure is reported as an internal error with exit 2", async () => {
    const { io, captured } = memoryIo(tempRepo({ "OWNERS": "x\n" }));
    const code = await runCli(["lint"], io, { ...fakeEngine, lint: () => { throw new Error("engine exploded"); } });
    assert.equal(code, 2);
    assert.equal(captured.err, "llm-d-contrib: internal error: engine exploded\n");
  });
});
