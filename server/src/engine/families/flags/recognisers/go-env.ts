/**
 * Go environment switches: `os.Getenv("X")` / `os.LookupEnv("X")` (unset means off), and helpers
 * that take a default, such as `env.GetEnvBool("X", false, log)` or `getEnvOrDefault("X", "true")`:
 * a callee whose name says Env and Bool/Default/Or. The variable name must resolve to an
 * UPPER_CASE string (a literal or a constant), so a helper's own parameter is never a declaration.
 */
import { TOKEN } from "../lex/tokens";
const { IDENT, STRING, PUNCT } = TOKEN;
import type { GoFile } from "../go/context";
import type { DefaultValue, FlagDecl, ValueType } from "../model";
import { experimentalName } from "../evidence";
import { resolveGoIdent } from "../go/package";

const HELPER = /env/i;
const WITH_DEFAULT = /bool|default|or$|orelse|fallback/i;

/** Whether text[from, to) contains "env" in any case (Getenv, LookupEnv, getEnvBool, ENV_OR). */
export function hasEnv(text: string, from: number, to: number): boolean {
  for (let k = from; k + 2 < to; k++) {
    if ((text.charCodeAt(k) | 32) === 101 && (text.charCodeAt(k + 1) | 32) === 110 && (text.charCodeAt(k + 2) | 32) === 118) return true;
  }
  return false;
}

/** Whether a callee reads an environment switch (os.Getenv, os.LookupEnv, or a helper with a default). */
export function isEnvCallee(callee: string): boolean {
  return callee === "Getenv" || callee === "LookupEnv" || (HELPER.test(callee) && WITH_DEFAULT.test(callee));
}

export function recogniseGoEnv(f: GoFile): FlagDecl[] {
  if (!/env/i.test(f.text)) return [];
  const t = f.t;
  const out: FlagDecl[] = [];
  const seen = new Set<string>();
  const { type: kinds, start: starts, end: ends, text: src } = t;
  for (let i = 0; i < t.n - 1; i++) {
    if (kinds[i] !== IDENT || kinds[i + 1] !== PUNCT || src.charCodeAt(starts[i + 1]) !== 40 /* ( */) continue;
    // Every callee this reads has "env" in its name, in some case: skip the rest without slicing.
    if (!hasEnv(src, starts[i], ends[i])) continue;
    const callee = t.text_(i);
    const plain = (callee === "Getenv" || callee === "LookupEnv") && t.isPunct(i - 1, ".") && t.is(i - 2, "os");
    if (!plain && !(HELPER.test(callee) && WITH_DEFAULT.test(callee))) continue;
    const close = t.matching(i + 1);
    const args = t.args(i + 1, close);
    if (plain ? args.length !== 1 : args.length < 2) continue;
    const [s, e] = args[0];
    if (e - s !== 1) continue;
    const literal = t.type[s] === STRING;
    const name = f.stringOf(s, e) ?? (t.type[s] === IDENT ? resolveGoIdent(f, t.text_(s))?.value : undefined);
    if (!name || !/^[A-Z][A-Z0-9_]*$/.test(name) || seen.has(name)) continue;
    seen.add(name);
    let def: DefaultValue;
    let valueType: ValueType = "unknown";
    if (plain) def = { state: "off", text: "(unset)" };
    else {
      def = f.defaultOf(args[1][0], args[1][1]);
      if (/bool/i.test(callee) || def.state === "on" || def.state === "off") valueType = "bool";
    }
    let start = i;
    while (start >= 2 && t.isPunct(start - 1, ".") && t.type[start - 2] === IDENT) start -= 2;
    const c = t.type[s] === IDENT ? f.consts.get(t.text_(s)) : undefined;
    const evidence = f.evidence("", t.line[start], t.line[Math.min(close, t.n - 1)], name);
    if (c) evidence.push(...f.evidence("", c.line, c.line, name).filter((x) => x.kind !== "help").map((x) => ({ ...x, where: `the comment of ${c.name}` })));
    out.push({
      name, display: `env ${name}`, source: "go-env",
      range: f.range(start, s),
      nameRange: literal ? f.innerRange(s) : c && c.valueEnd - c.valueStart === 1 ? f.innerRange(c.valueStart) : undefined,
      renameTo: experimentalName(name), mentions: c ? [c.name] : [], evidence, valueType, default: def,
    });
  }
  return out;
}
