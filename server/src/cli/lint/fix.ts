/**
 * `--fix`: applies the fixes rules mark `safe`, pass after pass until nothing changes, and
 * writes files atomically (temporary file beside the target, then rename).
 */
import { chmodSync, realpathSync, renameSync, statSync, unlinkSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { applyEdits, LineIndex, type Fix, type Problem, type TextEdit } from "../../engine/index";

/** A fix that keeps bouncing (one rule undoing another) stops here. */
export const MAX_FIX_PASSES = 10;

/**
 * The fix --fix may apply for a problem: safe, touching this document only (fixes that rename
 * the file or edit other files need a human), the preferred one first.
 */
export function safeFixOf(problem: Problem): Fix | undefined {
  const usable = (problem.fixes ?? []).filter((f) => f.safe && !f.renameTo && !(f.otherFiles?.some((o) => o.edits.length > 0)) && !f.resolveOtherFiles && f.edits.length > 0);
  return usable.find((f) => f.isPreferred) ?? usable[0];
}

/**
 * One pass: the safe fixes of `problems` whose edits do not collide with a fix taken before
 * them (a whole fix is taken or left, never half of it), applied together.
 */
export function applySafeFixes(text: string, problems: readonly Problem[]): { text: string; applied: number } {
  const index = new LineIndex(text);
  const taken: [number, number][] = [];
  const edits: TextEdit[] = [];
  let applied = 0;
  for (const p of problems) {
    const fix = safeFixOf(p);
    if (!fix) continue;
    const spans = fix.edits.map((e) => [index.offsetAt(e.range.start), index.offsetAt(e.range.end)] as [number, number]);
    const collides = spans.some(([s, e]) => taken.some(([ts, te]) => s === ts || (s < te && ts < e)));
    if (collides) continue;
    taken.push(...spans);
    edits.push(...fix.edits);
    applied++;
  }
  if (applied === 0) return { text, applied: 0 };
  return { text: applyEdits(text, edits), applied };
}

/**
 * Fixes a text until it is stable: lint, apply the safe fixes, lint again... Returns the final
 * text, the problems that remain in it, and how many fixes went in.
 */
export function fixUntilStable(text: string, problems: Problem[], lint: (text: string) => Problem[]): { text: string; problems: Problem[]; applied: number } {
  let applied = 0;
  for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
    const next = applySafeFixes(text, problems);
    if (next.applied === 0 || next.text === text) break;
    text = next.text;
    applied += next.applied;
    problems = lint(text);
  }
  return { text, problems, applied };
}

let tmpCounter = 0;

/**
 * Replaces a file's content atomically: a reader sees the old bytes or the new ones, never a
 * half-written file. A symbolic link is followed (the link stays a link); the mode is kept.
 */
export function writeFileAtomic(abs: string, data: string | Uint8Array): void {
  const target = realpathSync(abs);
  const mode = statSync(target).mode & 0o7777;
  const tmp = join(dirname(target), `.${basename(target)}.${process.pid}-${++tmpCounter}.llm-d-contrib.tmp`);
  try {
    writeFileSync(tmp, data, { flag: "wx", mode });
    chmodSync(tmp, mode);
    renameSync(tmp, target);
  } catch (e) {
    try { unlinkSync(tmp); } catch { /* it was never created */ }
    throw e;
  }
}
