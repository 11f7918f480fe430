/**
 * Go config struct fields with a struct tag (`json:`, `yaml:`, `mapstructure:`, `toml:`, `env:`,
 * `flag:`), e.g. `EnableRDMA bool \`json:"enableRDMA,omitempty"\`` documented "(experimental)".
 * The name is the tag's key (what users write in the config file). A field only becomes a
 * declaration when its name or its own comments say experimental; fields a flag call binds
 * (`&opts.Field`) are left to that flag. The default comes from keyed literals in the same file.
 */
import type { GoFile } from "../go/context";
import { commentEvidenceWord } from "../sources";
import type { Evidence, FlagDecl } from "../model";
import { experimentalName, hasExperimentalName } from "../evidence";
import { goStringValue } from "../lex/go";

const TAG = /\b(json|yaml|mapstructure|toml|env|flag):"([^",]*)/;

export function recogniseGoStructFields(f: GoFile, bound: ReadonlySet<string>): FlagDecl[] {
  if (!f.text.includes("struct")) return [];
  const t = f.t;
  const out: FlagDecl[] = [];
  for (const field of f.fields.values()) {
    if (field.tagTok === -1 || bound.has(field.name)) continue;
    const tag = goStringValue(t.text_(field.tagTok));
    const m = TAG.exec(tag);
    if (!m || m[2] === "-") continue;
    const name = m[2] || field.name;
    const evidence: Evidence[] = [];
    const doc = t.docAbove(field.line);
    const own = t.commentsWithin(field.line, field.line)[0];
    for (const c of [doc, own]) {
      if (!c) continue;
      const w = commentEvidenceWord(c.text, f.settings.evidenceWords, name);
      if (w) { evidence.push({ kind: c === doc ? "doc" : "comment", word: w.word, line: c.line, where: c === doc ? "the comment above it" : "the comment on its line" }); break; }
    }
    if (evidence.length === 0 && !hasExperimentalName(name)) continue;
    const values = f.fieldValues.get(field.name) ?? [];
    const resolved = values.map((v) => f.defaultOf(v, v + 1, false));
    const def = resolved.length > 0 && resolved.every((r) => r.state === resolved[0].state && r.text === resolved[0].text)
      ? { ...resolved[0], literalRange: resolved.length === 1 ? resolved[0].literalRange : undefined, plainBoolean: false }
      : { state: "unknown" as const, text: "(not set in this file)" };
    const tagStart = t.start[field.tagTok] + 1 + m.index + m[1].length + 2;
    const isBool = /^\*?bool$/.test(field.typeText);
    out.push({
      name, display: `config field ${name}`, source: "go-struct-field",
      range: f.range(field.nameTok, field.nameTok),
      nameRange: m[2] && !t.text_(field.tagTok).includes("\\") ? f.lines.range(tagStart, tagStart + m[2].length) : undefined,
      renameTo: experimentalName(name), mentions: [field.name], evidence,
      valueType: isBool ? "bool" : "unknown", default: def,
    });
  }
  return out;
}
