import type { Finding, Rule } from "../../../types";
import type { ParsedProposal } from "../parse";
import { headingRange, label } from "../sections";

/** "5. " / "1.2 " numbering in front of a heading's text, kept when renaming. */
const NUMBERING = /^(?:\d+(?:\.\d+)*\.?|[A-Za-z]\.\d+(?:\.\d+)*\.?)\s+/;

/**
 * Says which template section a renamed heading was taken for ("Background" → Motivation,
 * "Alternatives Considered" → Alternatives), so authors see why it is not reported missing, and
 * offers the template's wording. A hint (no entry in the Problems view): 44% of real llm-d
 * proposals rename some section and that is fine. Case and numbering alone are not renames.
 */
export const renamedSection: Rule<ParsedProposal> = {
  id: "proposal/renamed-section",
  description: "A heading is taken for a template section under another name (\"Background\" for Motivation); shown as a hint with a rename fix.",
  defaultSeverity: "hint",
  fixable: true,
  check(p) {
    if (!p.looksLikeProposal) return [];
    const findings: Finding[] = [];
    for (const m of p.matches) {
      if (!m || m.quality !== "renamed") continue;
      const h = m.heading;
      const range = headingRange(p, h);
      const raw = (p.lines[h.line] ?? "").slice(h.textStart, h.textEnd);
      const numbering = h.setext ? "" : NUMBERING.exec(raw)?.[0] ?? "";
      findings.push({
        range,
        message: `"${h.text}" is treated as the template's "${m.section.name}" section (${label(p)})`,
        fixes: h.setext ? [] : [{ title: `Rename to "${numbering}${m.section.name}"`, edits: [{ range, newText: numbering + m.section.name }] }],
      });
    }
    return findings;
  },
};
