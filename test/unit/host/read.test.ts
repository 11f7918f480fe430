import { strict as assert } from "node:assert";
import { mkdtempSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { resolveConfig } from "../../../server/src/engine/index";
import { readForCheck } from "../../../server/src/host/read";

describe("readForCheck (the CLI and the server's scan read files alike)", () => {
  const dir = mkdtempSync(join(tmpdir(), "llm-d-read-"));
  const latin1 = join(dir, "OWNERS");
  writeFileSync(latin1, Buffer.from([0x61, 0x70, 0x70, 0x72, 0x6f, 0x76, 0x65, 0x72, 0x73, 0x3a, 0x20, 0xe9, 0x0a]));
  const bom = join(dir, "BOM");
  writeFileSync(bom, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from("approvers: [a]\n")]));
  symlinkSync(join(dir, "missing"), join(dir, "dangling"));

  it("gives the text and whether it had a byte-order mark", () => {
    assert.deepEqual(readForCheck(bom, resolveConfig()), { text: "approvers: [a]\n", hadBom: true });
  });

  it("gives an internal finding with the configured severity, or none when it is off", () => {
    const r = readForCheck(latin1, resolveConfig({ rules: { "internal/invalid-encoding": "error" } }));
    assert.ok(r && "problems" in r);
    assert.deepEqual(r.problems.map((p) => [p.ruleId, p.severity]), [["internal/invalid-encoding", "error"]]);
    assert.deepEqual(readForCheck(latin1, resolveConfig({ rules: { "internal/invalid-encoding": "off" } })), { problems: [] });
    const big = readForCheck(bom, resolveConfig({ maxFileBytes: 4 }));
    assert.deepEqual(big, { problems: [{ ruleId: "internal/too-large", severity: "info", range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, message: "skipped: too large (18 bytes; the limit maxFileBytes is 4)" }] });
  });

  it("reports a dangling link for the CLI, and treats it as gone for the server", () => {
    const r = readForCheck(join(dir, "dangling"), resolveConfig());
    assert.ok(r && "problems" in r);
    assert.match(r.problems[0].message, /^skipped: could not read the file \(it does not exist/);
    assert.equal(readForCheck(join(dir, "dangling"), resolveConfig(), "gone"), undefined);
    assert.equal(readForCheck(dir, resolveConfig()), undefined, "a folder is not a file to check");
  });
});
