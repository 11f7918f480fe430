/**
 * urfave/cli flag structs: `&cli.BoolFlag{Name: "x", Value: true, Usage: "..."}` (v2 and v3).
 * The default is `Value:` (absent means the zero value, off); `Usage:` and `Category:` are help text.
 */
import { TOKEN } from "../lex/tokens";
const { IDENT } = TOKEN;
import type { GoFile } from "../go/context";
import type { FlagDecl, ValueType, DefaultValue } from "../model";
import { experimentalName } from "../evidence";

const TYPES: Record<string, ValueType> = {
  BoolFlag: "bool", StringFlag: "string", IntFlag: "number", Int64Flag: "number", UintFlag: "number", Uint64Flag: "number",
  Float64Flag: "number", DurationFlag: "duration", StringSliceFlag: "list", IntSliceFlag: "list", Int64SliceFlag: "list",
  Float64SliceFlag: "list", TimestampFlag: "string", PathFlag: "string", GenericFlag: "unknown", BoolWithInverseFlag: "bool",
};

export function recogniseGoUrfave(f: GoFile): FlagDecl[] {
  if (!f.text.includes("Flag{")) return [];
  const t = f.t;
  const out: FlagDecl[] = [];
  for (let i = 2; i < t.n - 1; i++) {
    if (t.type[i] !== IDENT || !t.isPunct(i + 1, "{") || !t.isPunct(i - 1, ".")) continue;
    const type = TYPES[t.text_(i)];
    if (!type) continue;
    const close = t.matching(i + 1);
    const fields = new Map<string, [number, number]>();
    for (const [s, e] of t.args(i + 1, close)) {
      if (t.type[s] === IDENT && t.isPunct(s + 1, ":")) fields.set(t.text_(s), [s + 2, e]);
    }
    const nameArg = fields.get("Name");
    if (!nameArg) continue;
    const name = f.stringOf(nameArg[0], nameArg[1]);
    if (name === undefined) continue;
    const help = ["Usage", "Category"].map((k) => fields.get(k)).filter((x): x is [number, number] => !!x).map(([s, e]) => f.literalText(s, e)).join(" ");
    const v = fields.get("Value");
    const def: DefaultValue = v ? f.defaultOf(v[0], v[1]) : { state: type === "bool" ? "off" : "unknown", text: "(zero value)" };
    const start = t.isPunct(i - 3, "&") ? i - 3 : i - 2;
    const literalName = nameArg[1] - nameArg[0] === 1 && t.text.charCodeAt(t.start[nameArg[0]]) === 34;
    out.push({
      name, display: `--${name}`, source: "go-urfave-cli",
      range: f.range(start, nameArg[1] - 1),
      nameRange: literalName ? f.innerRange(nameArg[0]) : undefined,
      renameTo: experimentalName(name),
      mentions: [], evidence: f.evidence(help, t.line[start], t.line[Math.min(close, t.n - 1)], name),
      valueType: type === "string" && (def.state === "on" || def.state === "off") && def.literalRange ? "switch-string" : type,
      default: def,
    });
    i = close;
  }
  return out;
}
