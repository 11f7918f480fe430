/** Edits the owners quick fixes share: whole-pair spans, renaming a key, moving a key under `options:`. */
import { isMap } from "yaml";
import type { TextEdit } from "../../types";
import type { KeyEntry } from "./model";
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
