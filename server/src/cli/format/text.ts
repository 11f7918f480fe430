/**
 * `--format text`: one line per problem, `path:line:col  severity  message  rule-id`, with the
 * path relative to the working folder so terminals and editors can jump to it, then a summary.
 */
import { join, relative, sep } from "node:path";
import type { Severity } from "../../engine/index";
import type { Colors } from "../io";
import { countProblems } from "../lint/counts";
import type { FileProblems, LintReport } from "../lint/types";

export interface TextOptions { cwd: string; colors: Colors }

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

export function displayPath(root: string, relPath: string, cwd: string): string {
  const rel = relative(cwd, join(root, relPath));
  return (rel === "" ? relPath : rel).split(sep).join("/");
}

export function formatText(report: LintReport, results: readonly FileProblems[], opts: TextOptions): string {
  const c = opts.colors;
  const paint: Record<Severity, (s: string) => string> = { error: c.red, warning: c.yellow, info: c.blue, hint: c.gray };
  const rows: [string, Severity, string, string][] = [];
  for (const r of results) {
    const path = displayPath(report.root, r.relPath, opts.cwd);
    for (const p of r.problems) {
      rows.push([`${path}:${p.range.start.line + 1}:${p.range.start.character + 1}`, p.severity, p.message.replace(/\s*\n\s*/g, " "), p.ruleId]);
    }
  }
  const locWidth = Math.max(0, ...rows.map((r) => r[0].length));
  const sevWidth = Math.max(0, ...rows.map((r) => r[1].length));
  let out = "";
  for (const [loc, sev, msg, id] of rows) {
    out += `${loc.padEnd(locWidth)}  ${paint[sev](sev.padEnd(sevWidth))}  ${msg}  ${c.dim(id)}\n`;
  }
  const n = countProblems(results);
  const total = n.error + n.warning + n.info + n.hint;
  const files = plural(report.checked, "file");
  if (total === 0) {
    return out + c.green(`✔ ${files} checked, no problems`) + "\n";
  }
  const parts = [plural(n.error, "error"), plural(n.warning, "warning")];
  if (n.info > 0) parts.push(`${n.info} info`);
  if (n.hint > 0) parts.push(plural(n.hint, "hint"));
  const mark = n.error > 0 ? c.red("✖") : c.yellow("⚠");
  out += `\n${mark} ${plural(total, "problem")} (${parts.join(", ")}) in ${plural(results.length, "file")}; ${files} checked\n`;
  if (n.fixable > 0) out += `  ${n.fixable} of them can be fixed with --fix\n`;
  return out;
}
