/**
 * yargs: `.option("name", { type: "boolean", default: true, describe: "..." })` and
 * `.options({ name: { ... }, other: { ... } })`. `describe`, `description`, `desc` and `deprecated`
 * are read; a boolean option without a default is off.
 */
import type { JsFile } from "../js/context";
import { TOKEN } from "../lex/tokens";
const { IDENT, STRING } = TOKEN;
import type { DefaultValue, FlagDecl, ValueType } from "../model";
import { experimentalName } from "../evidence";
import { camel } from "./js-commander";

export function recogniseYargs(f: JsFile): FlagDecl[] {
  if (!f.text.includes("option")) return [];
  const t = f.t;
  const out: FlagDecl[] = [];
  const add = (nameTok: number, objOpen: number, start: number) => {
    const name = t.type[nameTok] === STRING ? f.str(nameTok)! : t.text_(nameTok);
    if (!/^[A-Za-z][\w-]*$/.test(name)) return;
    const props = f.objectProps(objOpen);
    const type = props.get("type");
    const typeText = type ? f.str(type[0]) ?? "" : "";
    const d = props.get("default");
    const isBool = typeText === "boolean" || props.has("boolean");
    let def: DefaultValue = d ? f.defaultOf(d[0], d[1]) : { state: isBool ? "off" : "unknown", text: "(not given)" };
    if (!d && !isBool) def = { state: "off", text: "undefined (not given)" };
    const valueType: ValueType = isBool || /^(true|false)$/.test(def.text) ? "bool" : def.literalRange && (def.state === "on" || def.state === "off") && typeText === "string" ? "switch-string" : typeText === "number" ? "number" : "string";
    const helpRange = props.get("describe") ?? props.get("description") ?? props.get("desc");
    const dep = props.get("deprecated");
    const close = t.matching(objOpen);
    out.push({
      name, display: `--${name}`, source: "js-yargs",
      range: f.range(start, nameTok), nameRange: t.type[nameTok] === STRING ? f.innerRange(nameTok) : f.range(nameTok, nameTok),
      renameTo: experimentalName(name), mentions: [camel(name)],
      evidence: f.evidence(helpRange ? f.literalText(helpRange[0], helpRange[1]) : "", t.line[start], t.line[Math.min(close, t.n - 1)], name),
      valueType, default: def, deprecated: !!dep && !t.is(dep[0], "false"),
    });
  };
  for (let i = 1; i < t.n - 2; i++) {
    if (t.type[i] !== IDENT || !t.isPunct(i - 1, ".") || !t.isPunct(i + 1, "(")) continue;
    const m = t.text_(i);
    if (m === "option") {
      const args = t.args(i + 1);
      if (args.length === 2 && args[0][1] - args[0][0] === 1 && t.type[args[0][0]] === STRING && t.isPunct(args[1][0], "{")) add(args[0][0], args[1][0], i);
    } else if (m === "options") {
      const args = t.args(i + 1);
      if (args.length !== 1 || !t.isPunct(args[0][0], "{")) continue;
      for (const [s, e] of t.args(args[0][0])) {
        if ((t.type[s] === IDENT || t.type[s] === STRING) && t.isPunct(s + 1, ":") && t.isPunct(s + 2, "{") && e > s + 2) add(s, s + 2, s);
      }
    }
  }
  return out;
}
