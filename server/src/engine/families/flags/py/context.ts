/** What Python recognisers share: tokens, logical lines with their enclosing block, literal values. */
import type { Range } from "../../../types";
import type { LineIndex } from "../../../text";
import { Tokens, TOKEN } from "../lex/tokens";
const { IDENT, STRING, NUMBER, NEWLINE, PUNCT } = TOKEN;
import { lexPython, pyStringValue } from "../lex/python";
import type { DefaultValue, Evidence, FlagsSettings } from "../model";
import { switchState, offSpelling } from "../evidence";
import { declarationEvidence } from "../sources";

export interface PyLine { first: number; end: number; indent: number; block: "class" | "def" | "module" | "unknown"; decorators: string[] }

export class PyFile {
  readonly t: Tokens;
  private linesCache?: PyLine[];
  private constsCache?: Map<string, [number, number]>;

  constructor(readonly relPath: string, readonly text: string, readonly settings: FlagsSettings, readonly lines: LineIndex, pooled = false) {
    this.t = lexPython(text, pooled);
  }

  range(a: number, b: number): Range { return this.lines.range(this.t.start[a], this.t.end[b]); }
  innerRange(tok: number): Range {
    const raw = this.t.text_(tok);
    let k = 0;
    while (k < raw.length && raw[k] !== "'" && raw[k] !== '"') k++;
    const q = raw.startsWith('"""', k) || raw.startsWith("'''", k) ? 3 : 1;
    return this.lines.range(this.t.start[tok] + k + q, this.t.end[tok] - q);
  }
  str(tok: number): string | undefined { return this.t.type[tok] === STRING ? pyStringValue(this.t.text_(tok)) : undefined; }

  /** Logical lines with the kind of block they sit in (class body, function body, module). */
  get logical(): PyLine[] {
    if (this.linesCache) return this.linesCache;
    const t = this.t;
    const out: PyLine[] = [];
    const stack: { indent: number; kind: "class" | "def" | "other" }[] = [];
    let pendingDecorators: string[] = [];
    let first = 0;
    for (let i = 0; i <= t.n; i++) {
      if (i < t.n && t.type[i] !== NEWLINE) continue;
      if (i > first) {
        const indent = this.lines.positionAt(t.start[first]).character;
        while (stack.length && stack[stack.length - 1].indent >= indent) stack.pop();
        const top = stack[stack.length - 1];
        const block = top ? (top.kind === "class" ? "class" : top.kind === "def" ? "def" : inherit(stack)) : indent > 0 ? "unknown" : "module";
        const head = t.text_(first);
        out.push({ first, end: i, indent, block, decorators: head === "class" ? pendingDecorators : [] });
        if (t.isPunct(first, "@")) pendingDecorators.push(t.text.slice(t.start[first + 1], t.end[i - 1]));
        else pendingDecorators = [];
        if (t.isPunct(i - 1, ":")) stack.push({ indent, kind: head === "class" ? "class" : head === "def" || (head === "async" && t.is(first + 1, "def")) ? "def" : "other" });
      }
      first = i + 1;
    }
    return (this.linesCache = out);
  }

  /** Module-level NAME = literal assignments. */
  get consts(): Map<string, [number, number]> {
    if (this.constsCache) return this.constsCache;
    const m = new Map<string, [number, number]>();
    for (const l of this.logical) {
      if (l.block !== "module") continue;
      if (this.t.type[l.first] === IDENT && this.t.isPunct(l.first + 1, "=") && !this.t.isPunct(l.first + 2, "=")) m.set(this.t.text_(l.first), [l.first + 2, l.end]);
    }
    return (this.constsCache = m);
  }

  /** Keyword arguments of a call: name → [start, end) tokens. Positional ones are returned in order. */
  callArgs(open: number): { positional: [number, number][]; kw: Map<string, [number, number]>; close: number } {
    const t = this.t;
    const close = t.matching(open);
    const positional: [number, number][] = [];
    const kw = new Map<string, [number, number]>();
    for (const [s, e] of t.args(open, close)) {
      if (t.type[s] === IDENT && t.isPunct(s + 1, "=") && !t.isPunct(s + 2, "=")) kw.set(t.text_(s), [s + 2, e]);
      else positional.push([s, e]);
    }
    return { positional, kw, close };
  }

  /** Every string literal in a range, joined (implicit concatenation, `+`, parenthesised help). */
  literalText(from: number, to: number): string {
    let s = "";
    for (let i = from; i < to; i++) if (this.t.type[i] === STRING) s += pyStringValue(this.t.text_(i));
    return s;
  }

  defaultOf(from: number, to: number, depth = 0): DefaultValue {
    const t = this.t;
    const s = t.significant(from, to);
    const e = t.lastSignificant(from, to);
    if (e === -1) return { state: "unknown", text: "" };
    const text = t.text.slice(t.start[s], t.end[e]);
    if (s === e) {
      const v = t.text_(s);
      if (t.type[s] === IDENT && (v === "True" || v === "False")) return { state: v === "True" ? "on" : "off", text: v, literalRange: this.range(s, s), offText: "False", plainBoolean: true };
      if (t.type[s] === IDENT && v === "None") return { state: "off", text: v };
      if (t.type[s] === NUMBER) return { state: /^0+(\.0*)?$/.test(v) ? "off" : "value", text: v };
      if (t.type[s] === STRING) {
        const st = switchState(pyStringValue(v));
        return { state: st ?? "value", text: v, literalRange: this.range(s, s), offText: st === "on" ? offSpelling(v.replace(/^[a-zA-Z]+/, "")) : undefined };
      }
      if (t.type[s] === IDENT && depth < 3) {
        const c = this.consts.get(v);
        if (c) { const d = this.defaultOf(c[0], c[1], depth + 1); return { ...d, text: `${v} (= ${d.text})`, plainBoolean: false }; }
      }
    }
    // Field(default=X, ...) / field(default=X) / Option(X, ...)
    if (t.type[s] === IDENT && t.isPunct(s + 1, "(") && /^(Field|field|attr\.ib|attrib)$/.test(t.text_(s))) {
      const { kw } = this.callArgs(s + 1);
      const d = kw.get("default");
      if (d) return this.defaultOf(d[0], d[1], depth + 1);
    }
    return { state: "unknown", text };
  }

  evidence(help: string, fromLine: number, toLine: number, ownName: string, docstring?: { text: string; line: number }): Evidence[] {
    return declarationEvidence(this.t, this.settings.evidenceWords, help, fromLine, toLine, ownName, docstring);
  }
}

function inherit(stack: { kind: string }[]): "class" | "def" | "module" | "unknown" {
  for (let k = stack.length - 1; k >= 0; k--) if (stack[k].kind === "def") return "def";
  for (let k = stack.length - 1; k >= 0; k--) if (stack[k].kind === "class") return "unknown";
  return "module";
}

