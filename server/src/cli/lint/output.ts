/** Turns a LintReport into output and an exit code, per LintOptions. */
import type { RuleMeta } from "../../engine/index";
import { EXIT_FAILURE, EXIT_OK, EXIT_PROBLEMS } from "../errors";
import { colors, useColor, type CliIo } from "../io";
import { formatJson } from "../format/json";
import { formatSarif } from "../format/sarif";
import { formatText } from "../format/text";
import { countProblems } from "./counts";
import type { FileProblems, LintOptions, LintReport } from "./types";

export function writeReport(report: LintReport, options: LintOptions, io: CliIo, rules: readonly RuleMeta[]): number {
  // With --stdin --fix the fixed text owns stdout (for editors and pipes); the problems go to stderr.
  const fixedTextOut = options.stdin && options.fix;
  const problemsOut = fixedTextOut ? io.stderr : io.stdout;
  const all = report.results;
  const shown: FileProblems[] = options.quiet
    ? all.map((r) => ({ relPath: r.relPath, problems: r.problems.filter((p) => p.severity === "error") })).filter((r) => r.problems.length > 0)
    : all;

  if (fixedTextOut) io.stdout.write(report.stdinOutput ?? "");
  if (options.format === "json") problemsOut.write(formatJson(shown));
  else if (options.format === "sarif") problemsOut.write(formatSarif(shown, report.root, rules));
  else if (!((options.quiet || fixedTextOut) && shown.length === 0)) {
    problemsOut.write(formatText(report, shown, { cwd: io.cwd, colors: colors(useColor(problemsOut, io.env, options.color)) }));
  }

  const err = colors(useColor(io.stderr, io.env, options.color));
  if (report.fixed.length > 0 && !fixedTextOut) {
    const total = report.fixed.reduce((n, f) => n + f.fixes, 0);
    io.stderr.write(`fixed ${total} problem${total === 1 ? "" : "s"} in ${report.fixed.length} file${report.fixed.length === 1 ? "" : "s"}:\n`);
    for (const f of report.fixed) io.stderr.write(`  ${f.relPath} (${f.fixes})\n`);
  }
  for (const f of report.writeFailures) io.stderr.write(err.red(`llm-d-contrib: could not write the fixes to ${f.relPath}: ${f.message}\n`));

  const n = countProblems(all);
  let code = n.error > 0 ? EXIT_PROBLEMS : EXIT_OK;
  if (options.maxWarnings !== undefined && n.warning > options.maxWarnings) {
    io.stderr.write(`llm-d-contrib: ${n.warning} warnings, more than --max-warnings ${options.maxWarnings}\n`);
    code = EXIT_PROBLEMS;
  }
  if (report.writeFailures.length > 0) code = EXIT_FAILURE;
  return code;
}
