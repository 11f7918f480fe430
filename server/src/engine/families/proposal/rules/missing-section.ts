import type { Finding, Fix, Rule } from "../../../types";
import { editDistance } from "../../../text";
import type { ParsedProposal } from "../parse";
import { documentAnchor, headingRange, insertAt, label, levelFor, placement, sectionMarkdown, templateHeading } from "../sections";
import type { TemplateSection } from "../template";

/** Rule option `optional`: names of template sections this repository treats as optional. */
function extraOptional(options: Record<string, unknown>): Set<string> {
  const o = options.optional;
  return new Set(Array.isArray(o) ? o.filter((x): x is string => typeof x === "string").map((x) => x.trim().toLowerCase()) : []);
}

/** A heading that is probably the section misspelt ("Alterantives"): unmatched, and within two edits of its name. */
function nearMiss(p: ParsedProposal, s: TemplateSection) {
  if (s.key.length < 5) return undefined;
  return p.outline.headings.find((h) => h !== p.title && !p.sectionOfHeading.has(h.index) && p.keys[h.index] !== "" &&
    editDistance(p.keys[h.index], s.key, 2) <= 2);
}

export const missingSection: Rule<ParsedProposal> = {
  id: "proposal/missing-section",
  description: "A required section of PROPOSAL_TEMPLATE.md is missing from the proposal (after tolerant matching of renamed, renumbered and re-levelled headings).",
  defaultSeverity: "warning",
  fixable: true,
  check(p, ctx) {
    if (!p.looksLikeProposal) return [];
    const optional = extraOptional(ctx.options);
    const findings: Finding[] = [];
    for (const s of p.required) {
      if (p.matches[s.index] || optional.has(s.name.toLowerCase())) continue;
      const place = placement(p, s);
      const fixes: Fix[] = [];
      const typo = nearMiss(p, s);
      if (typo) {
        fixes.push({ title: `Rename "${typo.text}" to "${s.name}"`, edits: [{ range: headingRange(p, typo), newText: s.name }], isPreferred: true });
      }
      const insert = insertAt(p, place.line, sectionMarkdown(s, levelFor(p, s)));
      if (insert) fixes.push({ title: `Add the "${s.name}" section from the template`, edits: [insert], isPreferred: !typo, safe: false });
      const where = place.anchor && place.anchor !== p.title ? `; it goes ${place.where}` : "";
      findings.push({
        range: place.anchor ? headingRange(p, place.anchor) : documentAnchor(p),
        message: `missing section "${s.name}" (${templateHeading(s)} in ${label(p)})${where}`,
        fixes,
      });
    }
    return findings;
  },
};
