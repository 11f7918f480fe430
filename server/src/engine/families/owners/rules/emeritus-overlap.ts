import type { Finding, Fix, Rule } from "../../../types";
import type { Item } from "../model";
import { normLogin, type NameList, type OwnersDoc } from "../parse";
import { deleteItem } from "../fixes";
import { code } from "../util";

/** Which active lists each emeritus list retires people from. */
const RETIRES: Record<string, string[]> = {
  emeritus_approvers: ["approvers"],
  emeritus_reviewers: ["reviewers"],
  emeritus: ["approvers", "reviewers"],
};

function stringItems(l: NameList): Item[] {
  return l.items.filter((i) => i.type === "string" && i.text !== undefined);
}

export const emeritusOverlap: Rule<OwnersDoc> = {
  id: "owners/emeritus-overlap",
  description: "A person listed both as emeritus and as an active approver or reviewer: one of the two is stale.",
  defaultSeverity: "warning",
  fixable: true,
  check(p) {
    if (p.unreadable || p.kind !== "owners") return [];
    const out: Finding[] = [];
    for (const em of p.lists) {
      const active = RETIRES[em.list];
      if (!active || em.shadowed) continue;
      const peers = p.lists.filter((l) => active.includes(l.list) && l.filter === em.filter && !l.shadowed);
      for (const item of stringItems(em)) {
        const norm = normLogin(item.text!);
        for (const peer of peers) {
          const twin = stringItems(peer).find((i) => normLogin(i.text!) === norm);
          if (!twin) continue;
          const fixes: Fix[] = [];
          const a = deleteItem(p, twin);
          if (a) fixes.push({ title: `Remove ${twin.text} from ${peer.key.name}`, edits: [a] });
          const b = deleteItem(p, item);
          if (b) fixes.push({ title: `Remove ${item.text} from ${em.key.name}`, edits: [b] });
          out.push({ range: item.range, message: `${code(item.text!)} is listed in ${em.key.name} and still in ${peer.key.name} (line ${twin.range.start.line + 1}); one of the two is stale`, fixes });
        }
      }
    }
    return out;
  },
};
