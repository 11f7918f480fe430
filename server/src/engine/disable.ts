import type { FileKind, Problem } from "./types";

export const DISABLE_MARKER = "llm-d-contrib-disable";

/** Comment openers per kind: a directive counts only inside a comment of the file's language. */
const OPENERS: Record<FileKind, string> = {
  "owners": "#", "owners-aliases": "#", "yaml": "#", "python": "#", "commit-message": "#",
  "go": "\\/\\/|\\/\\*", "javascript": "\\/\\/|\\/\\*", "typescript": "\\/\\/|\\/\\*",
  "proposal": "<!--",
};
const patterns = new Map<FileKind, RegExp>();
function patternFor(kind: FileKind): RegExp {
  let p = patterns.get(kind);
  if (!p) {
    p = new RegExp(`(?:${OPENERS[kind]})\\s*${DISABLE_MARKER}(-next-line|-line|-file)?(?=\\s|$|-->|\\*/)([^\\n]*)`, "g");
    patterns.set(kind, p);
  }
  return p;
}

interface Directive { scope: "next-line" | "line" | "file"; line: number; rules: Set<string> | "all" }

/** Reads every disable directive of a document. */
export function findDirectives(text: string, kind: FileKind): Directive[] {
  if (!text.includes(DISABLE_MARKER)) return [];
  const out: Directive[] = [];
  const re = patternFor(kind);
  re.lastIndex = 0;
  let line = 0, counted = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    for (let i = text.indexOf("\n", counted); i !== -1 && i < m.index; i = text.indexOf("\n", i + 1)) { line++; counted = i + 1; }
    const ids = m[2].replace(/-->|\*\//g, " ").split(/[\s,]+/).filter((s) => /^[a-z]+\/[a-z0-9-]+$/.test(s));
    const scope = m[1] === "-next-line" ? "next-line" : m[1] === "-line" ? "line" : "file";
    out.push({ scope, line, rules: ids.length > 0 ? new Set(ids) : "all" });
  }
  return out;
}

/** Drops the problems a directive in the document switches off. */
export function applyDirectives(problems: Problem[], text: string, kind: FileKind): Problem[] {
  // Most files have nothing to switch off: spare them the search of their whole text.
  if (problems.length === 0) return problems;
  const directives = findDirectives(text, kind);
  if (directives.length === 0) return problems;
  const matches = (d: Directive, id: string) => d.rules === "all" || d.rules.has(id);
  return problems.filter((p) => !directives.some((d) => matches(d, p.ruleId) && (
    d.scope === "file" ||
    (d.scope === "line" && p.range.start.line === d.line) ||
    (d.scope === "next-line" && p.range.start.line === d.line + 1))));
}
