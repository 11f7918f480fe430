import type { Position, Range } from "./types";

/** Maps offsets to positions and back for one text; built once, queried in O(log n). */
export class LineIndex {
  private readonly starts: number[] = [0];
  constructor(readonly text: string) {
    for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) this.starts.push(i + 1);
  }
  get lineCount(): number { return this.starts.length; }
  lineStart(line: number): number { return this.starts[Math.max(0, Math.min(line, this.starts.length - 1))]; }
  /** Offset of the end of the line, before its "\n" or "\r\n". */
  lineEnd(line: number): number {
    if (line + 1 >= this.starts.length) return this.text.length;
    let end = this.starts[line + 1] - 1;
    if (end > this.starts[line] && this.text.charCodeAt(end - 1) === 13) end--;
    return end;
  }
  lineText(line: number): string { return this.text.slice(this.lineStart(line), this.lineEnd(line)); }
  positionAt(offset: number): Position {
    offset = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0, hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= offset) lo = mid; else hi = mid - 1;
    }
    return { line: lo, character: offset - this.starts[lo] };
  }
  /**
   * positionAt for an offset the caller believes is on `line` (a token knows its line): no search
   * when the belief holds, the binary search when it does not.
   */
  positionOnLine(offset: number, line: number): Position {
    const starts = this.starts;
    if (line >= 0 && line < starts.length && starts[line] <= offset && (line + 1 < starts.length ? offset < starts[line + 1] : offset <= this.text.length)) {
      return { line, character: offset - starts[line] };
    }
    return this.positionAt(offset);
  }
  offsetAt(pos: Position): number {
    if (pos.line >= this.starts.length) return this.text.length;
    if (pos.line < 0) return 0;
    return Math.min(this.starts[pos.line] + Math.max(0, pos.character), this.lineEnd(pos.line));
  }
  range(startOffset: number, endOffset: number): Range {
    return { start: this.positionAt(startOffset), end: this.positionAt(endOffset) };
  }
  /** The whole of one line, without its line break. */
  lineRange(line: number): Range {
    return { start: { line, character: 0 }, end: { line, character: this.lineEnd(line) - this.lineStart(line) } };
  }
}

export function range(sl: number, sc: number, el: number, ec: number): Range {
  return { start: { line: sl, character: sc }, end: { line: el, character: ec } };
}

export function comparePositions(a: Position, b: Position): number {
  return a.line - b.line || a.character - b.character;
}

/** True when `pos` lies within `r`, ends included. */
export function contains(r: Range, pos: Position): boolean {
  return comparePositions(r.start, pos) <= 0 && comparePositions(pos, r.end) <= 0;
}

/** Two reusable rows for editDistance (it runs per name × candidate on every keystroke in OWNERS). */
let rowA = new Uint32Array(64);
let rowB = new Uint32Array(64);

/** Levenshtein distance over UTF-16 code units, bounded: exact up to `max`; past it, some value above `max` (max+1 as soon as a whole row exceeds it). */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  if (a === b) return 0;
  const n = b.length;
  if (rowA.length <= n) { rowA = new Uint32Array(n + 1); rowB = new Uint32Array(n + 1); }
  let prev = rowA, cur = rowB;
  for (let j = 0; j <= n; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    const ca = a.charCodeAt(i - 1);
    cur[0] = i;
    let rowMin = i;
    for (let j = 1; j <= n; j++) {
      let v = prev[j - 1] + (ca === b.charCodeAt(j - 1) ? 0 : 1);
      if (prev[j] + 1 < v) v = prev[j] + 1;
      if (cur[j - 1] + 1 < v) v = cur[j - 1] + 1;
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    const t = prev; prev = cur; cur = t;
  }
  return prev[n];
}

/** The closest candidate within `max` edits (ties: first in the list), for "did you mean". */
export function closest(word: string, candidates: readonly string[], max = 2): string | undefined {
  let best: string | undefined;
  let bestDistance = max + 1;
  const w = word.toLowerCase();
  for (const c of candidates) {
    const d = editDistance(w, c.toLowerCase(), max);
    if (d < bestDistance) { best = c; bestDistance = d; }
  }
  return best;
}
