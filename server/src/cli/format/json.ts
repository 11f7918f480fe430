/**
 * `--format json`: an array with one object per problem, in file then position order.
 *
 *   { "file": "OWNERS",                       repository-relative, forward slashes
 *     "ruleId": "owners/unknown-key",
 *     "severity": "error" | "warning" | "info" | "hint",
 *     "message": "...",
 *     "range": { "start": { "line": 3, "column": 1 }, "end": { "line": 3, "column": 9 } },
 *     "fixes": [ { "title": "...", "safe": true, "isPreferred": true,
 *                  "edits": [ { "range": {...}, "newText": "reviewers" } ],
 *                  "otherFiles"?: [ { "file": "...", "edits": [...] } ], "renameTo"?: "..." } ] }
 *
 * Lines and columns are 1-based; columns count UTF-16 code units (as LSP and SARIF do); `end`
 * is exclusive (the column just after the last character). `fixes` is always present.
 */
import type { Fix, Problem, Range, TextEdit } from "../../engine/index";
import type { FileProblems } from "../lint/types";

export interface JsonPosition { line: number; column: number }
export interface JsonRange { start: JsonPosition; end: JsonPosition }
export interface JsonEdit { range: JsonRange; newText: string }
export interface JsonFix {
  title: string;
  safe: boolean;
  isPreferred: boolean;
  edits: JsonEdit[];
  otherFiles?: { file: string; edits: JsonEdit[] }[];
  renameTo?: string;
}
export interface JsonProblem {
  file: string;
  ruleId: string;
  severity: Problem["severity"];
  message: string;
  range: JsonRange;
  fixes: JsonFix[];
}

export function oneBased(r: Range): JsonRange {
  return { start: { line: r.start.line + 1, column: r.start.character + 1 }, end: { line: r.end.line + 1, column: r.end.character + 1 } };
}

const edit = (e: TextEdit): JsonEdit => ({ range: oneBased(e.range), newText: e.newText });

function fix(f: Fix): JsonFix {
  const out: JsonFix = { title: f.title, safe: f.safe === true, isPreferred: f.isPreferred === true, edits: f.edits.map(edit) };
  if (f.otherFiles?.length) out.otherFiles = f.otherFiles.map((o) => ({ file: o.relPath, edits: o.edits.map(edit) }));
  if (f.renameTo !== undefined) out.renameTo = f.renameTo;
  return out;
}

export function toJsonProblems(results: readonly FileProblems[]): JsonProblem[] {
  const out: JsonProblem[] = [];
  for (const r of results) for (const p of r.problems) {
    out.push({ file: r.relPath, ruleId: p.ruleId, severity: p.severity, message: p.message, range: oneBased(p.range), fixes: (p.fixes ?? []).map(fix) });
  }
  return out;
}

export function formatJson(results: readonly FileProblems[]): string {
  return JSON.stringify(toJsonProblems(results), null, 2) + "\n";
}
