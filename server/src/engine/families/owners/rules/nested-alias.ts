import type { Finding, Fix, Rule } from "../../../types";
import { normLogin, type OwnersDoc } from "../parse";
import { members } from "../repo";
import { deleteItem } from "../fixes";
import { code, eol, replace } from "../util";

export const nestedAlias: Rule<OwnersDoc> = {
  id: "owners/nested-alias",
  description: "An alias member that is itself an alias: Prow expands aliases one level only, so it matches nobody.",
  defaultSeverity: "warning",
  fixable: true,
  check(p) {
    if (p.unreadable || p.kind !== "owners-aliases") return [];
    const byNorm = new Map(p.groups.filter((g) => !g.shadowed).map((g) => [g.norm, g]));
    const out: Finding[] = [];
    for (const g of p.groups) {
      if (g.shadowed) continue;
      const own = new Set(members(g));
      for (const item of g.items) {
        if (item.type !== "string" || item.text === undefined) continue;
        const target = byNorm.get(normLogin(item.text));
        if (!target) continue;
        const fixes: Fix[] = [];
        const add = target.items.filter((i) => i.type === "string" && i.text !== undefined && !own.has(normLogin(i.text)) && target !== g).map((i) => i.source);
        if (add.length > 0) {
          const before = p.text.slice(p.lines.lineStart(item.range.start.line), item.start);
          const block = /^\s*-\s*$/.test(before);
          fixes.push({ title: `Replace with the members of ${target.entry.name}`, edits: [replace(p.lines, item.start, item.end, add.join(block ? eol(p.text) + before : ", "))], isPreferred: true });
        } else {
          const d = deleteItem(p, item);
          if (d) fixes.push({ title: `Remove ${item.text}`, edits: [d], isPreferred: true });
        }
        const self = target === g;
        out.push({
          range: item.range,
          message: self
            ? `${code(item.text)} is the alias itself; Prow does not expand it here, so it stays the literal name ${code(item.text)}, which matches nobody`
            : `${code(item.text)} is itself an alias, but Prow expands aliases only one level, so inside ${code(g.entry.name)} it stays the literal name ${code(item.text)}, which matches nobody`,
          fixes,
        });
      }
    }
    return out;
  },
};
