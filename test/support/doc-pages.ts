/**
 * One check for the rule documentation pages of a family: every rule has docs/rules/<id>.md,
 * starting with its id, stating its default severity and fixability, with the sections a user
 * needs (what it checks, examples, fixes, how to configure or disable it).
 */
import { strict as assert } from "node:assert";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { docPath, type Rule } from "../../server/src/engine/index";

const repoRoot = join(__dirname, "..", "..");

/** `extraSections`: text a family's pages must also hold (e.g. "Bad:" and "Good:" labels). */
export function assertDocPages(rules: readonly Rule<unknown>[], extraSections: readonly string[] = [], opts: { directives?: boolean } = {}): void {
  for (const rule of rules) {
    const file = join(repoRoot, docPath(rule.id));
    assert.ok(existsSync(file), `missing ${docPath(rule.id)}`);
    const text = readFileSync(file, "utf8");
    assert.ok(text.startsWith(`# ${rule.id}\n`), `${file} must start with its id`);
    assert.match(text, new RegExp(`\\*\\*Default severity:\\*\\* ${rule.defaultSeverity}\\b`), `${rule.id}: severity`);
    assert.match(text, new RegExp(`\\*\\*Fixable:\\*\\* ${rule.fixable ? "yes" : "no"}`), `${rule.id}: fixable`);
    // Internal findings come before a file's directives are read: their pages say so instead.
    const directive = opts.directives === false ? [] : ["llm-d-contrib-disable"];
    for (const section of ["## What it checks", "## Examples", "## Fixes", "## Configure or disable", ...directive, ...extraSections]) {
      assert.ok(text.includes(section), `${rule.id}: ${section}`);
    }
    assert.ok(/Bad|Reported/.test(text) && /Good|Not reported/.test(text), `${rule.id}: bad and good examples`);
  }
}
