import type { Rule } from "../../../types";
import type { OwnersDoc } from "../parse";
import { eol, insertAt } from "../util";

export const finalNewline: Rule<OwnersDoc> = {
  id: "owners/final-newline",
  description: "The root OWNERS ends inside `auto-assign:` without a final newline: llm-d's auto-assign workflow skips that last line.",
  defaultSeverity: "warning",
  fixable: true,
  check(p) {
    if (p.unreadable || p.kind !== "owners" || !p.isRoot || p.text === "" || p.text.endsWith("\n")) return [];
    const last = p.entries.reduce<typeof p.entries[number] | undefined>((a, e) => (!a || e.start > a.start ? e : a), undefined);
    if (!last || last.name !== "auto-assign") return [];
    const line = p.lines.lineCount - 1;
    const range = p.lines.lineRange(line);
    return [{
      range,
      message: "llm-d's auto-assign workflow reads this file line by line and skips a last line without a line break, so this reviewer is never picked; end the file with a newline",
      fixes: [{ title: "Add the final newline", edits: [insertAt(p.lines, p.text.length, eol(p.text))], isPreferred: true, safe: true }],
    }];
  },
};
