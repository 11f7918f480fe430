import type { Finding, Rule } from "../../../types";
import type { ParsedProposal, SectionMatch } from "../parse";
import { isInside } from "../parse";
import { headingRange, label } from "../sections";

/** Indexes (into `seq`) of a longest run increasing in template order; ties keep the earlier template section. */
export function longestInOrder(seq: readonly number[]): Set<number> {
  const tails: number[] = []; // index into seq of the smallest tail of each length
  const prev: number[] = new Array(seq.length).fill(-1);
  for (let i = 0; i < seq.length; i++) {
    let lo = 0, hi = tails.length;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (seq[tails[mid]] < seq[i]) lo = mid + 1; else hi = mid; }
    if (lo > 0) prev[i] = tails[lo - 1];
    tails[lo] = i;
  }
  const keep = new Set<number>();
  for (let i = tails.length ? tails[tails.length - 1] : -1; i !== -1; i = prev[i]) keep.add(i);
  return keep;
}

/**
 * Required sections out of the template's order: the top-level ones among themselves, and the
 * subsections of each section among those nested in it (a subsection outside its parent is
 * proposal/section-level's business, not this rule's).
 */
export const sectionOrder: Rule<ParsedProposal> = {
  id: "proposal/section-order",
  description: "Sections of the template appear in a different order than PROPOSAL_TEMPLATE.md gives them.",
  defaultSeverity: "info",
  check(p) {
    if (!p.looksLikeProposal) return [];
    const groups = new Map<number, SectionMatch[]>();
    for (const m of p.matches) {
      if (!m || m.section.optional) continue;
      const parent = m.section.parent >= 0 ? p.matches[m.section.parent] : undefined;
      if (m.section.parent >= 0 && !(parent && isInside(p.outline.headings, m.heading, parent.heading))) continue;
      const g = groups.get(m.section.parent) ?? [];
      g.push(m);
      groups.set(m.section.parent, g);
    }
    const findings: Finding[] = [];
    for (const group of groups.values()) {
      const inDoc = [...group].sort((a, b) => a.heading.line - b.heading.line);
      const keep = longestInOrder(inDoc.map((m) => m.section.index));
      inDoc.forEach((m, i) => {
        if (keep.has(i)) return;
        const kept = inDoc.filter((_, j) => keep.has(j));
        const after = kept.find((k) => k.section.index < m.section.index && k.heading.line > m.heading.line);
        const before = [...kept].reverse().find((k) => k.section.index > m.section.index && k.heading.line < m.heading.line);
        const message = after
          ? `"${m.heading.text}" comes before "${after.heading.text}"; ${label(p)} puts ${m.section.name} after ${after.section.name}`
          : `"${m.heading.text}" comes after "${before!.heading.text}"; ${label(p)} puts ${m.section.name} before ${before!.section.name}`;
        findings.push({ range: headingRange(p, m.heading), message });
      });
    }
    return findings;
  },
};
