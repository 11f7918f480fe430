import type { Finding, Fix, Rule, TextEdit } from "../../../types";
import type { OwnersDoc } from "../parse";
import { decode, topLevelConfigLists } from "../decode";
import { pairLines } from "../fixes";
import { deleteLines, eol, indentOf, insertAt } from "../util";

/** Moves the top-level lists into a new `".*"` filter (what the author meant by listing both). */
function moveIntoCatchAll(p: OwnersDoc): Fix | undefined {
  const f = p.filters!;
  if (p.filterEntries.some((e) => e.name === ".*") || p.filterEntries.length === 0) return undefined;
  const [fFirst] = pairLines(p, f);
  const firstChild = p.filterEntries[0].keyRange.start.line;
  if (firstChild === fFirst) return undefined; // flow style: not ours to rewrite
  const childIndent = indentOf(p.lines, firstChild);
  const nl = eol(p.text);
  const moved: string[] = [];
  const edits: TextEdit[] = [];
  for (const e of topLevelConfigLists(p)) {
    const [first, last] = pairLines(p, e);
    for (let l = first; l <= last; l++) moved.push(`${childIndent}  ${p.lines.lineText(l)}`);
    edits.push(deleteLines(p.lines, first, last));
  }
  const at = p.lines.lineStart(firstChild);
  edits.push(insertAt(p.lines, at, `${childIndent}".*":${nl}${moved.join(nl)}${nl}`));
  return { title: 'Move the top-level lists into a ".*" filter', edits, isPreferred: true };
}

export const filtersIgnored: Rule<OwnersDoc> = {
  id: "owners/filters-ignored",
  description: "Top-level approvers/reviewers/labels beside `filters`: Prow then ignores the whole filters block.",
  defaultSeverity: "error",
  fixable: true,
  check(p) {
    if (p.unreadable || p.kind !== "owners" || !p.filters || p.filterEntries.length === 0) return [];
    const d = decode(p);
    if (d.mode !== "simple") return [];
    const tops = topLevelConfigLists(p).filter((e) => e.valueType === "seq");
    const names = tops.map((e) => `${e.name} (line ${e.keyRange.start.line + 1})`).join(", ");
    const fix = moveIntoCatchAll(p);
    const finding: Finding = {
      range: p.filters.keyRange,
      message: `Prow ignores this whole \`filters\` block because the file also has top-level ${names}; with filters, put every list under a filter (\`".*"\` matches all files)`,
      fixes: fix ? [fix] : [],
    };
    return [finding];
  },
};
