import type { Finding, Rule } from "../../../types";
import type { FlagsParsed } from "../model";
import { isExperimental, isSwitch } from "../classify";
import { leaf, testMentions } from "../workspace-index";

/** YAML switch keys too common to count as a mention of one flag. */
const GENERIC = new Set(["enabled", "enable"]);

/**
 * CONTRIBUTING.md: experimental features "provide tests for both on/off states". An experimental
 * switch that no test file of the workspace mentions (by its name, its env name or the field it sets).
 */
export const experimentalUntestedRule: Rule<FlagsParsed> = {
  id: "flags/experimental-untested",
  description: "An experimental switch should be exercised by a test (on and off).",
  defaultSeverity: "info",
  check(parsed, ctx) {
    const candidates = parsed.decls.filter((d) => isExperimental(d) && isSwitch(d) && !d.unresolvedName);
    if (candidates.length === 0) return [];
    const mentioned = testMentions(ctx.workspace);
    const out: Finding[] = [];
    for (const d of candidates) {
      const names = [...(GENERIC.has(leaf(d.name)) ? [] : [leaf(d.name)]), ...d.mentions];
      if (mentioned.anyOf(names)) continue;
      out.push({ range: d.range, message: `no test file mentions the experimental ${d.display}; add tests for both its on and off states` });
    }
    return out;
  },
};
