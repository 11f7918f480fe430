import { safeFixOf } from "./fix";
import type { FileProblems } from "./types";

/** Counts by severity over a report's problems. */
export function countProblems(results: readonly FileProblems[]): { error: number; warning: number; info: number; hint: number; fixable: number } {
  const c = { error: 0, warning: 0, info: 0, hint: 0, fixable: 0 };
  for (const r of results) for (const p of r.problems) {
    c[p.severity]++;
    if (safeFixOf(p)) c.fixable++;
  }
  return c;
}
