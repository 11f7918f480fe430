/** What JS/TS recognisers share: tokens, string values, defaults and evidence. */
import type { Range } from "../../../types";
import type { LineIndex } from "../../../text";
import { Tokens, TOKEN } from "../lex/tokens";
const { IDENT, STRING, NUMBER } = TOKEN;
import { lexJs, jsStringValue } from "../lex/js";
import type { DefaultValue, Evidence, FlagsSettings } from "../model";
import { switchState, offSpelling } from "../evidence";
import { declarationEvidence } from "../sources";

export class JsFile {
  readonly t: Tokens;
  constructor(readonly relPath: string, readonly text: string, readonly settings: FlagsSettings, readonly lines: LineIndex, pooled = false) {
    this.t = lexJs(text, pooled);
  }
  range(a: number, b: number): Range { return this.lines.range(this.t.start[a], this.t.end[b]); }
  innerRange(tok: number): Range { return this.lines.range(this.t.start[tok] + 1, this.t.end[tok] - 1); }
  str(tok: number): string | undefined { return this.t.type[tok] === STRING ? jsStringValue(this.t.text_(tok)) : undefined; }
  literalText(from: number, to: number): string {
    let s = "";
    for (let i = from; i < to; i++) if (this.t.type[i] === STRING) s += jsStringValue(this.t.text_(i));
    return s;
  }
  /** Properties of an object literal opened at `open`: key → [start, end) of the value. */
  objectProps(open: number): Map<string, [number, number]> {
    const m = new Map<string, [number, number]>();
    for (const [s, e] of this.t.args(open)) {
      if ((this.t.type[s] === IDENT || this.t.type[s] === STRING) && this.t.isPunct(s + 1, ":")) m.set(this.t.type[s] === STRING ? this.str(s)! : this.t.text_(s), [s + 2, e]);
    }
    return m;
  }
  defaultOf(from: number, to: number): DefaultValue {
    const t = this.t;
    const text = t.text.slice(t.start[from], t.end[Math.max(from, to - 1)]);
    if (to - from === 1) {
      const v = t.text_(from);
      if (t.type[from] === IDENT && (v === "true" || v === "false")) return { state: v === "true" ? "on" : "off", text: v, literalRange: this.range(from, from), offText: "false", plainBoolean: true };
      if (t.type[from] === IDENT && (v === "undefined" || v === "null")) return { state: "off", text: v };
      if (t.type[from] === NUMBER) return { state: /^0+(\.0*)?$/.test(v) ? "off" : "value", text: v };
      if (t.type[from] === STRING) {
        const st = switchState(jsStringValue(v));
        return { state: st ?? "value", text: v, literalRange: this.range(from, from), offText: st === "on" ? offSpelling(v) : undefined };
      }
    }
    return { state: "unknown", text };
  }
  evidence(help: string, fromLine: number, toLine: number, ownName: string): Evidence[] {
    return declarationEvidence(this.t, this.settings.evidenceWords, help, fromLine, toLine, ownName);
  }
}
