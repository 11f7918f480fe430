/**
 * Prow's decision for an OWNERS file (specs/owners.md §3.2): decode as SimpleConfig; when that
 * fails or is empty, decode as FullConfig (options + filters); when both fail, ignore the file.
 */
import type { KeyEntry, Item } from "./model";
import { effective as effectiveIn, type OwnersDoc } from "./parse";
import { CONFIG_LISTS, OPTION_KEYS } from "./schema";

export { effectiveIn };

export function topLevelConfigLists(p: OwnersDoc): KeyEntry[] {
  return CONFIG_LISTS.map((k) => effectiveIn(p.entries, k)).filter((e): e is KeyEntry => !!e);
}

function itemsOfEntry(p: OwnersDoc, e: KeyEntry): Item[] {
  return p.lists.find((l) => l.key === e)?.items ?? [];
}

function optionsOk(p: OwnersDoc): boolean {
  const o = p.options;
  if (!o || o.valueType === "null") return true;
  if (o.valueType !== "map") return false;
  return OPTION_KEYS.every((k) => {
    const e = effectiveIn(p.optionEntries, k);
    return !e || e.valueType === "bool" || e.valueType === "null";
  });
}

export interface Decoded {
  /** simple: top-level lists apply (filters ignored); full: options and filters apply; none: the file is ignored. */
  mode: "simple" | "full" | "none";
  /** Whether the top-level lists decode (SimpleConfig succeeds). */
  simpleOk: boolean;
  /** Whether any top-level list has an entry. */
  simpleNonEmpty: boolean;
  /** The approvers verify-owners sees (before alias expansion). */
  approvers: Item[];
}

const cache = new WeakMap<OwnersDoc, Decoded>();

export function decode(p: OwnersDoc): Decoded {
  const hit = cache.get(p);
  if (hit) return hit;
  const tops = topLevelConfigLists(p);
  const opts = optionsOk(p);
  const simpleOk = opts && tops.every((e) => e.valueType === "null" || (e.valueType === "seq" && itemsOfEntry(p, e).every((i) => i.type === "string")));
  const simpleNonEmpty = tops.some((e) => e.valueType === "seq" && itemsOfEntry(p, e).length > 0);
  let result: Decoded;
  if (simpleOk && simpleNonEmpty) {
    const a = tops.find((e) => e.lower === "approvers");
    result = { mode: "simple", simpleOk, simpleNonEmpty, approvers: a ? itemsOfEntry(p, a) : [] };
  } else {
    let fullOk = opts;
    const f = p.filters;
    if (f && f.valueType !== "null" && f.valueType !== "map") fullOk = false;
    for (const fe of p.filterEntries) if (fe.valueType !== "map" && fe.valueType !== "null") fullOk = false;
    const approvers: Item[] = [];
    for (const { entries } of p.filterBodies) {
      for (const k of CONFIG_LISTS) {
        const e = effectiveIn(entries, k);
        if (!e || e.valueType === "null") continue;
        const items = itemsOfEntry(p, e);
        if (e.valueType !== "seq" || items.some((i) => i.type === "map" || i.type === "seq")) fullOk = false;
        else if (k === "approvers") approvers.push(...items);
      }
    }
    result = { mode: fullOk ? "full" : "none", simpleOk, simpleNonEmpty, approvers };
  }
  cache.set(p, result);
  return result;
}
