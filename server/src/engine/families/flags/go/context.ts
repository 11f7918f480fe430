/**
 * What Go recognisers share about one file: its tokens, the constants and variables it declares,
 * the values its composite literals and assignments give to fields, and its struct fields' docs.
 * Everything is same-file; `siblingConst` asks the workspace for the rest of the package.
 */
import type { Range, WorkspaceView } from "../../../types";
import { LineIndex } from "../../../text";
import { Tokens, TOKEN } from "../lex/tokens";
const { IDENT, STRING, NUMBER, PUNCT } = TOKEN;
import { lexGo, goStringValue } from "../lex/go";
import type { DefaultValue, Evidence, FlagsSettings } from "../model";
import { switchState, offSpelling } from "../evidence";
import { declarationEvidence, stripComment } from "../sources";

export interface GoConst { name: string; identTok: number; valueStart: number; valueEnd: number; line: number; typeText: string }
export interface GoField { name: string; line: number; tagTok: number; typeText: string; nameTok: number }

export class GoFile {
  readonly t: Tokens;
  private constsCache?: Map<string, GoConst>;
  private fieldValuesCache?: Map<string, number[]>;
  private fieldsCache?: Map<string, GoField>;

  constructor(readonly relPath: string, readonly text: string, readonly settings: FlagsSettings, readonly lines: LineIndex, readonly workspace?: WorkspaceView, pooled = false) {
    this.t = lexGo(text, pooled);
  }

  range(fromTok: number, toTok: number): Range {
    const t = this.t;
    // The token's own line, checked by the index: no search per range.
    return { start: this.lines.positionOnLine(t.start[fromTok], t.line[fromTok]), end: this.lines.positionOnLine(t.end[toTok], t.line[toTok]) };
  }
  tokRange(tok: number): Range { return this.range(tok, tok); }
  /** Range of a string literal's content, without its quotes. */
  innerRange(tok: number): Range {
    const t = this.t, from = t.start[tok] + 1;
    return { start: this.lines.positionOnLine(from, t.line[tok]), end: this.lines.positionOnLine(Math.max(from, t.end[tok] - 1), t.line[tok]) };
  }

  /** Package-level and local `const`/`var` specs with a value (`X = v`, `X T = v`, `X := v`). */
  get consts(): Map<string, GoConst> {
    if (this.constsCache) return this.constsCache;
    const m = new Map<string, GoConst>();
    const t = this.t;
    const spec = (i: number, stop: number): number => {
      // i: IDENT name; returns the index after the spec.
      const line = t.line[i];
      let j = i + 1;
      while (j < stop && t.line[j] === line && !t.isPunct(j, "=")) j++;
      if (j >= stop || t.line[j] !== line || !t.isPunct(j, "=") || t.isPunct(j + 1, "=")) return j;
      const valueStart = j + 1;
      let k = valueStart, depth = 0;
      while (k < stop) {
        if (t.type[k] === PUNCT) {
          const ch = t.text.charCodeAt(t.start[k]);
          if (ch === 40 || ch === 91 || ch === 123) depth++;
          else if (ch === 41 || ch === 93 || ch === 125) { if (depth === 0) break; depth--; }
          else if ((ch === 59 || ch === 44) && depth === 0) break;
        }
        if (depth === 0 && k > valueStart && t.line[k] !== t.line[k - 1] && !t.isPunct(k - 1, "+") && !t.isPunct(k, "+") && !t.isPunct(k - 1, "(")) break;
        k++;
      }
      const name = t.text_(i);
      if (!m.has(name) && k > valueStart) m.set(name, { name, identTok: i, valueStart, valueEnd: k, line, typeText: t.text.slice(t.end[i], t.start[j]).trim() });
      return k;
    };
    for (let i = 0; i < t.n; i++) {
      if (t.type[i] !== IDENT) continue;
      if (t.is(i, "const") || t.is(i, "var")) {
        if (t.isPunct(i + 1, "(")) {
          const close = t.matching(i + 1);
          let j = i + 2;
          while (j < close) {
            if (t.type[j] === IDENT && (j === i + 2 || t.line[j] !== t.line[j - 1])) j = Math.max(spec(j, close), j + 1);
            else j++;
          }
          i = close;
        } else if (t.type[i + 1] === IDENT) {
          i = spec(i + 1, t.n) - 1;
        }
      } else if (t.isPunct(i + 1, ":") && t.isPunct(i + 2, "=") && !m.has(t.text_(i))) {
        const name = t.text_(i);
        const vs = i + 3;
        let k = vs;
        while (k < t.n && t.line[k] === t.line[vs] && !t.isPunct(k, ";") && !t.isPunct(k, "{")) k++;
        if (k > vs) m.set(name, { name, identTok: i, valueStart: vs, valueEnd: k, line: t.line[i], typeText: "" });
      }
    }
    return (this.constsCache = m);
  }

