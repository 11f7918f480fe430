/** Helpers for the owners unit tests: one rule's findings as "severity id L:C-L:C message" lines. */
import { strict as assert } from "node:assert";
import { lintRule, roundTrip, show, type Case } from "../../support/rule-tester";

export function findings(id: string, text: string, path = "OWNERS", files?: Record<string, string>, config?: Case["config"]): string[] {
  return lintRule(id, { path, text, files, config }).map((p) => `${p.severity} ${show(p)}`);
}

/** Applies the named (or first) fix of the first finding and returns the fixed text. */
export function fixed(id: string, text: string, title?: string, path = "OWNERS", files?: Record<string, string>): string {
  return roundTrip(id, { path, text, files }, title);
}

/** The fixes of the first finding as "title [safe] [preferred]". */
export function fixTitles(id: string, text: string, path = "OWNERS", files?: Record<string, string>): string[] {
  const p = lintRule(id, { path, text, files })[0];
  assert.ok(p, `expected a ${id} finding`);
  return (p.fixes ?? []).map((f) => `${f.title}${f.safe ? " [safe]" : ""}${f.isPreferred ? " [preferred]" : ""}`);
}
