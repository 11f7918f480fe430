/**
 * commander: `.option("-x, --name <value>", "description", default)` (also `.requiredOption`) and
 * `new Option("--name", "description").default(value)`. A flag without `<value>`/`[value]` is a
 * boolean switch, off unless a default is given; `--no-name` declares `name` on by default.
 */
import type { JsFile } from "../js/context";
import { TOKEN } from "../lex/tokens";
const { IDENT, STRING } = TOKEN;
import type { DefaultValue, FlagDecl, ValueType } from "../model";
import { experimentalName } from "../evidence";

const FLAGS = /(?:^|[\s,|])--([A-Za-z0-9][\w-]*)/;

export function recogniseCommander(f: JsFile): FlagDecl[] {
  if (!f.text.includes("option") && !f.text.includes("Option")) return [];
  const t = f.t;
  const out: FlagDecl[] = [];
  for (let i = 1; i < t.n - 2; i++) {
    if (t.type[i] !== IDENT || !t.isPunct(i + 1, "(")) continue;
    const method = t.text_(i);
    const isMethod = (method === "option" || method === "requiredOption") && t.isPunct(i - 1, ".");
    const isCtor = method === "Option" && t.is(i - 1, "new");
    if (!isMethod && !isCtor) continue;
    const close = t.matching(i + 1);
    const args = t.args(i + 1, close);
    if (args.length < 1 || args[0][1] - args[0][0] !== 1 || t.type[args[0][0]] !== STRING) continue;
    if (args.length >= 2 && t.isPunct(args[1][0], "{")) continue; // yargs
    const flags = f.str(args[0][0])!;
    const m = FLAGS.exec(flags);
    if (!m) continue;
    const negated = m[1].startsWith("no-");
    const name = negated ? m[1].slice(3) : m[1];
    const takesValue = /[<[]/.test(flags);
    let def: DefaultValue = negated ? { state: "on", text: `--no-${name} declares it true` } : takesValue ? { state: "off", text: "undefined (not given)" } : { state: "off", text: "false (not given)" };
    let defRange: [number, number] | undefined = args.length >= 3 ? args[2] : undefined;
    let endTok = close;
    if (isCtor) {
      // new Option(...).default(v)
      let j = close + 1;
      while (t.isPunct(j, ".") && t.type[j + 1] === IDENT && t.isPunct(j + 2, "(")) {
        const c = t.matching(j + 2);
        if (t.is(j + 1, "default")) { const a = t.args(j + 2, c); if (a.length >= 1) defRange = a[0]; }
        endTok = c;
        j = c + 1;
      }
    }
    if (defRange) def = f.defaultOf(defRange[0], defRange[1]);
    const valueType: ValueType = !takesValue ? "bool" : def.literalRange && (def.state === "on" || def.state === "off") && /^["'`]/.test(def.text) ? "switch-string" : "string";
    const help = args.length >= 2 ? f.literalText(args[1][0], args[1][1]) : "";
    const start = isMethod ? i : i - 1;
    const inner = f.innerRange(args[0][0]);
    const at = flags.indexOf(`--${m[1]}`) + 2 + (negated ? 3 : 0);
    out.push({
      name, display: `--${name}`, source: "js-commander",
      range: f.range(start, args[0][0]),
      nameRange: inner.start.line === inner.end.line ? { start: { line: inner.start.line, character: inner.start.character + at }, end: { line: inner.start.line, character: inner.start.character + at + name.length } } : undefined,
      renameTo: experimentalName(name), mentions: [camel(name)],
      evidence: f.evidence(help, t.line[start], t.line[Math.min(endTok, t.n - 1)], name), valueType, default: def,
    });
  }
  return out;
}

export function camel(name: string): string {
  return name.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}
