import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { basename, dirname, isAbsolute, join, resolve } from "node:path";
import { runGit, workTreeRoot } from "../../host/git";
import { EXIT_FAILURE, EXIT_OK, EXIT_PROBLEMS } from "../errors";
import type { CliIo } from "../io";
import type { CliCommand } from "./types";

export const HOOK_MARKER = "# llm-d-contrib commit-msg hook";

const AFTER = `
Writes the repository's commit-msg hook (in core.hooksPath when set, else .git/hooks) so that
every commit message is checked by llm-d-contrib commit-msg. Running it again updates a hook it
wrote. A commit-msg hook written by anything else is never overwritten: add the line
  llm-d-contrib commit-msg "$1" || exit 1
to it yourself.

Exit codes: 0 installed (or already up to date), 1 a foreign hook is in the way, 2 not a repository.`;

const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

/** The hook script: llm-d-contrib from PATH, else the CLI that installed it. */
export function hookScript(cliPath: string | undefined, nodePath = process.execPath): string {
  const fallback = cliPath
    ? `exec ${quote(nodePath)} ${quote(cliPath)} commit-msg "$1"`
    : `echo "llm-d-contrib is not on PATH; the commit message was not checked" >&2\nexit 0`;
  return `#!/bin/sh
${HOOK_MARKER}: checks the sign-off, title and body of each commit message.
# Written by \`llm-d-contrib install-hook\`; delete this file to stop the check.
if command -v llm-d-contrib >/dev/null 2>&1; then
  exec llm-d-contrib commit-msg "$1"
fi
${fallback}
`;
}

/** The CLI script this process runs, when it is ours (bin/llm-d-contrib.js or dist/cli.js). */
export function currentCliPath(argv1 = process.argv[1]): string | undefined {
  if (!argv1) return undefined;
  return /^(llm-d-contrib(\.js)?|cli\.js)$/.test(basename(argv1)) ? resolve(argv1) : undefined;
}

/** `llm-d-contrib install-hook`: returns the exit code. */
export async function runInstallHook(io: CliIo, cliPath = currentCliPath()): Promise<number> {
  const root = await workTreeRoot(io.cwd);
  if (!root) { io.stderr.write(`llm-d-contrib install-hook: ${io.cwd} is not inside a git work tree\n`); return EXIT_FAILURE; }
  const r = await runGit(root, ["rev-parse", "--git-path", "hooks"]);
  if (r.code !== 0) { io.stderr.write(`llm-d-contrib install-hook: cannot find the hooks folder: ${r.stderr.trim()}\n`); return EXIT_FAILURE; }
  const hooks = isAbsolute(r.stdout.trim()) ? r.stdout.trim() : join(root, r.stdout.trim());
  const path = join(hooks, "commit-msg");
  const script = hookScript(cliPath);
  if (existsSync(path)) {
    let current = "";
    try { current = readFileSync(path, "utf8"); } catch { /* unreadable: treat as foreign */ }
    if (!current.includes(HOOK_MARKER)) {
      io.stderr.write(`llm-d-contrib install-hook: ${path} already exists and was not written by llm-d-contrib; it was left as it is.\n`
        + `To check commit messages as well, add this line to it:\n  llm-d-contrib commit-msg "$1" || exit 1\n`);
      return EXIT_PROBLEMS;
    }
    if (current === script) { io.stdout.write(`The commit-msg hook at ${path} is up to date.\n`); return EXIT_OK; }
  }
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.llm-d-contrib-${process.pid}.tmp`;
  writeFileSync(tmp, script, { mode: 0o755 });
  chmodSync(tmp, 0o755);
  renameSync(tmp, path);
  io.stdout.write(`Installed the commit-msg hook at ${path}: each commit message is now checked by llm-d-contrib commit-msg.\n`);
  return EXIT_OK;
}

export const installHookCommand: CliCommand = {
  name: "install-hook",
  register(program, ctx) {
    program.command("install-hook")
      .description("install a git commit-msg hook that runs llm-d-contrib commit-msg")
      .addHelpText("after", AFTER)
      .action(async () => { ctx.exitCode = await runInstallHook(ctx.io); });
  },
};
