// The README's rules table is what users read first: it must list exactly the rules the engine has,
// with their default severities, each linking to a page that exists.
import { strict as assert } from "node:assert";
import { readFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import { allRules, docPath, familySettingSpecs, knownRuleIds, parseConfigText } from "../../../server/src/engine/index";

const root = join(__dirname, "..", "..", "..");

describe("README rules table", () => {
  const readme = readFileSync(join(root, "README.md"), "utf8");
  const rows = [...readme.matchAll(/^\| \[`([a-z]+\/[a-z0-9-]+)`\]\(([^)]+)\) \| (\w+) \|/gm)].map((m) => ({ id: m[1], link: m[2], severity: m[3] }));

  it("lists every rule once, in the registry's order, with its default severity", () => {
    assert.deepEqual(rows.map((r) => `${r.id} ${r.severity}`), allRules().map((r) => `${r.id} ${r.defaultSeverity}`));
  });

  it("links each rule to its doc page, which exists", () => {
    for (const r of rows) {
      assert.equal(r.link, docPath(r.id));
      assert.ok(existsSync(join(root, r.link)), `${r.link} is missing`);
    }
  });
});

describe("README configuration example", () => {
  it("is a valid .llm-d-contrib.yaml that names every family setting there is", () => {
    const readme = readFileSync(join(root, "README.md"), "utf8");
    const section = readme.slice(readme.indexOf("## Configuration"));
    const block = /```yaml\n([\s\S]*?)```/.exec(section)?.[1];
    assert.ok(block, "no yaml block under ## Configuration");
    const { raw, errors } = parseConfigText(block, knownRuleIds(), familySettingSpecs());
    assert.deepEqual(errors, []);
    for (const [family, keys] of Object.entries(familySettingSpecs())) {
      assert.deepEqual(Object.keys((raw as Record<string, Record<string, unknown>>)[family] ?? {}).sort(), Object.keys(keys).sort(), family);
    }
  });
});
