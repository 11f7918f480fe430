import type { Range } from "../../../types";
import type { PyFile } from "../py/context";

/**
 * The long option among a call's leading string arguments ("-f", "--foo"): its name without
 * dashes, its token and the range of the name inside the literal. click's "--foo/--no-foo" gives "foo".
 */
export function optionNames(f: PyFile, positional: [number, number][]): { name: string; tok: number; range: Range; negatable: boolean } | undefined {
  let best: { name: string; tok: number; range: Range; negatable: boolean } | undefined;
  for (const [s, e] of positional) {
    if (e - f.t.significant(s, e) !== 1 && f.t.lastSignificant(s, e) !== f.t.significant(s, e)) continue;
    const tok = f.t.significant(s, e);
    const v = f.str(tok);
    if (v === undefined) continue;
    const m = /^(--?)([A-Za-z0-9][\w-]*)(?:\/--?[\w-]+)?$/.exec(v.trim());
    if (!m) continue;
    const inner = f.innerRange(tok);
    const offset = v.indexOf(m[2]);
    const range = { start: { line: inner.start.line, character: inner.start.character + offset }, end: { line: inner.start.line, character: inner.start.character + offset + m[2].length } };
    if (!best || (m[1] === "--" && (best.name.length < m[2].length || !best))) best = { name: m[2], tok, range, negatable: v.includes("/") };
  }
  return best;
}
