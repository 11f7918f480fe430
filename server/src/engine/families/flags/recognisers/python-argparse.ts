/**
 * argparse: `parser.add_argument("--name", action="store_true", default=..., help="...")`
 * (also on argument groups). store_true means off, store_false on, BooleanOptionalAction takes
 * `default`. Positional arguments (no leading dash) are not options and are skipped.
 */
import { TOKEN } from "../lex/tokens";
const { IDENT } = TOKEN;
import type { PyFile } from "../py/context";
import type { DefaultValue, FlagDecl, ValueType } from "../model";
import { experimentalName } from "../evidence";
import { optionNames } from "./python-options";

export function recogniseArgparse(f: PyFile): FlagDecl[] {
  if (!f.text.includes("add_argument")) return [];
  const t = f.t;
  const out: FlagDecl[] = [];
  for (let i = 2; i < t.n - 1; i++) {
    if (!(t.type[i] === IDENT && t.is(i, "add_argument") && t.isPunct(i - 1, ".") && t.isPunct(i + 1, "("))) continue;
    const { positional, kw, close } = f.callArgs(i + 1);
    const names = optionNames(f, positional);
    if (!names) continue;
    const action = kw.get("action");
    const actionText = action ? (f.str(action[0]) ?? t.text.slice(t.start[action[0]], t.end[action[1] - 1])) : "";
    let def: DefaultValue;
    let valueType: ValueType = "unknown";
    const d = kw.get("default");
    if (actionText === "store_true") { def = d ? f.defaultOf(d[0], d[1]) : { state: "off", text: "False (store_true)" }; valueType = "bool"; }
    else if (actionText === "store_false") { def = d ? f.defaultOf(d[0], d[1]) : { state: "on", text: 'action="store_false"' }; valueType = "bool"; }
    else {
      def = d ? f.defaultOf(d[0], d[1]) : { state: "off", text: "None (not given)" };
      const type = kw.get("type");
      if (/BooleanOptionalAction/.test(actionText) || (type && t.is(type[0], "bool")) || /^(True|False)$/.test(def.text)) valueType = "bool";
      else if (type && /^(int|float)$/.test(t.text_(type[0]))) valueType = "number";
      else if (def.state === "on" || def.state === "off") valueType = d && def.literalRange ? "switch-string" : "unknown";
      else valueType = "string";
    }
    const start = (() => { let j = i; while (j >= 2 && t.isPunct(j - 1, ".") && t.type[j - 2] === IDENT) j -= 2; return j; })();
    const help = kw.get("help");
    const name = names.name;
    const dest = name.replace(/-/g, "_");
    const dep = kw.get("deprecated");
    out.push({
      name, display: `--${name}`, source: "python-argparse",
      range: f.range(start, names.tok), nameRange: names.range, renameTo: experimentalName(name),
      mentions: [dest], evidence: f.evidence(help ? f.literalText(help[0], help[1]) : "", t.line[start], t.line[Math.min(close, t.n - 1)], name),
      valueType, default: def, deprecated: !!dep && t.is(dep[0], "True"),
    });
  }
  return out;
}
