import type { Finding, Rule } from "../../../types";
import type { Item } from "../model";
import { normLogin, type OwnersDoc } from "../parse";
import { deleteItem } from "../fixes";
import { code } from "../util";

function duplicates(p: OwnersDoc, items: readonly Item[], where: string, key: (s: string) => string, people: boolean): Finding[] {
  const seen = new Map<string, Item>();
  const out: Finding[] = [];
  for (const item of items) {
    if (item.type !== "string" || item.text === undefined) continue;
    const k = key(item.text);
    const first = seen.get(k);
    if (!first) { seen.set(k, item); continue; }
    const variant = first.text !== item.text && people ? " (Prow ignores case and a leading @)" : "";
    const d = deleteItem(p, item);
    out.push({
      range: item.range,
      message: `${code(item.text)} is already listed in ${where} (line ${first.range.start.line + 1})${variant}; Prow counts it once, so this entry does nothing`,
      fixes: d ? [{ title: `Remove the duplicate ${item.text}`, edits: [d], isPreferred: true, safe: true }] : [],
    });
  }
  return out;
}

export const duplicateEntry: Rule<OwnersDoc> = {
  id: "owners/duplicate-entry",
  description: "The same name twice in one list or alias: Prow counts it once.",
  defaultSeverity: "warning",
  fixable: true,
  check(p) {
    if (p.unreadable) return [];
    const out: Finding[] = [];
    for (const l of p.lists) {
      const where = l.filter ? `${l.key.name} of the filter ${code(l.filter.name, 30)}` : l.key.name;
      out.push(...(l.list === "labels" ? duplicates(p, l.items, where, (s) => s, false) : duplicates(p, l.items, where, normLogin, true)));
    }
    for (const g of p.groups) out.push(...duplicates(p, g.items, `the alias ${g.entry.name}`, normLogin, true));
    return out;
  },
};
