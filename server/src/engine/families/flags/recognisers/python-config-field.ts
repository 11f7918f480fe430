/**
 * Python config fields (dataclasses, pydantic models, vLLM `@config` classes whose fields become
 * `--field-name` options): `name: type = default` in a class body, with its attribute docstring
 * (the string right after it), the comment above it or on its line. A field only becomes a
 * declaration when its name or its own text says experimental.
 */
import { TOKEN } from "../lex/tokens";
const { IDENT, STRING } = TOKEN;
import type { PyFile } from "../py/context";
import type { DefaultValue, FlagDecl } from "../model";
import { experimentalName, hasExperimentalName } from "../evidence";
import { pyStringValue } from "../lex/python";

export function recognisePythonConfigFields(f: PyFile): FlagDecl[] {
  const t = f.t;
  const out: FlagDecl[] = [];
  const lines = f.logical;
  for (let k = 0; k < lines.length; k++) {
    const l = lines[k];
    if (l.block !== "class" && l.block !== "unknown") continue;
    const s = l.first;
    if (t.type[s] !== IDENT || !t.isPunct(s + 1, ":") || t.is(s, "def") || t.is(s, "class") || t.is(s, "return")) continue;
    let eq = -1;
    for (let j = s + 2, d = 0; j < l.end; j++) {
      if (t.isPunct(j, "[") || t.isPunct(j, "(")) d++;
      else if (t.isPunct(j, "]") || t.isPunct(j, ")")) d--;
      else if (d === 0 && t.isPunct(j, "=")) { eq = j; break; }
    }
    const name = t.text_(s);
    if (name.startsWith("_")) continue;
    const next = lines[k + 1];
    const docTok = next && next.end - next.first === 1 && t.type[next.first] === STRING && next.indent === l.indent ? next.first : -1;
    const docstring = docTok !== -1 ? { text: pyStringValue(t.text_(docTok)), line: t.line[docTok] } : undefined;
    const endLine = t.line[l.end - 1 >= s ? l.end - 1 : s];
    const evidence = f.evidence("", t.line[s], endLine, name, docstring);
    if (evidence.length === 0 && !hasExperimentalName(name)) continue;
    const def: DefaultValue = eq === -1 ? { state: "unknown", text: "(no default)" } : f.defaultOf(eq + 1, l.end);
    const annotation = t.text.slice(t.start[s + 2], eq === -1 ? t.end[l.end - 1] : t.start[eq]);
    out.push({
      name, display: `config field ${name}`, source: "python-config-field",
      range: f.range(s, s), nameRange: f.range(s, s), renameTo: experimentalName(name, "_"),
      mentions: [name.replace(/_/g, "-")], evidence,
      valueType: /^\s*(bool|Optional\[bool\]|bool\s*\|\s*None)\s*$/.test(annotation) || /^(True|False)$/.test(def.text) ? "bool" : "unknown",
      default: def,
    });
  }
  return out;
}
