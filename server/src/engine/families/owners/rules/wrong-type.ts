import { isMap, isScalar, isSeq } from "yaml";
import type { Finding, Fix, Rule, TextEdit } from "../../../types";
import type { Item, KeyEntry } from "../model";
import type { OwnersDoc } from "../parse";
import { CONFIG_LISTS, OPTION_KEYS } from "../schema";
import { deleteItem, quoteItem, toListFix } from "../fixes";
import { code, replace } from "../util";
import type { ValueType } from "../yaml";
import { topLevelConfigLists, effectiveIn } from "../decode";

const TOP_DROP = "Prow then fails to read the top-level lists and silently drops every approver, reviewer and label in this file";
const FILE_DROP = "Prow then cannot read this file and ignores all of it";

const A: Record<ValueType, string> = {
  string: "a text", bool: "a boolean", int: "a number", float: "a number", null: "empty (null)", map: "a mapping", seq: "a list",
};

function what(i: Item): string {
  if (i.type === "bool") return `${code(i.source)} is a boolean to YAML 1.1 (so are yes, no, on, off, y, n)`;
  if (i.type === "int" || i.type === "float") return `${code(i.source)} is a number to YAML`;
  if (i.type === "null") return i.source.trim() ? `${code(i.source)} is null to YAML` : "this list item is empty (null to YAML)";
  return `this list item is ${A[i.type]} (${code(i.source.split("\n")[0], 40)}), not a name`;
}

/** The text Prow makes of a non-string scalar inside a filter (sigs.k8s.io/yaml converts it). */
export function goString(i: Item): string | undefined {
  const t = (i.text ?? "").replace(/_/g, "");
  if (i.type === "null") return "";
  if (i.type === "bool") return /^(y|yes|true|on)$/i.test(t) ? "true" : "false";
  if (i.type === "int") {
    const m = /^([-+]?)(0[xX]|0[oO]|0[bB]|0(?=[0-7]))?(.*)$/.exec(t)!;
    const radix = !m[2] ? 10 : /x/i.test(m[2]) ? 16 : /b/i.test(m[2]) ? 2 : 8;
    const digits = m[3] === "" ? "0" : m[3];
    try {
      const v = [...digits.toLowerCase()].reduce((acc, ch) => acc * BigInt(radix) + BigInt(parseInt(ch, 36)), 0n);
      return (m[1] === "-" ? "-" : "") + v.toString();
    } catch { return undefined; }
  }
  if (i.type === "float") {
    const n = Number(t);
    return Number.isFinite(n) ? String(n) : undefined;
  }
  return undefined;
}

function itemFixes(p: OwnersDoc, i: Item): Fix[] {
  if (i.type === "null" && !i.source.trim()) {
    const d = deleteItem(p, i);
    return d ? [{ title: "Remove the empty item", edits: [d], isPreferred: true, safe: true }] : [];
  }
  if (i.type === "bool" || i.type === "int" || i.type === "float" || i.type === "null") {
    return [{ title: `Quote it ("${i.source}")`, edits: [quoteItem(p, i)], isPreferred: true, safe: true }];
  }
  return [];
}

function listValue(p: OwnersDoc, e: KeyEntry, consequence: string, where: string): Finding[] {
  if (e.valueType === "null") return [];
  if (e.valueType === "seq") {
    return [];
  }
  let detail = `here it is ${A[e.valueType]}`;
  const v = e.value;
  if (v && isScalar(v)) {
    const s = String(v.value ?? "");
    if (/^-\S/.test(s)) detail = `YAML reads ${code(s.split(" ")[0], 40)} as text because a list item needs a space after "-"`;
    else if (e.valueRange.start.line !== e.valueRange.end.line) detail = `its lines have no "- ", so YAML joins them into one text (${code(s, 40)})`;
    else detail = `here it is a single ${e.valueType === "string" ? "text" : A[e.valueType].replace(/^a /, "")} (${code(s, 40)})`;
  }
  const fix = toListFix(p, e);
  return [{ range: e.keyRange, message: `${where}${code(e.name)} must be a list of ${e.lower === "labels" ? "labels" : "names"}, but ${detail}; ${consequence}`, fixes: fix ? [fix] : [] }];
}

function topLevel(p: OwnersDoc): Finding[] {
  const out: Finding[] = [];
  for (const e of topLevelConfigLists(p)) {
    out.push(...listValue(p, e, TOP_DROP, ""));
    if (e.valueType !== "seq") continue;
    const seq = p.lists.find((l) => l.key === e);
    for (const i of seq?.items ?? []) {
      if (i.type === "string") continue;
      out.push({ range: i.range.start.line === i.range.end.line && i.end > i.start ? i.range : lineOf(p, i), message: `${what(i)}; ${TOP_DROP}${i.type === "map" || i.type === "seq" ? "" : i.type === "null" && !i.source.trim() ? "; remove it" : `; quote it ("${i.source}")`}`, fixes: itemFixes(p, i) });
    }
  }
  return out;
}

