/** Small helpers the owners rules share: message quoting, line-based edits, "does this text parse". */
import type { Range, TextEdit } from "../../types";
import type { LineIndex } from "../../text";
import { parseFirstDocument } from "./yaml";

/** User text for a message: shortened so an absurdly long name cannot flood a message. */
export function clip(s: string, max = 60): string {
  const flat = s.replace(/\r?\n/g, "⏎");
  return flat.length > max ? flat.slice(0, max - 1) + "…" : flat;
}

/** `text` wrapped in backticks for a message, shortened. */
export function code(s: string, max = 60): string {
  return "`" + clip(s, max) + "`";
}

/** An edit deleting whole lines [first, last] including the final line break. */
export function deleteLines(lines: LineIndex, first: number, last: number): TextEdit {
  const start = lines.lineStart(first);
  const end = last + 1 < lines.lineCount ? lines.lineStart(last + 1) : lines.text.length;
  // Deleting the final line: also drop the line break before it so no empty line is left.
  if (last + 1 >= lines.lineCount && first > 0 && end === lines.text.length) {
    const prevEnd = lines.lineEnd(first - 1);
    return { range: lines.range(prevEnd, end), newText: "" };
  }
  return { range: lines.range(start, end), newText: "" };
}

export function replace(lines: LineIndex, start: number, end: number, newText: string): TextEdit {
  return { range: lines.range(start, end), newText };
}

export function insertAt(lines: LineIndex, offset: number, newText: string): TextEdit {
  return { range: lines.range(offset, offset), newText };
}

/** The `  - ` before a block list item on its line, or undefined when the line holds no item marker. */
export function itemMarker(lines: LineIndex, line: number): string | undefined {
  return /^[ \t]*-[ \t]*/.exec(lines.lineText(line))?.[0];
}

/** The leading spaces of a line. */
export function indentOf(lines: LineIndex, line: number): string {
  return /^[ \t]*/.exec(lines.lineText(line))![0];
}

/** The line break the file uses. */
export function eol(text: string): string {
  return text.includes("\r\n") ? "\r\n" : "\n";
}

/** Whether YAML reads this text without a syntax error (used to decide that a syntax fix is certainly right). */
export function parsesCleanly(text: string): boolean {
  // Re-parsing a large file to vouch for a fix costs more than the fix is worth: a human decides.
  if (text.length > 64 * 1024) return false;
  const y = parseFirstDocument(text);
  return y.errors.length === 0 && !y.unknownAnchor;
}

export function lineRangeTrimmed(lines: LineIndex, line: number, fromChar = 0): Range {
  const t = lines.lineText(line);
  const end = t.replace(/\s+$/, "").length;
  const start = Math.min(fromChar + (/^\s*/.exec(t.slice(fromChar))![0].length), end);
  return { start: { line, character: start }, end: { line, character: Math.max(start, end) } };
}

export function plural(n: number, one: string, many = one + "s"): string {
  return `${n} ${n === 1 ? one : many}`;
}
