import type { Rule } from "../../../types";
import type { ParsedProposal } from "../parse";
import { documentAnchor, insertAt, label, levelFor, sectionMarkdown } from "../sections";

const quote = (names: string[]) => names.map((n) => `"${n}"`).join(", ");

/**
 * One note instead of a wall of missing sections for a document in a proposal folder that has
 * almost none of the template (at most a quarter of its required sections: 1 of llm-d's 7) and
 * does not say it proposes anything (no "proposal" in its title, no Status/Authors metadata, no
 * "this proposal"/"we propose" wording): an install guide, a primer, a roadmap, a plan. The other
 * proposal rules stay quiet on it. The fix adds the template's sections, for when it is one.
 */
export const notAProposal: Rule<ParsedProposal> = {
  id: "proposal/not-a-proposal",
  description: "A document in a proposal folder matches almost none of PROPOSAL_TEMPLATE.md and does not read like a proposal (a guide, primer, roadmap or plan).",
  defaultSeverity: "info",
  fixable: true,
  check(p) {
    if (p.looksLikeProposal) return [];
    const found = p.required.filter((s) => p.matches[s.index]).map((s) => s.name);
    const missing = p.required.filter((s) => !p.matches[s.index]);
    const has = found.length === 0 ? `none of the ${p.required.length} sections` : `only ${quote(found)} of the ${p.required.length} sections`;
    const insert = missing.length ? insertAt(p, p.outline.lineCount, missing.map((s) => sectionMarkdown(s, levelFor(p, s))).join("")) : undefined;
    return [{
      range: documentAnchor(p),
      message: `this does not look like a proposal: it has ${has} of ${label(p)} (missing ${quote(missing.map((s) => s.name))}); ` +
        "if it is one, add them; if it is a guide, primer or plan, it belongs outside the proposal folder",
      fixes: insert ? [{ title: "Add the template's missing sections at the end", edits: [insert] }] : [],
    }];
  },
};
