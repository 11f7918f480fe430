/**
 * A token stream in parallel typed arrays (no object per token): the Go, Python and JS/TS
 * lexers fill it in one pass, recognisers walk it by index. Comments live in their own arrays,
 * so no recogniser can mistake a commented-out call for code.
 */

export const IDENT = 1, STRING = 2, NUMBER = 3, PUNCT = 4, NEWLINE = 5;
/**
 * The same numbers as one object, for hot loops: `const { IDENT, PUNCT } = TOKEN` copies them into
 * module constants once (a named import is a getter call per use under tsx's CommonJS interop).
 */
export const TOKEN = { IDENT, STRING, NUMBER, PUNCT, NEWLINE } as const;

let pool: Tokens | undefined;

export class Tokens {
  n = 0;
  type: Uint8Array;
  start: Int32Array;
  end: Int32Array;
  line: Int32Array;
  cn = 0;
  cStart: Int32Array;
  cEnd: Int32Array;
  cLine: Int32Array;
  cEndLine: Int32Array;
  /** 1 when nothing but whitespace precedes the comment on its line. */
  cOwn: Uint8Array;
  lineCount = 1;
  /** Per line: index of the last comment starting on it, or -1 (built on demand). */
  private byLine?: Int32Array;
  /** Per line: index of the first token on it, or -1 (built on demand). */
  private firstTok?: Int32Array;

  /**
   * `pooled`: borrow the arrays of the previous pooled stream (one document is parsed at a time,
   * synchronously), so a keystroke allocates no token storage. Streams for other files read
   * during a parse (package siblings) must not be pooled.
   */
  constructor(readonly text: string, pooled = false) {
    const cap = Math.max(64, text.length >> 2);
    const ccap = Math.max(16, text.length >> 6);
    const p = pooled ? pool : undefined;
    if (p && p.type.length >= cap && p.cStart.length >= ccap) {
      this.type = p.type; this.start = p.start; this.end = p.end; this.line = p.line;
      this.cStart = p.cStart; this.cEnd = p.cEnd; this.cLine = p.cLine; this.cEndLine = p.cEndLine; this.cOwn = p.cOwn;
    } else {
      this.type = new Uint8Array(cap);
      this.start = new Int32Array(cap);
      this.end = new Int32Array(cap);
      this.line = new Int32Array(cap);
      this.cStart = new Int32Array(ccap);
      this.cEnd = new Int32Array(ccap);
      this.cLine = new Int32Array(ccap);
      this.cEndLine = new Int32Array(ccap);
      this.cOwn = new Uint8Array(ccap);
    }
    if (pooled) pool = this;
  }

  push(type: number, start: number, end: number, line: number): void {
    if (this.n === this.type.length) this.grow();
    const i = this.n++;
    this.type[i] = type; this.start[i] = start; this.end[i] = end; this.line[i] = line;
  }

  comment(start: number, end: number, line: number, endLine: number): void {
    if (this.cn === this.cStart.length) this.growComments();
    const i = this.cn++;
    this.cStart[i] = start; this.cEnd[i] = end; this.cLine[i] = line; this.cEndLine[i] = endLine;
    this.cOwn[i] = this.n === 0 || this.line[this.n - 1] !== line ? 1 : 0;
  }

  private grow(): void {
    const cap = this.type.length * 2;
    const t = new Uint8Array(cap); t.set(this.type); this.type = t;
    const s = new Int32Array(cap); s.set(this.start); this.start = s;
    const e = new Int32Array(cap); e.set(this.end); this.end = e;
    const l = new Int32Array(cap); l.set(this.line); this.line = l;
  }

  private growComments(): void {
    const cap = this.cStart.length * 2;
    const a = new Int32Array(cap); a.set(this.cStart); this.cStart = a;
    const b = new Int32Array(cap); b.set(this.cEnd); this.cEnd = b;
    const c = new Int32Array(cap); c.set(this.cLine); this.cLine = c;
    const d = new Int32Array(cap); d.set(this.cEndLine); this.cEndLine = d;
    const o = new Uint8Array(cap); o.set(this.cOwn); this.cOwn = o;
  }

  text_(i: number): string { return this.text.slice(this.start[i], this.end[i]); }
  is(i: number, s: string): boolean {
    return i >= 0 && i < this.n && this.end[i] - this.start[i] === s.length && this.text.startsWith(s, this.start[i]);
  }
  isPunct(i: number, ch: string): boolean {
    return i >= 0 && i < this.n && this.type[i] === PUNCT && this.text.charCodeAt(this.start[i]) === ch.charCodeAt(0);
  }
  commentText(c: number): string { return this.text.slice(this.cStart[c], this.cEnd[c]); }

