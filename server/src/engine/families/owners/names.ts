/** The names of an OWNERS or OWNERS_ALIASES file that stand for people, with where they are. */
import type { Item } from "./model";
import type { NameList, OwnersDoc } from "./parse";
import { EMERITUS_LISTS, LLMD_KEYS, PEOPLE_LISTS } from "./schema";

export interface NameRef {
  item: Item;
  /** The text as YAML decodes it. */
  text: string;
  /** approvers, reviewers, …, or "alias <name>" for an alias member. */
  where: string;
  /** The list key (approvers…) or "alias-member". */
  list: string;
  owner?: NameList;
}

const PERSON_LISTS = new Set<string>([...PEOPLE_LISTS, ...EMERITUS_LISTS, ...LLMD_KEYS]);

/** Every string entry that names a person or an alias; `prowOnly` keeps the lists Prow reads. */
export function nameRefs(p: OwnersDoc, prowOnly = false): NameRef[] {
  const out: NameRef[] = [];
  for (const l of p.lists) {
    if (!PERSON_LISTS.has(l.list) || (prowOnly && !(PEOPLE_LISTS as readonly string[]).includes(l.list))) continue;
    for (const item of l.items) {
      if (item.type !== "string" || item.text === undefined) continue;
      out.push({ item, text: item.text, where: l.filter ? `${l.key.name} of the filter ${l.filter.name}` : l.key.name, list: l.list, owner: l });
    }
  }
  for (const g of p.groups) {
    for (const item of g.items) {
      if (item.type !== "string" || item.text === undefined) continue;
      out.push({ item, text: item.text, where: `the alias ${g.entry.name}`, list: "alias-member" });
    }
  }
  return out;
}
