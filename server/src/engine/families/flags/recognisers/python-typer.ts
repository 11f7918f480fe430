/**
 * typer: a parameter `name: bool = typer.Option(False, "--name", help=...)` or
 * `name: Annotated[bool, typer.Option(help=...)] = False`. Without an explicit "--x" the option is
 * the parameter name with dashes.
 */
import { TOKEN } from "../lex/tokens";
const { IDENT } = TOKEN;
import type { PyFile } from "../py/context";
import type { DefaultValue, FlagDecl } from "../model";
import { experimentalName } from "../evidence";
import { optionNames } from "./python-options";

export function recogniseTyper(f: PyFile): FlagDecl[] {
  if (!f.text.includes("Option")) return [];
  const t = f.t;
  const out: FlagDecl[] = [];
  for (let i = 2; i < t.n - 1; i++) {
    if (!(t.type[i] === IDENT && t.is(i, "Option") && t.isPunct(i - 1, ".") && t.is(i - 2, "typer") && t.isPunct(i + 1, "("))) continue;
    const { positional, kw, close } = f.callArgs(i + 1);
    // Find the parameter `name:` this Option belongs to, walking back out of Annotated[...].
    let p = i - 3, depth = 0;
    for (; p >= 0; p--) {
      if (t.isPunct(p, ")") || t.isPunct(p, "]")) { depth++; continue; }
      if (t.isPunct(p, "(") || t.isPunct(p, "[")) {
        if (depth > 0) { depth--; continue; }
        if (t.isPunct(p, "(")) { p = -1; break; }
        continue; // inside Annotated[...]
      }
      if (depth === 0 && t.type[p] === IDENT && t.isPunct(p + 1, ":") && (t.isPunct(p - 1, "(") || t.isPunct(p - 1, ","))) break;
    }
    if (p < 0 || t.type[p] !== IDENT || !t.isPunct(p + 1, ":")) continue;
    const param = t.text_(p);
    const names = optionNames(f, positional);
    const name = names?.name ?? param.replace(/_/g, "-");
    // default: first positional non-option argument, `default=`, or the parameter's `= X` after the annotation.
    let def: DefaultValue = { state: "unknown", text: "" };
    const firstPos = positional.find(([s]) => !(f.str(s)?.startsWith("-")));
    const d = kw.get("default");
    if (d) def = f.defaultOf(d[0], d[1]);
    else if (firstPos && t.type[firstPos[0]] !== IDENT || (firstPos && /^(True|False|None)$/.test(t.text_(firstPos[0])))) def = f.defaultOf(firstPos![0], firstPos![1]);
    else {
      let j = close + 1, dd = 0;
      for (; j < t.n; j++) { if (t.isPunct(j, "[") || t.isPunct(j, "(")) dd++; else if (t.isPunct(j, "]") || t.isPunct(j, ")")) { if (dd === 0) break; dd--; } if (dd === 0 && t.isPunct(j, "=")) break; if (dd === 0 && t.isPunct(j, ",")) break; }
      if (t.isPunct(j, "]")) j++;
      if (t.isPunct(j, "=")) { let k = j + 1; while (k < t.n && !t.isPunct(k, ",") && !t.isPunct(k, ")")) k++; def = f.defaultOf(j + 1, k); }
    }
    const annotation = t.text.slice(t.start[p + 2], t.start[i]);
    const help = kw.get("help");
    out.push({
      name, display: `--${name}`, source: "python-typer",
      range: f.range(p, names ? names.tok : p), nameRange: names?.range, renameTo: names ? experimentalName(name) : undefined,
      mentions: [param], evidence: f.evidence(help ? f.literalText(help[0], help[1]) : "", t.line[p], t.line[Math.min(close, t.n - 1)], name),
      valueType: /\bbool\b/.test(annotation) || /^(True|False)$/.test(def.text) ? "bool" : "unknown", default: def,
    });
  }
  return out;
}