  private commentsByLine(): Int32Array {
    if (!this.byLine) {
      const m = new Int32Array(this.lineCount).fill(-1);
      for (let c = 0; c < this.cn; c++) for (let l = this.cLine[c]; l <= this.cEndLine[c]; l++) m[l] = c;
      this.byLine = m;
    }
    return this.byLine;
  }

  firstTokenOnLine(line: number): number {
    if (!this.firstTok) {
      const m = new Int32Array(this.lineCount).fill(-1);
      for (let i = this.n - 1; i >= 0; i--) if (this.type[i] !== NEWLINE) m[this.line[i]] = i;
      this.firstTok = m;
    }
    return line >= 0 && line < this.lineCount ? this.firstTok[line] : -1;
  }

  /**
   * The comment block that ends on the line just above `line` and stands on its own lines
   * (no blank line between it and the declaration): the declaration's doc comment.
   */
  docAbove(line: number): { text: string; line: number } | undefined {
    const by = this.commentsByLine();
    const parts: string[] = [];
    let l = line - 1;
    let first = -1;
    while (l >= 0) {
      const c = by[l];
      if (c === -1 || !this.cOwn[c]) break;
      parts.unshift(this.commentText(c));
      first = this.cLine[c];
      l = this.cLine[c] - 1;
    }
    return parts.length ? { text: parts.join("\n"), line: first } : undefined;
  }

  /** Comments that start on lines [from, to] (trailing comments and comments inside a call). */
  commentsWithin(from: number, to: number): { text: string; line: number }[] {
    const out: { text: string; line: number }[] = [];
    const by = this.commentsByLine();
    let last = -1;
    for (let l = from; l <= to && l < this.lineCount; l++) {
      const c = by[l];
      if (c !== -1 && c !== last && this.cLine[c] >= from) { out.push({ text: this.commentText(c), line: this.cLine[c] }); last = c; }
    }
    return out;
  }

  /** Index of the token closing the bracket opened at `open` (or n when unbalanced). */
  matching(open: number): number {
    let depth = 0;
    for (let i = open; i < this.n; i++) {
      if (this.type[i] !== PUNCT) continue;
      const ch = this.text.charCodeAt(this.start[i]);
      if (ch === 40 || ch === 91 || ch === 123) depth++;
      else if (ch === 41 || ch === 93 || ch === 125) { if (--depth === 0) return i; }
    }
    return this.n;
  }

  /** Splits the tokens between an opening bracket and its match at top-level commas: [start, end) pairs. */
  args(open: number, close = this.matching(open)): [number, number][] {
    const out: [number, number][] = [];
    let depth = 0, from = open + 1;
    for (let i = open + 1; i < close; i++) {
      if (this.type[i] === NEWLINE) continue;
      if (this.type[i] !== PUNCT) continue;
      const ch = this.text.charCodeAt(this.start[i]);
      if (ch === 40 || ch === 91 || ch === 123) depth++;
      else if (ch === 41 || ch === 93 || ch === 125) depth--;
      else if (ch === 44 && depth === 0) { out.push([from, i]); from = i + 1; }
    }
    if (this.significant(from, close) < close) out.push([from, close]);
    return out;
  }

  /** First token in [from, to) that is not a NEWLINE, or `to`. */
  significant(from: number, to: number): number {
    let i = from;
    while (i < to && this.type[i] === NEWLINE) i++;
    return i;
  }

  /** Last token before `to` (exclusive) and at or after `from` that is not a NEWLINE, or -1. */
  lastSignificant(from: number, to: number): number {
    let i = to - 1;
    while (i >= from && this.type[i] === NEWLINE) i--;
    return i >= from ? i : -1;
  }
}

/**
 * A `//` or block comment starting at `i` (C-style languages): records it and returns the offset
 * after it and the line it ends on, or undefined when no comment starts there.
 */
export function cComment(t: Tokens, i: number, line: number): { next: number; line: number } | undefined {
  const text = t.text;
  if (text.charCodeAt(i) !== 47) return undefined;
  const d = text.charCodeAt(i + 1);
  if (d === 47) {
    let j = text.indexOf("\n", i);
    if (j === -1) j = text.length;
    t.comment(i, j > i && text.charCodeAt(j - 1) === 13 ? j - 1 : j, line, line);
    return { next: j, line };
  }
  if (d === 42) {
    let j = text.indexOf("*/", i + 2);
    j = j === -1 ? text.length : j + 2;
    let end = line;
    for (let k = i; k < j; k++) if (text.charCodeAt(k) === 10) end++;
    t.comment(i, j, line, end);
    return { next: j, line: end };
  }
  return undefined;
}
