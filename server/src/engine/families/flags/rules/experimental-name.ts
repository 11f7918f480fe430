import type { Finding, Rule } from "../../../types";
import type { FlagsParsed } from "../model";
import { flagsSettings } from "../model";
import { hasExperimentalName } from "../evidence";
import { describeEvidence, namingEvidence } from "../classify";
import { currentName, renameFix, renamedDisplay } from "../fixes";
import { occurrencesOfAll } from "../workspace-index";

/**
 * CONTRIBUTING.md: "Experimental flags must include `experimental` in name". A declaration whose
 * own help, doc comment or adjacent comment calls it experimental, alpha, tech preview, unstable or
 * work in progress, but whose name lacks `experimental`.
 */
export const experimentalNameRule: Rule<FlagsParsed> = {
  id: "flags/experimental-name",
  description: "A flag described as experimental must carry `experimental` in its name.",
  defaultSeverity: "warning",
  fixable: true,
  check(parsed, ctx) {
    const settings = flagsSettings(ctx.settings);
    const out: Finding[] = [];
    const reported = parsed.decls.filter((d) => !d.deprecated && !hasExperimentalName(d.name) && namingEvidence(d, settings).length > 0);
    if (reported.length === 0) return out;
    const names = reported.filter((d) => !d.valuesPath).map((d) => currentName(d, parsed.lines)).filter((n): n is string => !!n);
    // One pass over the text for every reported name, made only when a fix's edits are read.
    let inDoc: Map<string, number[]> | undefined;
    const occurrencesInDoc = () => (inDoc ??= occurrencesOfAll(ctx.document.text, names));
    for (const d of reported) {
      const ev = namingEvidence(d, settings);
      const fix = renameFix(d, ctx, parsed.lines, occurrencesInDoc);
      const suggestion = d.renameTo ? `; name it ${renamedDisplay(d, parsed)}` : "";
      out.push({
        range: d.range,
        message: `${d.display} is marked experimental (${describeEvidence(ev[0])}) but its name lacks "experimental"${suggestion}`,
        fixes: fix ? [fix] : undefined,
      });
    }
    return out;
  },
};
