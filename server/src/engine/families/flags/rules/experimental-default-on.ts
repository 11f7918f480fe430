import type { Finding, Rule } from "../../../types";
import type { FlagsParsed } from "../model";
import { hasExperimentalName } from "../evidence";
import { isExperimental, isSwitch, describeEvidence } from "../classify";
import { defaultOffFix } from "../fixes";

/**
 * CONTRIBUTING.md: "All experimental features must be off by default and require explicit opt-in".
 * An experimental switch (by name or by evidence) whose default resolves to on.
 */
export const experimentalDefaultOnRule: Rule<FlagsParsed> = {
  id: "flags/experimental-default-on",
  description: "An experimental switch must default to off.",
  defaultSeverity: "error",
  fixable: true,
  check(parsed) {
    const out: Finding[] = [];
    for (const d of parsed.decls) {
      if (!isExperimental(d) || !isSwitch(d) || d.default.state !== "on") continue;
      const why = hasExperimentalName(d.name) ? "by its name" : describeEvidence(d.evidence[0]);
      const from = d.default.from ? ` in ${d.default.from}` : "";
      const fix = defaultOffFix(d);
      out.push({
        range: d.range,
        message: `${d.display} is experimental (${why}) but defaults to on (${d.default.text}${from}); experimental features must be off by default`,
        fixes: fix ? [fix] : undefined,
      });
    }
    return out;
  },
};
