import type { Rule } from "../../../types";
import type { OwnersDoc } from "../parse";
import { DOCUMENTED_KEYS, LLMD_KEYS, PROW_TOP_KEYS, ownersSettings } from "../schema";
import { code } from "../util";

export const noEffect: Rule<OwnersDoc> = {
  id: "owners/no-effect",
  description: "An OWNERS file with only keys Prow ignores (`assignees`, typos): Prow reads nothing from it.",
  defaultSeverity: "error",
  check(p, ctx) {
    if (p.unreadable || p.kind !== "owners" || p.isRoot || p.entries.length === 0) return [];
    const { extraKeys } = ownersSettings(ctx.settings);
    const meant = new Set<string>([...DOCUMENTED_KEYS, ...LLMD_KEYS, ...extraKeys]);
    if (p.entries.some((e) => (PROW_TOP_KEYS as readonly string[]).includes(e.lower) || meant.has(e.name) || !e.keyNode)) return [];
    const names = [...new Set(p.entries.map((e) => e.name))].map((n) => code(n, 30)).join(", ");
    return [{
      range: p.entries[0].keyRange,
      message: `Prow reads nothing from this file: it has none of approvers, reviewers, required_reviewers, labels, options or filters (only ${names}), so this directory is owned by the OWNERS above it as if this file did not exist`,
    }];
  },
};
