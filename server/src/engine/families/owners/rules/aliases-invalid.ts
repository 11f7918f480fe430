import { isMap, isScalar, isSeq, type Node } from "yaml";
import { nodeRange } from "../model";
import type { Finding, Fix, Rule, TextEdit } from "../../../types";
import { applyEdits } from "../../../edits";
import type { OwnersDoc } from "../parse";
import { deleteItem, quoteItem, toListFix } from "../fixes";
import { code, eol, insertAt, parsesCleanly, plural, replace } from "../util";

const REJECTED = `verify-owners rejects the whole file ("The content of OWNERS_ALIASES is invalid.") and the alias table loses groups`;

/** Puts the top-level groups under a new `aliases:` key. */
function wrapFix(p: OwnersDoc): Fix | undefined {
  const first = p.entries[0].keyRange.start.line;
  const nl = eol(p.text);
  const edits: TextEdit[] = [insertAt(p.lines, p.lines.lineStart(first), `aliases:${nl}`)];
  for (let l = first; l < p.lines.lineCount; l++) {
    if (p.lines.lineText(l).trim() !== "") edits.push(insertAt(p.lines, p.lines.lineStart(l), "  "));
  }
  const fixed = applyEdits(p.text, edits);
  return { title: "Put these groups under aliases:", edits, isPreferred: true, ...(parsesCleanly(fixed) ? { safe: true } : {}) };
}

function noAliasesKey(p: OwnersDoc): Finding[] {
  if (p.entries.length === 0) return [];
  const groups = p.entries.filter((e) => e.valueType === "seq" || e.valueType === "map" || e.valueType === "null");
  const first = p.entries[0];
  const fix = groups.length > 0 ? wrapFix(p) : undefined;
  return [{
    range: first.keyRange,
    message: groups.length > 0
      ? `Prow reads alias groups only under \`aliases:\`; without it this file defines no aliases at all, so the ${plural(groups.length, "group")} here (${code(groups[0].name, 40)}…) are ignored`
      : "Prow reads only `aliases:` in OWNERS_ALIASES and this file has none, so it defines no aliases",
    fixes: fix ? [fix] : [],
  }];
}

function listOfMapsFix(p: OwnersDoc): Fix | undefined {
  const v = p.aliasesKey?.value;
  if (!v || !isSeq(v) || v.flow || v.items.length === 0 || !v.items.every((i) => isMap(i) && !i.flow)) return undefined;
  const edits: TextEdit[] = [];
  for (const it of v.items as { range?: [number, number, number] }[]) {
    const s = it.range?.[0] ?? 0;
    if (p.text.slice(s - 2, s) !== "- ") return undefined;
    edits.push(replace(p.lines, s - 2, s, "  "));
  }
  return { title: "Make aliases a mapping (remove the \"- \")", edits, isPreferred: true, ...(parsesCleanly(applyEdits(p.text, edits)) ? { safe: true } : {}) };
}

export const aliasesInvalid: Rule<OwnersDoc> = {
  id: "owners/aliases-invalid",
  description: "OWNERS_ALIASES that Prow rejects or reads as empty: `aliases` not a mapping, a group that is not a list, a member that is not a name, groups outside `aliases:`.",
  defaultSeverity: "error",
  fixable: true,
  check(p) {
    if (p.unreadable || p.kind !== "owners-aliases") return [];
    const key = p.aliasesKey;
    if (!key) return noAliasesKey(p);
    if (key.valueType === "null" || key.valueType === "map") {
      const out: Finding[] = [];
      for (const g of p.groups) {
        const e = g.entry;
        if (e.valueType === "string" || e.valueType === "int" || e.valueType === "float" || e.valueType === "bool") {
          const fix = e.valueType === "string" ? toListFix(p, e) : undefined;
          out.push({ range: e.keyRange, message: `the alias group ${code(e.name)} must be a list of members, but here it is ${e.valueType === "string" ? "a single text" : e.valueType === "bool" ? "a boolean" : "a number"}; ${REJECTED}`, fixes: fix ? [fix] : [] });
          continue;
        }
        if (e.value && isMap(e.value)) {
          // Prow takes a mapping's keys as the members (`{a, b}`); anything under a key is dropped.
          for (const pair of e.value.items) {
            const v = pair.value as Node | null;
            const r = nodeRange(v);
            if (!v || !r || (isScalar(v) && (v.value === null || v.value === ""))) continue;
            const key = isScalar(pair.key) ? String(pair.key.value) : "";
            const kr = nodeRange(pair.key as Node | null) ?? r;
            out.push({ range: p.lines.range(kr[0], kr[1]), message: `the alias group ${code(e.name)} is written as a mapping, so Prow takes its keys as members: ${code(key)} becomes a member and what is under it is dropped; write the members as a list` });
          }
        }
        for (const item of g.items) {
          if (item.type === "string") continue;
          const fixes: Fix[] = [];
          if (item.type === "null" && !item.source.trim()) {
            const d = deleteItem(p, item);
            if (d) fixes.push({ title: "Remove the empty member", edits: [d], isPreferred: true, safe: true });
          } else if (item.type !== "map" && item.type !== "seq") {
            fixes.push({ title: `Quote it ("${item.source}")`, edits: [quoteItem(p, item)], isPreferred: true, safe: true });
          }
          const what = item.type === "bool" ? `${code(item.source)} is a boolean to YAML 1.1` : item.type === "int" || item.type === "float" ? `${code(item.source)} is a number to YAML`
            : item.type === "null" ? (item.source.trim() ? `${code(item.source)} is null to YAML` : "this member is empty (null to YAML)") : "this member is a mapping or list, not a name";
          out.push({ range: item.end > item.start ? item.range : { start: item.range.start, end: item.range.start }, message: `${what}; alias members must be names, so ${REJECTED}`, fixes });
        }
      }
      return out;
    }
    const fix = listOfMapsFix(p);
    return [{
      range: key.keyRange,
      message: `\`aliases\` must be a mapping of alias names to lists, but here it is ${key.valueType === "seq" ? "a list (\"- name:\")" : "a single value"}; ${REJECTED.replace(" and the alias table loses groups", "")}, and Prow uses no aliases`,
      fixes: fix ? [fix] : [],
    }];
  },
};
