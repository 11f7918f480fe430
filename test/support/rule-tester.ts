/**
 * Runs one rule (or a whole family) on a document placed in an in-memory repository, the way
 * the server and CLI do, so unit tests can assert exact rule ids, ranges, messages and fixes.
 */
import { strict as assert } from "node:assert";
import {
  applyEdits, detectKind, lintDocument, memoryWorkspace, resolveConfig,
  type Fix, type HostFacts, type Problem, type RawConfig, type SourceDocument,
} from "../../server/src/engine/index";

export interface Case {
  /** Repository-relative path of the document under test. */
  path: string;
  text: string;
  /** Other files of the repository. */
  files?: Record<string, string>;
  config?: RawConfig;
  host?: HostFacts;
  languageId?: string;
}

export function lint(c: Case): Problem[] {
  const config = resolveConfig(c.config);
  const kind = detectKind(c.path, config, c.languageId);
  assert.ok(kind, `no file kind for ${c.path}`);
  const document: SourceDocument = { relPath: c.path, kind, text: c.text, languageId: c.languageId };
  const workspace = memoryWorkspace({ ...(c.files ?? {}), [c.path]: c.text });
  return lintDocument({ document, workspace, config, host: c.host, onRuleError: (id, e) => { throw new Error(`${id} threw: ${e instanceof Error ? e.stack : e}`); } });
}

/** The problems of one rule only. */
export function lintRule(ruleId: string, c: Case): Problem[] {
  return lint(c).filter((p) => p.ruleId === ruleId);
}

/** Compact, exact form for assertions: "ruleId L:C-L:C message" with one-based lines and columns. */
export function show(p: Problem): string {
  const r = p.range;
  return `${p.ruleId} ${r.start.line + 1}:${r.start.character + 1}-${r.end.line + 1}:${r.end.character + 1} ${p.message}`;
}

/** Applies a fix's edits to the document text. */
export function applyFix(text: string, fix: Fix): string {
  return applyEdits(text, fix.edits);
}

/**
 * Applies the first (or the named) fix of the first problem of `ruleId`, re-lints, and asserts
 * the finding is gone; returns the fixed text so the caller can assert nothing else changed.
 */
export function roundTrip(ruleId: string, c: Case, fixTitle?: string): string {
  const problem = lintRule(ruleId, c)[0];
  assert.ok(problem, `expected a ${ruleId} finding`);
  const fix = fixTitle ? problem.fixes?.find((f) => f.title === fixTitle) : problem.fixes?.[0];
  assert.ok(fix, `expected a fix on ${show(problem)}`);
  const fixed = applyFix(c.text, fix);
  const again = lintRule(ruleId, { ...c, text: fixed });
  assert.ok(!again.some((p) => p.range.start.line === problem.range.start.line && p.message === problem.message),
    `fix "${fix.title}" left the finding: ${again.map(show).join("; ")}`);
  return fixed;
}
