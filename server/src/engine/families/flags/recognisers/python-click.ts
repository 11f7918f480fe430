/**
 * click: `@click.option("--name", is_flag=True, default=False, help="...")` and the boolean form
 * `"--name/--no-name"`. A flag without `default` is off.
 */
import { TOKEN } from "../lex/tokens";
const { IDENT } = TOKEN;
import type { PyFile } from "../py/context";
import type { FlagDecl, ValueType, DefaultValue } from "../model";
import { experimentalName } from "../evidence";
import { optionNames } from "./python-options";

export function recogniseClick(f: PyFile): FlagDecl[] {
  if (!f.text.includes("option")) return [];
  const t = f.t;
  const out: FlagDecl[] = [];
  for (let i = 2; i < t.n - 1; i++) {
    if (!(t.type[i] === IDENT && t.is(i, "option") && t.isPunct(i - 1, ".") && t.isPunct(i + 1, "("))) continue;
    let at = i;
    while (at >= 2 && t.isPunct(at - 1, ".") && t.type[at - 2] === IDENT) at -= 2;
    if (!t.isPunct(at - 1, "@")) continue; // a decorator
    const { positional, kw, close } = f.callArgs(i + 1);
    const names = optionNames(f, positional);
    if (!names) continue;
    const isFlag = kw.get("is_flag");
    const d = kw.get("default");
    const flag = names.negatable || (isFlag && t.is(isFlag[0], "True"));
    let def: DefaultValue = d ? f.defaultOf(d[0], d[1]) : flag ? { state: "off", text: "False (not given)" } : { state: "off", text: "None (not given)" };
    const valueType: ValueType = flag || /^(True|False)$/.test(def.text) ? "bool" : def.literalRange && (def.state === "on" || def.state === "off") ? "switch-string" : "string";
    if (!d && flag) def = { ...def };
    const help = kw.get("help");
    out.push({
      name: names.name, display: `--${names.name}`, source: "python-click",
      range: f.range(at - 1, names.tok), nameRange: names.range, renameTo: experimentalName(names.name),
      mentions: [names.name.replace(/-/g, "_")], evidence: f.evidence(help ? f.literalText(help[0], help[1]) : "", t.line[at], t.line[Math.min(close, t.n - 1)], names.name),
      valueType, default: def,
    });
  }
  return out;
}
