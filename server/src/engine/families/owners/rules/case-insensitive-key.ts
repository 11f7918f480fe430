import type { Finding, Rule } from "../../../types";
import type { KeyEntry } from "../model";
import type { OwnersDoc } from "../parse";
import { ALIASES_KEY, CONFIG_LISTS, OPTION_KEYS, PROW_TOP_KEYS } from "../schema";
import { renameKey } from "../fixes";
import { code } from "../util";

function check(p: OwnersDoc, entries: readonly KeyEntry[], known: readonly string[]): Finding[] {
  const out: Finding[] = [];
  for (const e of entries) {
    if (!known.includes(e.lower) || e.name === e.lower) continue;
    const exact = entries.some((s) => s !== e && s.name === e.lower);
    out.push({
      range: e.keyRange,
      message: `write ${code(e.lower)}: Prow matches keys regardless of case, so ${code(e.name)} works for Prow, but llm-d's workflows and most tools compare keys exactly`,
      fixes: [{ title: `Write ${e.lower}`, edits: [renameKey(p, e, e.lower)], isPreferred: true, ...(exact ? {} : { safe: true }) }],
    });
  }
  return out;
}

export const caseInsensitiveKey: Rule<OwnersDoc> = {
  id: "owners/case-insensitive-key",
  description: "A key written in another case (`Approvers`): Prow accepts it, exact-matching tools do not.",
  defaultSeverity: "hint",
  fixable: true,
  check(p) {
    if (p.unreadable) return [];
    if (p.kind === "owners-aliases") return check(p, p.entries, [ALIASES_KEY]);
    const out = [...check(p, p.entries, PROW_TOP_KEYS), ...check(p, p.optionEntries, OPTION_KEYS)];
    for (const b of p.filterBodies) out.push(...check(p, b.entries, CONFIG_LISTS));
    return out;
  },
};
