import type { Rule } from "../../../types";
import type { OwnersDoc } from "../parse";
import { decode, effectiveIn } from "../decode";

export const noApprovers: Rule<OwnersDoc> = {
  id: "owners/no-approvers",
  description: "The repository's root OWNERS names no approvers: verify-owners rejects it.",
  defaultSeverity: "error",
  check(p) {
    if (p.unreadable || p.kind !== "owners" || !p.isRoot) return [];
    const d = decode(p);
    if (d.mode === "none" || d.approvers.length > 0) return [];
    const key = effectiveIn(p.entries, "approvers");
    const range = key ? key.keyRange : p.lines.lineRange(0);
    const why = !key ? (p.filterEntries.length ? "neither the top level nor any filter has approvers" : "there is no `approvers:` list")
      : key.valueType === "null" || (key.valueType === "seq" && d.simpleOk) ? "its `approvers:` list is empty"
      : "Prow cannot read its top-level lists (see owners/wrong-type)";
    return [{ range, message: `this is the repository's root OWNERS and ${why}, so verify-owners rejects it ("No approvers defined in this root directory OWNERS file.") and nobody can approve changes at the root` }];
  },
};