  /** For each field name, the tokens of the values keyed literals (`F: v`) and assignments (`x.F = v`) give it. */
  get fieldValues(): Map<string, number[]> {
    if (this.fieldValuesCache) return this.fieldValuesCache;
    const m = new Map<string, number[]>();
    const t = this.t;
    const type = t.type, start = t.start, text = t.text;
    const punct = (k: number, code: number) => type[k] === PUNCT && text.charCodeAt(start[k]) === code;
    for (let i = 1; i < t.n - 2; i++) {
      if (type[i] !== IDENT || type[i + 1] !== PUNCT) continue;
      let v = -1;
      const next = text.charCodeAt(start[i + 1]);
      if (next === 58 /* : */ && !punct(i + 2, 61) && (punct(i - 1, 123) || punct(i - 1, 44))) v = i + 2;
      else if (next === 61 /* = */ && punct(i - 1, 46) && !punct(i + 2, 61)) v = i + 2;
      if (v === -1) continue;
      // Only a single-token value, followed by , } ; or the end of the line.
      const after = v + 1;
      if (after < t.n && t.line[after] === t.line[v] && !punct(after, 44) && !punct(after, 125) && !punct(after, 59)) continue;
      const name = t.text_(i);
      const list = m.get(name);
      if (list) list.push(v); else m.set(name, [v]);
    }
    return (this.fieldValuesCache = m);
  }

  /** Fields of struct types declared in the file. */
  get fields(): Map<string, GoField> {
    if (this.fieldsCache) return this.fieldsCache;
    const m = new Map<string, GoField>();
    const t = this.t;
    for (let i = 0; i < t.n - 1; i++) {
      if (!(t.type[i] === IDENT && t.is(i, "struct") && t.isPunct(i + 1, "{"))) continue;
      const close = t.matching(i + 1);
      for (let j = i + 2; j < close; j++) {
        if (t.type[j] !== IDENT || t.line[j] === t.line[j - 1]) continue;
        const line = t.line[j];
        let k = j + 1, tag = -1;
        while (k < close && t.line[k] === line) {
          if (t.type[k] === STRING && t.text.charCodeAt(t.start[k]) === 96) tag = k;
          if (t.isPunct(k, "{")) { k = t.matching(k); }
          k++;
        }
        if (k === j + 1) continue; // embedded field
        const typeEnd = tag === -1 ? k - 1 : tag - 1;
        const name = t.text_(j);
        if (!m.has(name)) m.set(name, { name, line, tagTok: tag, nameTok: j, typeText: t.text.slice(t.end[j], t.end[Math.max(j, typeEnd)]).trim() });
      }
      i = close;
    }
    return (this.fieldsCache = m);
  }

  /** The string a token range denotes: a literal, a same-file constant, or (optionally) a package sibling's. */
  stringOf(from: number, to: number, depth = 0): string | undefined {
    const t = this.t;
    if (to - from === 1 && t.type[from] === STRING) return goStringValue(t.text_(from));
    if (to - from === 1 && t.type[from] === IDENT && depth < 4) {
      const c = this.consts.get(t.text_(from));
      if (c) return this.stringOf(c.valueStart, c.valueEnd, depth + 1);
    }
    return undefined;
  }

  /** Text of every string literal in a token range, joined: a help text built with `+` or Sprintf. */
  literalText(from: number, to: number): string {
    const t = this.t;
    let s = "";
    for (let i = from; i < to; i++) if (t.type[i] === STRING) s += goStringValue(t.text_(i));
    return s;
  }

  /**
   * The default a token range gives: a literal, a constant, or a field (`opts.X`) whose value the
   * file's keyed literals or assignments set to one literal.
   */
  defaultOf(from: number, to: number, atCallSite = true, depth = 0): DefaultValue {
    const t = this.t;
    const text = t.text.slice(t.start[from], t.end[Math.max(from, to - 1)]);
    if (to - from === 1) {
      const ty = t.type[from];
      const v = t.text_(from);
      if (ty === IDENT && (v === "true" || v === "false")) {
        return { state: v === "true" ? "on" : "off", text: v, literalRange: this.tokRange(from), offText: "false", plainBoolean: atCallSite };
      }
      if (ty === NUMBER) return { state: /^0+(\.0*)?$/.test(v) ? "off" : "value", text: v };
      if (ty === STRING) {
        const s = goStringValue(v);
        const st = switchState(s);
        return { state: st ?? "value", text: v, literalRange: this.tokRange(from), offText: st === "on" ? offSpelling(v) : undefined };
      }
      if (ty === IDENT && depth < 3) {
        const c = this.consts.get(v);
        if (c) {
          const d = this.defaultOf(c.valueStart, c.valueEnd, false, depth + 1);
          return { ...d, text: `${v} (= ${d.text})`, plainBoolean: false };
        }
      }
    }
    // A selector x.y.Field: resolve Field through the file's literals and assignments.
    if (to - from >= 3 && t.type[to - 1] === IDENT && t.isPunct(to - 2, ".") && depth < 3) {
      const field = t.text_(to - 1);
      const values = this.fieldValues.get(field);
      if (values && values.length > 0) {
        const resolved = values.map((v) => this.defaultOf(v, v + 1, false, depth + 1));
        const first = resolved[0];
        if (resolved.every((r) => r.state === first.state && r.text === first.text) && first.state !== "unknown") {
          return { ...first, text: `${text} (= ${first.text})`, plainBoolean: false, literalRange: values.length === 1 ? first.literalRange : undefined };
        }
      }
    }
    return { state: "unknown", text };
  }

  /** Evidence from a help text, the comments inside/after the declaration and its doc comment. */
  evidence(help: string, fromLine: number, toLine: number, ownName: string): Evidence[] {
    return declarationEvidence(this.t, this.settings.evidenceWords, help, fromLine, toLine, ownName);
  }
}

export { stripComment };
