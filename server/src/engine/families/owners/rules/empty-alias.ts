import type { Finding, Rule } from "../../../types";
import type { OwnersDoc } from "../parse";
import { deletePair } from "../fixes";
import { code } from "../util";

export const emptyAlias: Rule<OwnersDoc> = {
  id: "owners/empty-alias",
  description: "An alias group without members: verify-owners asks for cleanup and every OWNERS naming it gets nobody.",
  defaultSeverity: "warning",
  fixable: true,
  check(p) {
    if (p.unreadable || p.kind !== "owners-aliases") return [];
    const out: Finding[] = [];
    for (const g of p.groups) {
      const t = g.entry.valueType;
      if (g.shadowed || g.items.length > 0 || !(t === "null" || t === "seq" || t === "map")) continue;
      out.push({
        range: g.entry.keyRange,
        message: `the alias ${code(g.entry.name)} has no members, so every OWNERS file that names it gets nobody from it; verify-owners comments "There are empty aliases in OWNER_ALIASES, cleanup is advised."`,
        // Empty duplicates of the same name go too, or the next one would take its place.
        fixes: [{ title: `Remove the empty alias ${g.entry.name}`, edits: p.groups.filter((d) => d.norm === g.norm && d.items.length === 0).map((d) => deletePair(p, d.entry)), isPreferred: true }],
      });
    }
    return out;
  },
};
