import { Option } from "commander";
import { APP_NAMES, checkBranch, fixCommand, remediationCommitText, title, type CommitVerdict, type DcoApp } from "../../host/dco";
import { gatherHostFacts, workTreeRoot } from "../../host/git";
import { EXIT_FAILURE, EXIT_OK, EXIT_PROBLEMS } from "../errors";
import { colors, useColor, type CliIo } from "../io";
import type { CliCommand } from "./types";

const AFTER = `
Checks every commit of BASE..HEAD the way the pull request's DCO check will: the DCO App's
and CNCF DCO2's sign-off regex, their identity rules (DCO2: name and email both match the
author, or both the committer; the DCO App: each among the author's and committer's), their
email checks, and .github/dco.yml (remediation commits). Merge commits are skipped, as both
apps skip them; so are commits by GitHub App bots ([bot]@users.noreply.github.com).

The base defaults to the merge-base with the branch's upstream (when it tracks another
branch, e.g. origin/main), else with the default branch (upstream/HEAD, origin/HEAD, main).

--app both (the default) fails a commit when either app would; llm-d does not say which app
it runs, and a branch that passes both passes whichever it is.

Exit codes: 0 every commit passes, 1 some commit fails, 2 bad usage or not a repository.`;

export interface DcoOptions { base?: string; app: "both" | DcoApp; format: "text" | "json"; color?: boolean }

/** `llm-d-contrib dco`: returns the exit code. */
export async function runDco(opts: DcoOptions, io: CliIo): Promise<number> {
  const root = await workTreeRoot(io.cwd);
  if (!root) { io.stderr.write(`llm-d-contrib dco: ${io.cwd} is not inside a git work tree\n`); return EXIT_FAILURE; }
  const apps: DcoApp[] = opts.app === "both" ? ["dcoapp", "dco2"] : [opts.app];
  let result;
  try {
    result = await checkBranch(root, { base: opts.base, apps });
  } catch (e) {
    io.stderr.write(`llm-d-contrib dco: ${e instanceof Error ? e.message : String(e)}\n`);
    return EXIT_FAILURE;
  }
  const { base, verdicts, failing, config } = result;
  const head = verdicts[0]?.commit.sha;
  const merges = verdicts.some((v) => v.skipped === "merge");
  const fixFor = (v: CommitVerdict) => fixCommand(v, base.sha, v.commit.sha === head, merges);
  if (opts.format === "json") {
    io.stdout.write(JSON.stringify({
      base, apps,
      commits: verdicts.map((v) => ({
        sha: v.commit.sha, title: title(v.commit), author: v.commit.author, committer: v.commit.committer,
        skipped: v.skipped ?? null, failures: Object.fromEntries(apps.filter((a) => v.failures[a]).map((a) => [a, v.failures[a]])),
        remediatedBy: v.remediatedBy ?? null, fails: failing.includes(v), fix: failing.includes(v) ? fixFor(v) : null,
      })),
      failing: failing.length,
    }, null, 2) + "\n");
    return failing.length ? EXIT_PROBLEMS : EXIT_OK;
  }
  const c = colors(useColor(io.stdout, io.env, opts.color));
  const skipped = verdicts.filter((v) => v.skipped);
  const checked = verdicts.length - skipped.length;
  let out = `Checked ${checked} commit${checked === 1 ? "" : "s"} of ${base.sha.slice(0, 12)}..HEAD (${base.how})`;
  const mergeCount = skipped.filter((v) => v.skipped === "merge").length, bots = skipped.length - mergeCount;
  if (mergeCount) out += `; ${mergeCount} merge commit${mergeCount === 1 ? "" : "s"} skipped`;
  if (bots) out += `; ${bots} bot commit${bots === 1 ? "" : "s"} skipped`;
  out += ".\n";
  for (const v of failing) {
    out += `\n${c.red("✖")} ${v.commit.sha.slice(0, 7)} ${title(v.commit)}\n`;
    for (const a of apps) if (v.failures[a]) out += `    ${APP_NAMES[a]}: ${v.failures[a]}\n`;
    out += `    fix: ${fixFor(v)}\n`;
  }
  if (failing.length === 0) {
    out += c.green(`✔ every commit passes the DCO check`) + "\n";
    io.stdout.write(out);
    return EXIT_OK;
  }
  out += `\n${failing.length} of ${checked} commit${checked === 1 ? "" : "s"} fail${failing.length === 1 ? "s" : ""} the DCO check.\n`;
  out += `To sign off every commit since the base at once: git rebase --signoff${merges ? " --rebase-merges" : ""} ${base.sha.slice(0, 12)}\n`;
  out += `(or, in VS Code, "llm-d: Sign Off All Commits on This Branch"); then git push --force-with-lease.\n`;
  if (config.allowRemediationCommits.individual) {
    const me = (await gatherHostFacts(root)).gitCommitter;
    if (me) {
      out += `\n.github/dco.yml allows remediation commits: instead of rewriting, commit a change with this message:\n\n`;
      out += remediationCommitText(failing.map((v) => v.commit), me).replace(/^/gm, "    ") + "\n";
    }
  }
  if (!config.requireMembers) out += `\nnote: .github/dco.yml exempts verified (signed) commits by organisation members; membership cannot be seen from here.\n`;
  io.stdout.write(out);
  return EXIT_PROBLEMS;
}

export const dcoCommand: CliCommand = {
  name: "dco",
  register(program, ctx) {
    program.command("dco")
      .description("check that every commit of this branch passes the pull request's DCO check")
      .option("--base <ref>", "check the commits after the merge-base of HEAD and REF")
      .addOption(new Option("--app <app>", "which DCO app's rules to apply").choices(["both", "dcoapp", "dco2"]).default("both"))
      .addOption(new Option("-f, --format <format>", "output format").choices(["text", "json"]).default("text"))
      .option("--color", "colour the output even when not on a terminal")
      .option("--no-color", "never colour the output")
      .addHelpText("after", AFTER)
      .action(async (opts: DcoOptions) => { ctx.exitCode = await runDco(opts, ctx.io); });
  },
};
