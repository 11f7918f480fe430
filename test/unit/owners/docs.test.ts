import { strict as assert } from "node:assert";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { ownersFamily } from "../../../server/src/engine/families/owners/index";
import { docPath } from "../../../server/src/engine/index";

const repoRoot = join(__dirname, "..", "..", "..");

describe("owners rule documentation", () => {
  it("has a page per rule with its title, severity, examples, fixes and how to disable it", () => {
    assert.ok(ownersFamily.rules.length >= 20);
    for (const rule of ownersFamily.rules) {
      const file = join(repoRoot, docPath(rule.id));
      assert.ok(existsSync(file), `missing ${docPath(rule.id)}`);
      const text = readFileSync(file, "utf8");
      assert.ok(text.startsWith(`# ${rule.id}\n`), `${file} must start with its id`);
      assert.match(text, new RegExp(`\\*\\*Default severity:\\*\\* ${rule.defaultSeverity}\\b`), `${rule.id}: severity`);
      assert.match(text, new RegExp(`\\*\\*Fixable:\\*\\* ${rule.fixable ? "yes" : "no"}`), `${rule.id}: fixable`);
      for (const section of ["## What it checks", "## Examples", "Bad:", "Good:", "## Fixes", "## Configure or disable"]) assert.ok(text.includes(section), `${rule.id}: ${section}`);
      assert.ok(text.includes(rule.id.replace(/^/, "")) && text.includes("llm-d-contrib-disable"), `${rule.id}: disable comment`);
    }
  });
});
