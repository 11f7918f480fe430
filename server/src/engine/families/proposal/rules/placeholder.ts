import type { Finding, Rule } from "../../../types";
import type { ParsedProposal } from "../parse";
import { sectionKey } from "../match";
import { blockHeadings, headingRange, isStub } from "../sections";

/**
 * Template text left in place: the template's placeholder title ("Your short, descriptive
 * title"), and its numbered example headings ("#### Story 1") with nothing under them. A story
 * heading with text under it is a real story and is left alone.
 */
export const placeholder: Rule<ParsedProposal> = {
  id: "proposal/placeholder",
  description: "The template's placeholder title or an untouched example heading (\"Story 1\") is still in the proposal.",
  defaultSeverity: "warning",
  fixable: true,
  check(p) {
    if (!p.looksLikeProposal) return [];
    const findings: Finding[] = [];
    const { title } = p;
    if (title && p.template.title && sectionKey(title.text) === sectionKey(p.template.title) && sectionKey(title.text) !== "") {
      findings.push({ range: headingRange(p, title), message: `the title is still the template's placeholder "${p.template.title}"; give the proposal its own title` });
    }
    for (const h of p.outline.headings) {
      if (!isStub(p, h) || h.hasContent || blockHeadings(p, h).some((x) => x.hasContent)) continue;
      const end = nextHeadingLine(p, h);
      findings.push({
        range: headingRange(p, h),
        message: `"${h.text}" is the template's empty example heading; write the story under it or remove it`,
        fixes: [{ title: `Remove the empty "${h.text}" heading`, edits: [{ range: { start: { line: h.line, character: 0 }, end: { line: end, character: 0 } }, newText: "" }] }],
      });
    }
    return findings;
  },
};

/** The line of the next heading (of any level) after `h`, else the end of the document. */
function nextHeadingLine(p: ParsedProposal, h: { index: number }): number {
  return p.outline.headings[h.index + 1]?.line ?? p.lines.length;
}
