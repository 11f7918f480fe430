import type { Finding, Rule } from "../../../types";
import type { ParsedCommit } from "../parse";
import { lineRange } from "../fixes";
import { GENERATED_TITLE } from "./title-length";

/**
 * CONTRIBUTING.md: commit messages carry a "description of why the change was needed". A
 * message with only a title (and trailers) has none. Info: a trivial change may not need one.
 */
export const missingBody: Rule<ParsedCommit> = {
  id: "commit/missing-body",
  description: "The message has a title but no body saying why the change was needed.",
  defaultSeverity: "info",
  check(p): Finding[] {
    if (p.title === undefined || p.purpose !== "commit" || p.bodyLines.length > 0) return [];
    if (GENERATED_TITLE.test(p.lines[p.title])) return [];
    return [{
      range: lineRange(p, p.title),
      message: "no body: add a paragraph after the title that says why the change was needed (CONTRIBUTING.md)",
    }];
  },
};
