import type { Finding, Rule } from "../../../types";
import type { ParsedCommit } from "../parse";
import { lineRange } from "../fixes";

/**
 * git takes the whole first paragraph as the title (`%s` joins its lines), so the line after
 * the title must be blank. Comment lines do not count: git strips them first.
 */
export const titleBodySeparator: Rule<ParsedCommit> = {
  id: "commit/title-body-separator",
  description: "The line after the title is not blank, so git reads both lines as one long title.",
  defaultSeverity: "warning",
  fixable: true,
  check(p): Finding[] {
    if (p.title === undefined || p.purpose === "tag") return [];
    let next = p.title + 1;
    while (next < p.lines.length && !p.content[next]) next++;
    if (next >= p.lines.length || p.lines[next].trim() === "") return [];
    const at = { line: next, character: 0 };
    return [{
      range: lineRange(p, next),
      message: "the line after the title must be blank; git reads every line up to the first blank one as the title",
      fixes: [{ title: "Insert a blank line after the title", edits: [{ range: { start: at, end: at }, newText: p.eol }], isPreferred: true }],
    }];
  },
};
