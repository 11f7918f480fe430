import type { Rule } from "../../../types";
import type { OwnersDoc } from "../parse";

export const ignoredDir: Rule<OwnersDoc> = {
  id: "owners/ignored-dir",
  description: "An OWNERS file in a directory Prow skips (vendor/*/*, *_output, *.git): it has no effect.",
  defaultSeverity: "hint",
  check(p) {
    if (p.kind !== "owners" || !p.notRead) return [];
    return [{ range: p.entries[0]?.keyRange ?? p.lines.lineRange(0), message: `${p.notRead}, so this file has no effect; its other problems are shown as hints only` }];
  },
};
