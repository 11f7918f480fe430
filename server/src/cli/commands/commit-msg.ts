import { readFileSync } from "node:fs";
import { basename, resolve } from "node:path";
import { knownRuleIds, memoryWorkspace, type Problem } from "../../engine/index";
import { findRepoRoot } from "../../host/repo";
import { gatherHostFacts, workTreeRoot } from "../../host/git";
import { EXIT_FAILURE, EXIT_OK, EXIT_PROBLEMS } from "../errors";
import { colors, useColor, type CliIo } from "../io";
import { loadRepoConfig } from "../lint/config";
import type { CliEngine } from "../engine";
import type { CliCommand } from "./types";

const COMMIT_FILES = new Set(["COMMIT_EDITMSG", "MERGE_MSG", "SQUASH_MSG", "TAG_EDITMSG"]);

const AFTER = `
Checks a commit message file with the commit/* rules (sign-off, title, body) as git will
record it: comment lines and everything below the scissors line are ignored. Usable as a git
commit-msg hook (llm-d-contrib install-hook writes one). While a merge is in progress the
message is a merge commit's, which needs no sign-off.

Exit codes: 0 no error-level problems, 1 error-level problems, 2 the file cannot be read.`;

/** `llm-d-contrib commit-msg FILE`: returns the exit code. */
export async function runCommitMsg(file: string, opts: { color?: boolean }, io: CliIo, engine: CliEngine): Promise<number> {
  const abs = resolve(io.cwd, file);
  let text: string;
  try { text = readFileSync(abs, "utf8"); } catch (e) {
    io.stderr.write(`llm-d-contrib commit-msg: cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? String(e)}\n`);
    return EXIT_FAILURE;
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const root = (await workTreeRoot(io.cwd)) ?? findRepoRoot(io.cwd);
  const { config } = loadRepoConfig(root, knownRuleIds());
  const host = await gatherHostFacts(root);
  const name = basename(abs);
  const relPath = COMMIT_FILES.has(name) ? name : "COMMIT_EDITMSG";
  const problems = engine.lint({
    document: { relPath, kind: "commit-message", text, languageId: "git-commit" },
    workspace: memoryWorkspace({ [relPath]: text }, root), config, host,
  });
  io.stderr.write(format(file, problems, colors(useColor(io.stderr, io.env, opts.color))));
  return problems.some((p) => p.severity === "error") ? EXIT_PROBLEMS : EXIT_OK;
}

function format(file: string, problems: Problem[], c: ReturnType<typeof colors>): string {
  const paint = { error: c.red, warning: c.yellow, info: c.blue, hint: c.gray };
  let out = "";
  for (const p of problems) {
    out += `${file}:${p.range.start.line + 1}:${p.range.start.character + 1}  ${paint[p.severity](p.severity)}  ${p.message}  ${c.dim(p.ruleId)}\n`;
  }
  if (problems.some((p) => p.severity === "error")) {
    out += `\nThe commit was stopped by llm-d-contrib's commit-msg check. Fix the message (git commit -s adds the sign-off),\nor skip the check once with git commit --no-verify.\n`;
  }
  return out;
}

export const commitMsgCommand: CliCommand = {
  name: "commit-msg",
  register(program, ctx) {
    program.command("commit-msg")
      .description("check a commit message file (a git commit-msg hook)")
      .argument("<file>", "the commit message file, e.g. .git/COMMIT_EDITMSG")
      .option("--color", "colour the output even when not on a terminal")
      .option("--no-color", "never colour the output")
      .addHelpText("after", AFTER)
      .action(async (file: string, opts: { color?: boolean }) => { ctx.exitCode = await runCommitMsg(file, opts, ctx.io, ctx.engine); });
  },
};
