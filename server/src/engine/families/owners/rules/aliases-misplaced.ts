import type { Fix, Rule } from "../../../types";
import type { OwnersDoc } from "../parse";
import { ROOT_ALIASES } from "../repo";

export const aliasesMisplaced: Rule<OwnersDoc> = {
  id: "owners/aliases-misplaced",
  description: "An OWNERS_ALIASES outside the repository root: Prow never reads it.",
  defaultSeverity: "hint",
  fixable: true,
  check(p, ctx) {
    if (p.kind !== "owners-aliases" || p.isRoot) return [];
    const rootExists = ctx.workspace.readFile(ROOT_ALIASES) !== undefined;
    const fixes: Fix[] = rootExists ? [] : [{ title: "Move it to the repository root", edits: [], renameTo: ROOT_ALIASES, isPreferred: true }];
    return [{
      range: p.aliasesKey?.keyRange ?? p.lines.lineRange(0),
      message: `Prow reads only the OWNERS_ALIASES at the repository root, so the aliases here are never used${rootExists ? "; define them in the root OWNERS_ALIASES" : ""}`,
      fixes,
    }];
  },
};
