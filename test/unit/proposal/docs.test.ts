import { strict as assert } from "node:assert";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { proposalFamily } from "../../../server/src/engine/families/proposal/index";
import { docPath } from "../../../server/src/engine/index";
import { repoRoot } from "./support";

describe("proposal rule documentation", () => {
  it("has a page per rule with its title, severity, examples, fixes and how to disable it", () => {
    assert.equal(proposalFamily.rules.length, 8);
    for (const rule of proposalFamily.rules) {
      const file = join(repoRoot, docPath(rule.id));
      assert.ok(existsSync(file), `missing ${docPath(rule.id)}`);
      const text = readFileSync(file, "utf8");
      assert.ok(text.startsWith(`# ${rule.id}\n`), `${file} must start with its id`);
      assert.match(text, new RegExp(`\\*\\*Default severity:\\*\\* ${rule.defaultSeverity}\\b`), `${rule.id}: severity`);
      assert.match(text, new RegExp(`\\*\\*Fixable:\\*\\* ${rule.fixable ? "yes" : "no"}`), `${rule.id}: fixable`);
      for (const section of ["## What it checks", "## Examples", "## Fixes", "## Configure or disable", `llm-d-contrib-disable`, rule.id]) {
        assert.ok(text.includes(section), `${rule.id}: ${section}`);
      }
      assert.ok(/Bad|Reported/.test(text) && /Good|Not reported/.test(text), `${rule.id}: bad and good examples`);
    }
  });
});
