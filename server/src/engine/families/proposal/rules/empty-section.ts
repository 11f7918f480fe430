import type { Finding, Rule } from "../../../types";
import type { ParsedProposal } from "../parse";
import { blockHeadings, headingRange, isStub } from "../sections";

const squash = (s: string) => s.replace(/\s+/g, " ").trim();

/**
 * A section of the template that is present but says nothing: only blank lines or HTML comments
 * (such as the template's own guidance, which does not render) under it and its subsections.
 * A section whose subsections are template sections themselves (Motivation with Goals) is left
 * to them; one holding the template's empty "Story 1" stubs is left to proposal/placeholder.
 */
export const emptySection: Rule<ParsedProposal> = {
  id: "proposal/empty-section",
  description: "A template section is present but empty, or still holds only the template's guidance comment.",
  defaultSeverity: "warning",
  check(p) {
    if (!p.looksLikeProposal) return [];
    const findings: Finding[] = [];
    for (const m of p.matches) {
      if (!m) continue;
      const h = m.heading;
      if (h.hasContent) continue;
      const inner = blockHeadings(p, h);
      if (inner.some((x) => x.hasContent || p.sectionOfHeading.has(x.index) || isStub(p, x))) continue;
      const guidance = squash(m.section.guidance);
      const onlyGuidance = guidance !== "" && [h, ...inner].some((x) => x.comments.some((c) => squash(c) === guidance));
      const what = onlyGuidance ? "still holds only the template's guidance comment (it does not render)" : "is empty";
      const advice = m.section.optional ? "fill it in or remove it (it is optional)" : "write it";
      findings.push({ range: headingRange(p, h), message: `section "${h.text}" ${what}; ${advice}` });
    }
    return findings;
  },
};
