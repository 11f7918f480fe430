/**
 * Python environment switches with a default: `os.environ.get("X", "0")`, `os.getenv("X", "false")`.
 * Without a default the variable is off when unset. The name must be an UPPER_CASE literal.
 */
import { TOKEN } from "../lex/tokens";
const { IDENT } = TOKEN;
import type { PyFile } from "../py/context";
import type { FlagDecl } from "../model";
import { experimentalName } from "../evidence";

export function recognisePythonEnv(f: PyFile): FlagDecl[] {
  if (!f.text.includes("environ") && !f.text.includes("getenv")) return [];
  const t = f.t;
  const out: FlagDecl[] = [];
  const seen = new Set<string>();
  for (let i = 2; i < t.n - 1; i++) {
    if (t.type[i] !== IDENT || !t.isPunct(i + 1, "(")) continue;
    const getenv = t.is(i, "getenv") && t.isPunct(i - 1, ".") && t.is(i - 2, "os");
    const get = t.is(i, "get") && t.isPunct(i - 1, ".") && t.is(i - 2, "environ");
    if (!getenv && !get) continue;
    const { positional, close } = f.callArgs(i + 1);
    if (positional.length < 1 || positional.length > 2) continue;
    const nameTok = positional[0][0];
    const name = f.str(nameTok);
    if (!name || !/^[A-Z][A-Z0-9_]*$/.test(name) || seen.has(name)) continue;
    seen.add(name);
    const def = positional.length === 2 ? f.defaultOf(positional[1][0], positional[1][1]) : { state: "off" as const, text: "None (unset)" };
    let start = i;
    while (start >= 2 && t.isPunct(start - 1, ".") && t.type[start - 2] === IDENT) start -= 2;
    out.push({
      name, display: `env ${name}`, source: "python-env",
      range: f.range(start, nameTok), nameRange: f.innerRange(nameTok), renameTo: experimentalName(name),
      mentions: [], evidence: f.evidence("", t.line[start], t.line[Math.min(close, t.n - 1)], name),
      valueType: def.state === "on" || def.state === "off" ? "switch-string" : "unknown", default: def,
    });
  }
  return out;
}
