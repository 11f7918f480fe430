/**
 * Go `flag` and `spf13/pflag` declarations (cobra's `cmd.Flags()` is a pflag FlagSet):
 * `fs.BoolVar(&o.X, "name", default, "usage")`, `flag.Bool("name", default, "usage")`,
 * their `P` forms (a shorthand after the name) and `Var`/`VarP` with a custom Value.
 * A call must have exactly the arity of its form, so `zap.Bool(k, v)` or `x.String()` never match.
 */
import { TOKEN } from "../lex/tokens";
const { IDENT, STRING, PUNCT } = TOKEN;
import type { GoFile } from "../go/context";
import type { FlagDecl, ValueType } from "../model";
import { experimentalName, findEvidenceWord, mayMentionWord } from "../evidence";
import { stripComment } from "../go/context";
import { resolveGoIdent } from "../go/package";

const KINDS: Record<string, ValueType> = {
  Bool: "bool", String: "string", Int: "number", Int8: "number", Int16: "number", Int32: "number", Int64: "number",
  Uint: "number", Uint8: "number", Uint16: "number", Uint32: "number", Uint64: "number", Float32: "number", Float64: "number",
  Duration: "duration", StringSlice: "list", StringArray: "list", IntSlice: "list", Int32Slice: "list", Int64Slice: "list",
  UintSlice: "list", Float32Slice: "list", Float64Slice: "list", BoolSlice: "list", DurationSlice: "list",
  StringToString: "list", StringToInt: "list", StringToInt64: "list", IP: "string", IPSlice: "list", IPMask: "string", IPNet: "string",
  BytesHex: "string", BytesBase64: "string", TextVar: "unknown",
};

interface Form { type: ValueType; pointer: boolean; short: boolean; hasDefault: boolean }
const FORMS = new Map<string, Form>();
/** Whether a method name is one of the flag-declaring forms (`Bool`, `BoolVarP`, `Var`…). */
export function isFlagForm(method: string): boolean { return FORMS.has(method); }
export function flagFormNames(): string[] { return [...FORMS.keys()]; }
for (const [k, type] of Object.entries(KINDS)) {
  FORMS.set(k, { type, pointer: false, short: false, hasDefault: true });
  FORMS.set(`${k}P`, { type, pointer: false, short: true, hasDefault: true });
  FORMS.set(`${k}Var`, { type, pointer: true, short: false, hasDefault: true });
  FORMS.set(`${k}VarP`, { type, pointer: true, short: true, hasDefault: true });
}
FORMS.set("Var", { type: "unknown", pointer: true, short: false, hasDefault: false });
FORMS.set("VarP", { type: "unknown", pointer: true, short: true, hasDefault: false });

export function recogniseGoFlags(f: GoFile): FlagDecl[] {
  const t = f.t;
  const out: FlagDecl[] = [];
  const deprecated = new Set<string>();
  const { type, start, text } = t;
  for (let i = 2; i < t.n - 1; i++) {
    if (type[i] !== IDENT || type[i + 1] !== PUNCT || text.charCodeAt(start[i + 1]) !== 40 /* ( */ || type[i - 1] !== PUNCT || text.charCodeAt(start[i - 1]) !== 46 /* . */) continue;
    // Every form is an exported method: skip the rest without slicing its name.
    const initial = text.charCodeAt(start[i]);
    if (initial < 65 || initial > 90) continue;
    const method = t.text_(i);
    if (method === "MarkDeprecated") {
      const a = t.args(i + 1);
      if (a.length >= 1) { const n = f.stringOf(a[0][0], a[0][1]); if (n) deprecated.add(n); }
      continue;
    }
    const form = FORMS.get(method);
    if (!form) continue;
    const close = t.matching(i + 1);
    const args = t.args(i + 1, close);
    const arity = (form.pointer ? 1 : 0) + 1 + (form.short ? 1 : 0) + (form.hasDefault ? 1 : 0) + 1;
    if (args.length !== arity) continue;
    let a = 0;
    const ptr = form.pointer ? args[a++] : undefined;
    const nameArg = args[a++];
    if (form.short) a++;
    const defArg = form.hasDefault ? args[a++] : undefined;
    const usageArg = args[a];
    // The name must be a string literal or an identifier; the usage must contain text or be a name.
    if (nameArg[1] - nameArg[0] !== 1 || (t.type[nameArg[0]] !== STRING && t.type[nameArg[0]] !== IDENT)) continue;
    if (ptr && !(t.isPunct(ptr[0], "&") || t.type[ptr[0]] === IDENT)) continue;
    const resolved = f.stringOf(nameArg[0], nameArg[1]) ?? (t.type[nameArg[0]] === IDENT ? resolveGoIdent(f, t.text_(nameArg[0]))?.value : undefined);
    const nameTok = nameArg[0];
    const literalName = t.type[nameTok] === STRING;
    const name = resolved ?? t.text_(nameTok);
    const recv = receiverStart(f, i - 1);
    const help = f.literalText(usageArg[0], usageArg[1]);
    const fromLine = t.line[recv];
    const toLine = t.line[close < t.n ? close : t.n - 1];
    const evidence = f.evidence(help, fromLine, toLine, name);
    // The doc comment of the struct field the flag is bound to (&opts.Field).
    const mentions: string[] = [];
    if (ptr) {
      const last = t.lastSignificant(ptr[0], ptr[1]);
      if (last !== -1 && t.type[last] === IDENT) {
        const fieldName = t.text_(last);
        mentions.push(fieldName);
        const field = f.fields.get(fieldName);
        if (field) {
          const raw = [t.docAbove(field.line)?.text ?? "", ...t.commentsWithin(field.line, field.line).map((c) => c.text)];
          const m = raw.some((r) => mayMentionWord(r, f.settings.evidenceWords)) ? findEvidenceWord(raw.map(stripComment).join("\n"), f.settings.evidenceWords, name) : undefined;
          if (m) evidence.push({ kind: "field-doc", word: m.word, line: field.line, where: `the comment of the field ${fieldName} it sets` });
        }
      }
    }
    let valueType = form.type;
    const def = defArg ? f.defaultOf(defArg[0], defArg[1]) : { state: "unknown" as const, text: "(set by a custom flag.Value)" };
    if (valueType === "string" && (def.state === "on" || def.state === "off") && t.type[defArg![0]] === STRING) valueType = "switch-string";
    out.push({
      name, display: `--${name}`, source: "go-flag",
      range: f.range(recv, nameTok),
      nameRange: literalName ? f.innerRange(nameTok) : undefined,
      renameTo: resolved !== undefined ? experimentalName(name) : undefined,
      mentions, evidence, valueType, default: def,
      unresolvedName: resolved === undefined,
    });
  }
  for (const d of out) if (deprecated.has(d.name)) d.deprecated = true;
  return out;
}

/** The first token of the receiver chain before `.Method` (`fs`, `cmd.Flags()`, `pflag.CommandLine`). */
export function receiverStart(f: GoFile, dot: number): number {
  const t = f.t;
  let i = dot - 1;
  while (i >= 0) {
    if (t.isPunct(i, ")")) {
      // walk back over a call's parentheses: cmd.Flags()
      let depth = 0, j = i;
      for (; j >= 0; j--) {
        if (t.isPunct(j, ")")) depth++;
        else if (t.isPunct(j, "(") && --depth === 0) break;
      }
      i = j - 1;
      continue;
    }
    if (t.type[i] === IDENT) {
      if (t.isPunct(i - 1, ".")) { i -= 2; continue; }
      return i;
    }
    return i + 1;
  }
  return 0;
}
