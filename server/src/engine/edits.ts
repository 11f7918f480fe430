import type { TextEdit } from "./types";
import { LineIndex, comparePositions } from "./text";

/** Applies non-overlapping edits to a text (any order given); overlapping later edits are dropped. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const index = new LineIndex(text);
  const sorted = [...edits].sort((a, b) => comparePositions(a.range.start, b.range.start) || comparePositions(a.range.end, b.range.end));
  let out = "";
  let cursor = 0;
  for (const e of sorted) {
    const start = index.offsetAt(e.range.start);
    const end = index.offsetAt(e.range.end);
    if (start < cursor) continue;
    out += text.slice(cursor, start) + e.newText;
    cursor = end;
  }
  return out + text.slice(cursor);
}
