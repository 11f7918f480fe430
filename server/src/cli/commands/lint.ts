import { InvalidArgumentError, Option } from "commander";
import { lintRepository } from "../lint/run";
import { writeReport } from "../lint/output";
import { FORMATS, type Format, type LintOptions } from "../lint/types";
import type { CliCommand } from "./types";

function nonNegativeInteger(value: string): number {
  if (!/^\d+$/.test(value)) throw new InvalidArgumentError("expected a whole number, 0 or more");
  return Number(value);
}

const AFTER = `
Paths default to ".". A folder is walked with .gitignore and the configuration's ignore:
patterns applied; a file named explicitly is checked even when ignored. The repository root
is the nearest folder above the first path holding .git or .llm-d-contrib.yaml.

--fix applies only fixes marked safe that edit the file itself, pass after pass until the
file is stable, and writes atomically. With --stdin, --fix prints the fixed text on stdout
and the remaining problems on stderr; nothing is written to disk.

--format json prints an array of {file, ruleId, severity, message, range, fixes}; lines and
columns are 1-based (UTF-16 columns, end exclusive). --format sarif prints SARIF 2.1.0 for
GitHub code scanning.

Exit codes: 0 no error-level problems, 1 error-level problems (or more warnings than
--max-warnings), 2 bad usage or an internal failure.

Examples:
  llm-d-contrib lint
  llm-d-contrib lint docs/proposals OWNERS --format json
  git show HEAD:OWNERS | llm-d-contrib lint --stdin --stdin-filename OWNERS
  llm-d-contrib lint --format sarif > llm-d-contrib.sarif`;

export const lintCommand: CliCommand = {
  name: "lint",
  register(program, ctx) {
    program.command("lint")
      .description("check files against llm-d's contribution rules")
      .argument("[paths...]", "files and folders to check (default: .)")
      .addOption(new Option("-f, --format <format>", "output format").choices(FORMATS).default("text"))
      .option("--stdin", "check the text on standard input (needs --stdin-filename)")
      .option("--stdin-filename <path>", "path the standard input text stands for; decides its kind")
      .option("--fix", "apply the safe fixes in place")
      .option("--max-warnings <n>", "exit 1 when there are more than n warnings", nonNegativeInteger)
      .option("-q, --quiet", "report errors only")
      .option("--color", "colour the text output even when not on a terminal")
      .option("--no-color", "never colour the output")
      .addHelpText("after", AFTER)
      .action(async (paths: string[], opts: Record<string, unknown>) => {
        const options: LintOptions = {
          paths,
          format: opts.format as Format,
          stdin: opts.stdin === true,
          stdinFilename: opts.stdinFilename as string | undefined,
          fix: opts.fix === true,
          maxWarnings: opts.maxWarnings as number | undefined,
          quiet: opts.quiet === true,
          color: opts.color as boolean | undefined,
        };
        const report = await lintRepository(options, ctx.io, ctx.engine);
        ctx.exitCode = writeReport(report, options, ctx.io, ctx.engine.rules());
      });
  },
};
