import { RE2JS } from "re2js";
import type { Finding, Fix, Rule } from "../../../types";
import type { OwnersDoc } from "../parse";
import { code, replace } from "../util";

/** Compile results by pattern (Go RE2 syntax; compiled, never executed). */
const verdicts = new Map<string, string | undefined>();

/** Why a pattern is not a valid Go regexp, or undefined when it is one. */
export function re2Error(pattern: string): string | undefined {
  if (verdicts.has(pattern)) return verdicts.get(pattern);
  let error: string | undefined;
  try { RE2JS.compile(pattern); } catch (e) {
    error = (e instanceof Error ? e.message : String(e)).replace(/^error parsing regexp: /, "");
  }
  if (verdicts.size > 500) verdicts.clear();
  verdicts.set(pattern, error);
  return error;
}

/** A glob written as a regexp (`*_test.go`, `*e2e*`): drop the stars at the ends (filters match anywhere). */
function fromGlob(pattern: string): string | undefined {
  if (!/^\*|\*$/.test(pattern)) return undefined;
  const inner = pattern.replace(/^\*+/, "").replace(/\*+(\$?)$/, "$1").replace(/(?<!\.)\*/g, ".*");
  return inner && !re2Error(inner) ? inner : undefined;
}

function requote(p: OwnersDoc, keyStart: number, keyEnd: number, value: string): string {
  const q = p.text[keyStart];
  if (q === "'") return `'${value.replace(/'/g, "''")}'`;
  return JSON.stringify(value);
}

export const invalidRegex: Rule<OwnersDoc> = {
  id: "owners/invalid-regex",
  description: "A filter key that is not a valid Go (RE2) regular expression: Prow skips that filter.",
  defaultSeverity: "error",
  fixable: true,
  check(p) {
    if (p.unreadable || p.kind !== "owners") return [];
    const out: Finding[] = [];
    for (const f of p.filterEntries) {
      if (f.name === ".*" || !f.keyNode) continue;
      const error = re2Error(f.name);
      if (!error) continue;
      const glob = fromGlob(f.name);
      const fixes: Fix[] = [];
      if (glob !== undefined) {
        const s = p.lines.offsetAt(f.keyRange.start), e = p.lines.offsetAt(f.keyRange.end);
        fixes.push({ title: `Use the regexp ${glob}`, edits: [replace(p.lines, s, e, requote(p, s, e, glob))], isPreferred: true });
      }
      const hint = glob !== undefined ? `; it looks like a glob, but filters are regexps matched anywhere in the path, so write ${code(glob)}`
        : /\(\?<?[=!]/.test(f.name) ? "; Go regexps (RE2) have no lookahead or lookbehind"
        : /\\[1-9]/.test(f.name) ? "; Go regexps (RE2) have no backreferences" : "";
      out.push({ range: f.keyRange, message: `${code(f.name)} is not a valid Go regular expression (${error}), so Prow skips this filter and its lists never apply${hint}`, fixes });
    }
    return out;
  },
};
