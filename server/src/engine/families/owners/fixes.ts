/** Edits the owners quick fixes share: whole-pair spans, renaming a key, moving a key under `options:`. */
import { isMap, isScalar } from "yaml";
import type { Fix, TextEdit } from "../../types";
import type { Item, KeyEntry } from "./model";
import { plainType } from "./yaml";
import type { OwnersDoc } from "./parse";
import { deleteLines, eol, indentOf, replace } from "./util";

/** First and last line of a key with its value. */
export function pairLines(p: OwnersDoc, e: KeyEntry): [number, number] {
  let end = e.end;
  while (end > e.start && /\s/.test(p.text[end - 1])) end--;
  return [e.keyRange.start.line, p.lines.positionAt(end).line];
}

/** Deletes a key with its value (whole lines). */
export function deletePair(p: OwnersDoc, e: KeyEntry): TextEdit {
  const [first, last] = pairLines(p, e);
  return deleteLines(p.lines, first, last);
}

export function renameKey(p: OwnersDoc, e: KeyEntry, to: string): TextEdit {
  const s = p.lines.offsetAt(e.keyRange.start);
  const en = p.lines.offsetAt(e.keyRange.end);
  return replace(p.lines, s, en, e.keyQuoted ? JSON.stringify(to) : to);
}

/**
 * Moves a top-level option (`no_parent_owners: true`) under `options:`, creating `options:`
 * in its place when the file has none. Undefined when `options:` is written in a way we do not edit (flow style).
 */
export function moveUnderOptions(p: OwnersDoc, e: KeyEntry, optionName: string): TextEdit[] | undefined {
  const nl = eol(p.text);
  const [first, last] = pairLines(p, e);
  if (first !== last) return undefined;
  const valueText = e.value ? p.text.slice(p.lines.offsetAt(e.valueRange.start), p.lines.offsetAt(e.valueRange.end)) : "true";
  const line = `${optionName}: ${valueText}`;
  const options = p.options;
  if (!options) {
    const lineEnd = p.lines.lineEnd(first);
    return [replace(p.lines, p.lines.lineStart(first), lineEnd, `options:${nl}  ${line}`)];
  }
  const [oFirst, oLast] = pairLines(p, options);
  let indent = "  ";
  if (options.value && isMap(options.value)) {
    if (options.value.flow || oFirst === oLast) return undefined;
    indent = indentOf(p.lines, oFirst + 1);
  } else if (options.value !== null) return undefined;
  const insertLine = oLast + 1;
  const at = insertLine < p.lines.lineCount ? p.lines.lineStart(insertLine) : p.text.length;
  const prefix = insertLine < p.lines.lineCount || p.text.endsWith("\n") ? "" : nl;
  const ins: TextEdit = { range: p.lines.range(at, at), newText: `${prefix}${indent}${line}${nl}` };
  return [ins, deleteLines(p.lines, first, last)];
}

/** Removes one list item: its whole line in a block list, the item and one comma in a flow list. */
export function deleteItem(p: OwnersDoc, item: Item): TextEdit | undefined {
  const { lines, text } = p;
  const start = item.start;
  const end = Math.max(item.end, start);
  const pos = lines.positionAt(start);
  const before = text.slice(lines.lineStart(pos.line), start);
  const endLine = lines.positionAt(end).line;
  const after = text.slice(end, lines.lineEnd(endLine));
  if (/^\s*-\s*$/.test(before) && /^\s*(#.*)?$/.test(after)) return deleteLines(lines, pos.line, endLine);
  let i = start - 1;
  while (i >= 0 && /\s/.test(text[i])) i--;
  if (text[i] !== "[" && text[i] !== ",") return undefined;
  let j = end;
  while (j < text.length && /[ \t]/.test(text[j])) j++;
  if (text[j] === ",") {
    j++;
    while (j < text.length && /[ \t]/.test(text[j])) j++;
    return replace(lines, start, j, "");
  }
  if (text[i] === ",") return replace(lines, i, end, "");
  return replace(lines, start, end, "");
}

/** Writes a scalar item in double quotes so YAML reads it as text. */
export function quoteItem(p: OwnersDoc, item: Item, value = item.source): TextEdit {
  return replace(p.lines, item.start, item.end, JSON.stringify(value));
}

/** Whether a name can be written as a plain YAML scalar and still read as that same text. */
export function plainSafe(name: string): boolean {
  return /^[A-Za-z0-9][A-Za-z0-9_.\/-]*$/.test(name) && plainType(name) === "string";
}

/** `approvers: alice`, `approvers:\n  alice\n  bob`, ` -alice`: rewrite as a list. */
export function toListFix(p: OwnersDoc, e: KeyEntry): Fix | undefined {
  const v = e.value;
  if (!v || !isScalar(v) || v.type !== "PLAIN") {
    if (v && isMap(v) && v.flow && v.items.every((pair) => pair.value === null)) {
      const s = p.lines.offsetAt(e.valueRange.start), en = p.lines.offsetAt(e.valueRange.end);
      const inner = p.text.slice(s + 1, en - 1);
      return { title: "Make it a list ([…])", edits: [replace(p.lines, s, en, `[${inner}]`)], isPreferred: true, safe: true };
    }
    return undefined;
  }
  const s = p.lines.offsetAt(e.valueRange.start), en = p.lines.offsetAt(e.valueRange.end);
  const source = p.text.slice(s, en);
  if (e.valueRange.start.line === e.keyRange.start.line) {
    if (source.includes("\n")) return undefined;
    const parts = source.split(/[\s,]+/).map((x) => x.replace(/^-+/, "")).filter(Boolean);
    if (parts.length === 0) return undefined;
    return { title: `Make it a list ([${parts.join(", ")}])`, edits: [replace(p.lines, s, en, `[${parts.join(", ")}]`)], isPreferred: true, safe: parts.every(plainSafe) };
  }
  const edits: TextEdit[] = [];
  let safe = true;
  for (let l = e.valueRange.start.line; l <= e.valueRange.end.line; l++) {
    const t = p.lines.lineText(l);
    if (/^\s*(#.*)?$/.test(t)) continue;
    const m = /^(\s*)-?\s*(\S+)\s*$/.exec(t);
    if (!m) return undefined;
    if (!plainSafe(m[2])) safe = false;
    edits.push(replace(p.lines, p.lines.lineStart(l), p.lines.lineEnd(l), `${m[1]}- ${m[2]}`));
  }
  return edits.length ? { title: "Make each line a list item (- name)", edits, isPreferred: true, safe } : undefined;
}

