import { strict as assert } from "node:assert";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { Log } from "sarif";
import { runCli } from "../../../server/src/cli/program";
import { relativeUri, sarifLevel } from "../../../server/src/cli/format/sarif";
import { fakeEngine, fakeRules, memoryIo, tempRepo } from "./fake";

async function sarif(root: string, args: string[] = []): Promise<{ code: number; log: Log }> {
  const { io, captured } = memoryIo(root);
  const code = await runCli(["lint", "--format", "sarif", ...args], io, fakeEngine);
  return { code, log: JSON.parse(captured.out) as Log };
}

describe("cli lint --format sarif", () => {
  it("has the SARIF 2.1.0 envelope and a driver listing every rule", async () => {
    const root = tempRepo({ "OWNERS": "ok\n" });
    const { code, log } = await sarif(root);
    assert.equal(code, 0);
    assert.equal(log.version, "2.1.0");
    assert.equal(log.$schema, "https://json.schemastore.org/sarif-2.1.0.json");
    assert.equal(log.runs.length, 1);
    const run = log.runs[0];
    const driver = run.tool.driver;
    assert.equal(driver.name, "llm-d-contrib");
    assert.match(driver.version ?? "", /^\d+\.\d+\.\d+/);
    assert.equal(driver.informationUri, "https://github.com/llm-d/llm-d-contrib-tools");
    assert.deepEqual(driver.rules?.map((r) => r.id), fakeRules.map((r) => r.id));
    const hint = driver.rules?.find((r) => r.id === "fake/hint");
    assert.deepEqual(hint?.defaultConfiguration, { level: "note" });
    assert.equal(hint?.helpUri, "https://github.com/llm-d/llm-d-contrib-tools/blob/main/docs/rules/fake-hint.md");
    assert.deepEqual(hint?.shortDescription, { text: "HINT" });
    assert.deepEqual(run.results, []);
    assert.deepEqual(run.originalUriBaseIds, { "%SRCROOT%": { uri: pathToFileURL(root).href + "/" } });
  });

  it("locates each result by repository-relative URI and a 1-based region; levels map hint/info to note", async () => {
    const root = tempRepo({ "my docs/OWNERS": "ok HINT\nERROR\n", "OWNERS": "\u00e9xx\n" });
    mkdirSync(join(root, "sub"));
    const { code, log } = await sarif(join(root, "sub"), [".."]);
    assert.equal(code, 1);
    const run = log.runs[0];
    const rules = run.tool.driver.rules!;
    const results = run.results!;
    assert.deepEqual(results.map((r) => [r.ruleId, rules[r.ruleIndex!].id, r.level, r.message.text]), [
      ["fake/double-x", "fake/double-x", "warning", "double x"],
      ["fake/hint", "fake/hint", "note", "a hint"],
      ["fake/no-error", "fake/no-error", "error", "ERROR found"],
    ]);
    assert.deepEqual(results[0].locations, [{ physicalLocation: {
      artifactLocation: { uri: "OWNERS", uriBaseId: "%SRCROOT%" },
      region: { startLine: 1, startColumn: 2, endLine: 1, endColumn: 4 },
    } }]);
    assert.deepEqual(results[1].locations?.[0].physicalLocation?.artifactLocation, { uri: "my%20docs/OWNERS", uriBaseId: "%SRCROOT%" });
    assert.deepEqual(results[2].locations?.[0].physicalLocation?.region, { startLine: 2, startColumn: 1, endLine: 2, endColumn: 6 });
  });

  it("a file-level finding (empty range) gives a region with its start only", async () => {
    const root = tempRepo({ "OWNERS": Buffer.from([0, 1, 2]) });
    const { log } = await sarif(root);
    const r = log.runs[0].results![0];
    assert.equal(r.ruleId, "internal/binary-file");
    assert.equal(r.level, "note");
    assert.deepEqual(r.locations?.[0].physicalLocation?.region, { startLine: 1, startColumn: 1 });
  });

  it("levels and URIs", () => {
    assert.deepEqual((["error", "warning", "info", "hint"] as const).map(sarifLevel), ["error", "warning", "note", "note"]);
    assert.equal(relativeUri("a b/c#d/100%.md"), "a%20b/c%23d/100%25.md");
  });
});
