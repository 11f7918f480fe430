import { isSeq } from "yaml";
import type { Finding, Fix, Rule, TextEdit } from "../../../types";
import type { KeyEntry } from "../model";
import { normLogin, type OwnersDoc } from "../parse";
import { CONFIG_LISTS, OPTION_KEYS, PROW_TOP_KEYS } from "../schema";
import { deletePair } from "../fixes";
import { code, eol, insertAt } from "../util";

type KeyOf = (e: KeyEntry) => string;

/** The entry Prow keeps among same-key entries: the greatest spelling, then the last. */
function winnerOf(group: KeyEntry[]): KeyEntry {
  return group.reduce((w, e) => (e.name >= w.name ? e : w));
}

function itemsOf(p: OwnersDoc, e: KeyEntry) {
  return p.lists.find((l) => l.key === e)?.items ?? p.groups.find((g) => g.entry === e)?.items ?? [];
}

function countOf(e: KeyEntry): number {
  return e.value && isSeq(e.value) ? e.value.items.length : 0;
}

/** Moves the entries of `loser` (a list) into `winner` (a block list) and deletes `loser`. */
function mergeFix(p: OwnersDoc, loser: KeyEntry, winner: KeyEntry): Fix | undefined {
  if (!loser.value || loser.valueType === "null" || (loser.valueType === "seq" && countOf(loser) === 0)) {
    return { title: "Remove this empty duplicate", edits: [deletePair(p, loser)], isPreferred: true, safe: true };
  }
  // Prow ignores this one anyway: removing it changes nothing but the confusion.
  if (loser.valueType !== "seq") return { title: "Remove this ignored duplicate", edits: [deletePair(p, loser)], isPreferred: true, safe: true };
  if (!winner.value || !isSeq(winner.value) || winner.value.flow || !isSeq(loser.value) || winner.value.items.length === 0) return undefined;
  const winnerItems = itemsOf(p, winner);
  const have = new Set(winnerItems.map((i) => normLogin(i.text ?? i.source)));
  const add = itemsOf(p, loser).filter((i) => !have.has(normLogin(i.text ?? i.source)));
  const last = winnerItems[winnerItems.length - 1];
  if (!last) return undefined;
  const lastLine = last.range.end.line;
  const prefix = p.text.slice(p.lines.lineStart(last.range.start.line), last.start);
  if (!/^\s*-\s*$/.test(prefix)) return undefined;
  const nl = eol(p.text);
  const edits: TextEdit[] = [deletePair(p, loser)];
  if (add.length > 0) edits.push(insertAt(p.lines, p.lines.lineEnd(lastLine), add.map((i) => nl + prefix + i.source).join("")));
  return { title: `Merge into ${winner.name} on line ${winner.keyRange.start.line + 1}`, edits, isPreferred: true };
}

function check(p: OwnersDoc, entries: readonly KeyEntry[], keyOf: KeyOf, aliases: boolean): Finding[] {
  const groups = new Map<string, KeyEntry[]>();
  for (const e of entries) {
    if (!e.keyNode || e.name === "<<") continue;
    const k = keyOf(e);
    const g = groups.get(k);
    if (g) g.push(e); else groups.set(k, [e]);
  }
  const out: Finding[] = [];
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    const winner = aliases ? group[group.length - 1] : winnerOf(group);
    for (const e of group) {
      if (e === winner) continue;
      const line = winner.keyRange.start.line + 1;
      const n = countOf(e);
      const lost = n === 0 ? "what is written here is ignored" : n === 1 ? "the 1 entry here is ignored" : `the ${n} entries here are ignored`;
      const message = aliases
        ? (e.name === winner.name
          ? `the alias ${code(e.name)} is defined again on line ${line}; Prow keeps only one of them, so ${lost}`
          : `${code(e.name)} and ${code(winner.name)} (line ${line}) are the same alias to Prow, which ignores case and keeps one of them at random`)
        : e.name === winner.name
          ? `${code(e.name)} appears again on line ${line}; Prow keeps only the last one, so ${lost}`
          : `${code(e.name)} and ${code(winner.name)} (line ${line}) are the same key to Prow, which keeps only ${code(winner.name)}; ${lost}`;
      const fix = mergeFix(p, e, winner);
      out.push({ range: e.keyRange, message, fixes: fix ? [fix] : [] });
    }
  }
  return out;
}

const KNOWN = new Set<string>([...PROW_TOP_KEYS, ...OPTION_KEYS, ...CONFIG_LISTS]);
/** Prow matches the keys it knows regardless of case; other keys only collide when spelt the same. */
const prowKey: KeyOf = (e) => (KNOWN.has(e.lower) ? e.lower : e.name);

export const duplicateKey: Rule<OwnersDoc> = {
  id: "owners/duplicate-key",
  description: "The same key twice in one mapping: Prow keeps only one, the other's entries are ignored.",
  defaultSeverity: "warning",
  fixable: true,
  check(p) {
    if (p.unreadable) return [];
    if (p.kind === "owners-aliases") {
      return [...check(p, p.entries, (e) => e.lower, false), ...check(p, p.groups.map((g) => g.entry), (e) => normLogin(e.name), true)];
    }
    const out = [...check(p, p.entries, prowKey, false), ...check(p, p.optionEntries, prowKey, false), ...check(p, p.filterEntries, (e) => e.name, false)];
    for (const b of p.filterBodies) out.push(...check(p, b.entries, prowKey, false));
    return out;
  },
};
