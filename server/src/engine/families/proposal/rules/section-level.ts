import type { Finding, Fix, Rule } from "../../../types";
import type { ParsedProposal, SectionMatch } from "../parse";
import { enclosing, isInside } from "../parse";
import { blockHeadings, headingRange, label, templateHeading } from "../sections";

/**
 * A fix changing an ATX heading's #s. Not offered when it would pull a heading out from under
 * it that belongs there: a subsection of the author's, or a template subsection of this section
 * ("# Motivation" over "## Goals"). Template sections that are its peers ("# Summary" over
 * "## Motivation") may come out: that is the point.
 */
function relevel(p: ParsedProposal, m: SectionMatch, level: number): Fix[] {
  const h = m.heading;
  if (h.setext || level < 1 || level > 6) return [];
  const released = blockHeadings(p, h).filter((c) => c.level <= level);
  const peer = (c: { index: number }) => {
    const idx = p.sectionOfHeading.get(c.index);
    if (idx === undefined) return false;
    for (let q = p.template.sections[idx].parent; q >= 0; q = p.template.sections[q].parent) if (q === m.section.index) return false;
    return true;
  };
  if (!released.every(peer)) return [];
  const start = h.markerEnd - h.level;
  return [{
    title: `Make "${h.text}" a level-${level} heading (${"#".repeat(level)})`,
    edits: [{ range: { start: { line: h.line, character: start }, end: { line: h.line, character: h.markerEnd } }, newText: "#".repeat(level) }],
    isPreferred: true,
    // Not safe unattended: siblings that follow may end up nested under the re-levelled heading.
    safe: false,
  }];
}

/**
 * Heading levels and nesting that differ from the template in ways that change the document's
 * shape: a required subsection (Goals, Non-Goals) outside its section (Motivation), or a
 * required top-level section at another level than the template's (a "### Design Details"
 * inside Proposal, sections written as H1 like the title). Optional sections (User Stories) are
 * not checked: real proposals place them freely. A subsection whose parent is missing is left
 * to proposal/missing-section.
 */
export const sectionLevel: Rule<ParsedProposal> = {
  id: "proposal/section-level",
  description: "A section's heading level or nesting differs from PROPOSAL_TEMPLATE.md (a subsection outside its section, a section at another level).",
  defaultSeverity: "info",
  fixable: true,
  check(p) {
    if (!p.looksLikeProposal) return [];
    const findings: Finding[] = [];
    const { headings } = p.outline;
    for (const m of p.matches) {
      if (!m || m.section.optional) continue;
      const s = m.section;
      const h = m.heading;
      if (s.parent >= 0) {
        const parent = p.matches[s.parent];
        if (!parent || isInside(headings, h, parent.heading)) continue;
        const around = enclosing(headings, h);
        const where = around && around !== p.title ? `inside "${around.text}"` : `a level-${h.level} heading beside it`;
        // Moving a block into another section is the author's edit to make: no fix.
        findings.push({
          range: headingRange(p, h),
          message: `"${h.text}" is not inside "${parent.heading.text}" (${where}); ${label(p)} nests ${s.name} in ${parent.section.name} as ${templateHeading(s)}`,
        });
        continue;
      }
      if (h.level === s.level) continue;
      const around = enclosing(headings, h);
      const context = around && around !== p.title && h.level > s.level ? ` inside "${around.text}"` : h.level === 1 && p.title ? ", the title's level" : "";
      findings.push({
        range: headingRange(p, h),
        message: `"${h.text}" is a level-${h.level} heading${context}; ${label(p)} has ${s.name} at level ${s.level} (${templateHeading(s)})`,
        fixes: relevel(p, m, s.level),
      });
    }
    return findings;
  },
};
