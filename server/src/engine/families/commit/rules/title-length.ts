import type { Finding, Rule } from "../../../types";
import type { ParsedCommit } from "../parse";
import { lineRange } from "../fixes";
import { positiveInt } from "../settings";

/** Titles git itself writes, or that autosquash folds away: not the author's to shorten. */
export const GENERATED_TITLE = /^(fixup|squash|amend)! |^Revert "/;

/**
 * CONTRIBUTING.md asks for "short, descriptive titles"; git log --oneline and GitHub cut a
 * title past 72 characters. The limit is the rule's `max` option or `commit: titleMaxLength`.
 */
export const titleLength: Rule<ParsedCommit> = {
  id: "commit/title-length",
  description: "The title (first line) is longer than 72 characters (configurable).",
  defaultSeverity: "warning",
  check(p, ctx): Finding[] {
    if (p.title === undefined || p.purpose !== "commit") return [];
    const max = positiveInt(ctx.options.max) ?? p.settings.titleMaxLength;
    const title = p.lines[p.title].replace(/\s+$/, "");
    if (GENERATED_TITLE.test(title)) return [];
    const chars = Array.from(title);
    if (chars.length <= max) return [];
    const from = chars.slice(0, max).join("").length;
    return [{
      range: lineRange(p, p.title, from, title.length),
      message: `the title is ${chars.length} characters long; keep it to ${max} or fewer so git log and GitHub show it whole`,
    }];
  },
};
