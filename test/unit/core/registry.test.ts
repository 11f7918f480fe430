import { strict as assert } from "node:assert";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import {
  allRules, docPath, docUrl, FAMILIES, familyFor, familySettingSpecs, INTERNAL_RULES, knownRuleIds, type FileKind,
} from "../../../server/src/engine/index";

const repoRoot = join(__dirname, "..", "..", "..");
const KINDS: FileKind[] = ["owners", "owners-aliases", "proposal", "go", "python", "javascript", "typescript", "yaml", "commit-message"];

describe("registry", () => {
  it("rule ids are unique and shaped family/name with the family's own prefix", () => {
    const ids = allRules().map((r) => r.id);
    assert.equal(new Set(ids).size, ids.length, `duplicates: ${ids.filter((id, i) => ids.indexOf(id) !== i).join(", ")}`);
    for (const r of allRules()) {
      assert.match(r.id, /^[a-z]+\/[a-z0-9]+(-[a-z0-9]+)*$/, r.id);
      assert.equal(r.id.split("/")[0], r.family, r.id);
      assert.ok(r.description.length > 0, `${r.id} has no description`);
      assert.ok(["error", "warning", "info", "hint"].includes(r.defaultSeverity), r.id);
    }
  });

  it("every internal rule is known, and knownRuleIds() is allRules()", () => {
    for (const r of INTERNAL_RULES) assert.ok(knownRuleIds().has(r.id), r.id);
    assert.deepEqual([...knownRuleIds()].sort(), allRules().map((r) => r.id).sort());
  });

  it("each kind is read by at most one family, and familyFor finds it", () => {
    for (const kind of KINDS) {
      const readers = FAMILIES.filter((f) => f.kinds.includes(kind));
      assert.ok(readers.length <= 1, `${kind} is read by ${readers.map((f) => f.name).join(" and ")}`);
      assert.equal(familyFor(kind), readers[0], kind);
    }
    assert.deepEqual(FAMILIES.map((f) => f.name), ["owners", "proposal", "flags", "commit"]);
  });

  it("docPath and docUrl", () => {
    assert.equal(docPath("owners/unknown-key"), "docs/rules/owners-unknown-key.md");
    assert.equal(docPath("internal/rule-error"), "docs/rules/internal-rule-error.md");
    assert.equal(docUrl("flags/experimental-name"), "https://github.com/llm-d/llm-d-contrib-tools/blob/main/docs/rules/flags-experimental-name.md");
    assert.equal(docUrl("flags/experimental-name", "file:///x/ext"), "file:///x/ext/docs/rules/flags-experimental-name.md");
    assert.equal(docUrl("flags/experimental-name", "file:///x/ext/"), "file:///x/ext/docs/rules/flags-experimental-name.md");
  });

  it("every rule id has its doc page, titled with the id and stating the default severity", () => {
    const missing: string[] = [];
    for (const r of allRules()) {
      const file = join(repoRoot, docPath(r.id));
      if (!existsSync(file)) { missing.push(docPath(r.id)); continue; }
      const text = readFileSync(file, "utf8");
      assert.match(text.split("\n")[0], new RegExp(`^# ${r.id.replace("/", "\\/")}\\b`), `${docPath(r.id)}: first line must be "# ${r.id}"`);
      assert.match(text, new RegExp(`default severity[^\\n]*\\b${r.defaultSeverity}\\b`, "i"), `${docPath(r.id)} must state the default severity ${r.defaultSeverity}`);
    }
    assert.deepEqual(missing, [], "rule ids without a doc page");
  });
});

describe("family settings in the extension manifest", () => {
  it("package.json declares exactly the settings each family reads, with matching types", () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const pkg = require("../../../package.json") as { contributes: { configuration: { properties: Record<string, { properties?: Record<string, { type: string; items?: { type: string } }>; additionalProperties?: boolean }> } } };
    const props = pkg.contributes.configuration.properties;
    const jsonType = { "list of texts": "array", "boolean": "boolean", "whole number": "integer", "text": "string" } as const;
    for (const [family, keys] of Object.entries(familySettingSpecs())) {
      const section = props[`llm-d-contrib.${family}`];
      assert.equal(section.additionalProperties, false, family);
      assert.deepEqual(Object.keys(section.properties ?? {}).sort(), Object.keys(keys).sort(), family);
      for (const [key, spec] of Object.entries(keys)) assert.equal(section.properties![key].type, jsonType[spec.type], `${family}.${key}`);
    }
  });
});