function lineOf(p: OwnersDoc, i: Item) {
  const line = i.range.start.line;
  const t = p.lines.lineText(line);
  const start = t.length - t.trimStart().length;
  return { start: { line, character: start }, end: { line, character: t.trimEnd().length } };
}

function filters(p: OwnersDoc): Finding[] {
  const out: Finding[] = [];
  const f = p.filters;
  if (!f || f.valueType === "null") return out;
  if (f.valueType !== "map") {
    out.push({ range: f.keyRange, message: `\`filters\` must be a mapping of path regexps to lists, but here it is ${A[f.valueType]}; ${FILE_DROP}` });
    return out;
  }
  for (const fe of p.filterEntries) {
    if (fe.valueType !== "map" && fe.valueType !== "null") {
      out.push({ range: fe.keyRange, message: `the filter ${code(fe.name)} must map to approvers, reviewers, required_reviewers or labels lists, but here it is ${A[fe.valueType]}; ${FILE_DROP}` });
    }
  }
  for (const { filter, entries } of p.filterBodies) {
    for (const e of CONFIG_LISTS.map((k) => effectiveIn(entries, k)).filter((x): x is KeyEntry => !!x)) {
      out.push(...listValue(p, e, FILE_DROP, `inside the filter ${code(filter.name, 30)}, `));
      if (e.valueType !== "seq") continue;
      const seq = p.lists.find((l) => l.key === e);
      for (const i of seq?.items ?? []) {
        if (i.type === "string") continue;
        if (i.type === "map" || i.type === "seq") {
          out.push({ range: i.range, message: `${what(i)}; ${FILE_DROP}` });
          continue;
        }
        const becomes = goString(i);
        out.push({
          range: i.end > i.start ? i.range : lineOf(p, i), severity: "warning",
          message: `${what(i)}; inside a filter Prow turns it into ${becomes === "" ? "the empty name \"\", which matches nobody" : becomes === undefined ? "a number" : `the name \`${becomes}\``}${i.type === "null" && !i.source.trim() ? "; remove it" : `; quote it ("${i.source}") if that is a name`}`,
          fixes: itemFixes(p, i),
        });
      }
    }
  }
  return out;
}

function options(p: OwnersDoc): Finding[] {
  const o = p.options;
  if (!o || o.valueType === "null") return [];
  if (o.valueType !== "map") {
    const fixes: Fix[] = [];
    if (o.value && isSeq(o.value) && o.value.items.length > 0 && o.value.items.every((it) => isMap(it) && !it.flow)) {
      const edits: TextEdit[] = [];
      for (const it of o.value.items as { range?: [number, number, number] }[]) {
        const s = it.range?.[0] ?? 0;
        if (p.text.slice(s - 2, s) !== "- ") { edits.length = 0; break; }
        edits.push(replace(p.lines, s - 2, s, "  "));
      }
      if (edits.length) fixes.push({ title: "Make options a mapping (remove the \"- \")", edits, isPreferred: true, safe: true });
    }
    return [{ range: o.keyRange, message: `\`options\` must be a mapping such as \`no_parent_owners: true\`, but here it is ${A[o.valueType]}; ${FILE_DROP}`, fixes }];
  }
  const out: Finding[] = [];
  for (const name of OPTION_KEYS) {
    const e = effectiveIn(p.optionEntries, name);
    if (!e || e.valueType === "bool" || e.valueType === "null") continue;
    const v = e.value;
    const quoted = v && isScalar(v) && v.type !== "PLAIN" ? String(v.value) : undefined;
    const fixes: Fix[] = [];
    if (quoted !== undefined && /^(true|false)$/i.test(quoted)) {
      const s = p.lines.offsetAt(e.valueRange.start), en = p.lines.offsetAt(e.valueRange.end);
      fixes.push({ title: `Write ${quoted.toLowerCase()} without quotes`, edits: [replace(p.lines, s, en, quoted.toLowerCase())], isPreferred: true, safe: true });
    }
    const shown = p.text.slice(p.lines.offsetAt(e.valueRange.start), p.lines.offsetAt(e.valueRange.end));
    out.push({ range: e.valueRange, message: `${code(e.name)} must be true or false, but ${code(shown, 40)} is ${quoted !== undefined ? "quoted text" : A[e.valueType]}; ${FILE_DROP}`, fixes });
  }
  return out;
}

export const wrongType: Rule<OwnersDoc> = {
  id: "owners/wrong-type",
  description: "A value of the wrong type (a text or mapping where a list belongs, a non-boolean option, a number/boolean/null name): Prow silently drops the file's people or ignores the file.",
  defaultSeverity: "error",
  fixable: true,
  check(p) {
    if (p.unreadable || p.kind !== "owners") return [];
    return [...topLevel(p), ...options(p), ...filters(p)];
  },
};
