/**
 * repo: our CLI over the generated tree against `rg -j2 -i experimental` over the same tree
 * (the read-and-scan floor), alternating in the same run, best of several, page cache warm.
 * markdownlint: our CLI over a large set of proposals against markdownlint-cli2 with only
 * MD043 (required headings) on the same files.
 */
import { execFileSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { timeCmd, type Timed } from "./lib/timeCmd";
import { REPO_ROOT, SHARED } from "./lib/paths";
import { MD043_HEADINGS, proposalFile } from "./lib/content";
import { Rng } from "./lib/rng";
import { round } from "./lib/stats";

export const CLI = join(REPO_ROOT, "bin", "llm-d-contrib.js");
export const CLI_JS = join(REPO_ROOT, "dist", "cli.js");

/** Extra environment for the CLI runs, from BENCH_CLI_ENV="A=1 B=2" (e.g. LLM_D_CONTRIB_THREADS=2 to try its workers). */
export function cliEnv(): NodeJS.ProcessEnv {
  const extra = Object.fromEntries((process.env.BENCH_CLI_ENV ?? "").split(/\s+/).filter((kv) => kv.includes("=")).map((kv) => [kv.slice(0, kv.indexOf("=")), kv.slice(kv.indexOf("=") + 1)]));
  return { ...process.env, ...extra };
}

/** The CLI as the benchmark runs it: JSON output, the tree as the path. */
export function cliArgs(target: string, nodeArgs: string[] = []): string[] {
  return [process.execPath, ...nodeArgs, CLI, "lint", target, "--format", "json"];
}

function checkCli(t: Timed, what: string) {
  // 0 = clean, 1 = problems found; anything else (2 = usage/config error, a crash) is a failed run.
  if (t.status !== 0 && t.status !== 1) throw new Error(`${what} exited ${t.status}: ${t.stderr.slice(-800)}`);
}

export interface Pair { best_s: number; runs_s: number[]; cpu_s: number; cores_used: number; exit: number | null; outputBytes: number }

/** Runs a and b alternately `rounds` times after one warm-up each; best wall time of each. */
function alternate(rounds: number, a: () => Timed, b: () => Timed): [Pair, Pair] {
  a(); b(); // warm the page cache and the disk caches of both
  const ra: Timed[] = [], rb: Timed[] = [];
  for (let i = 0; i < rounds; i++) { ra.push(a()); rb.push(b()); }
  const pair = (rs: Timed[]): Pair => {
    const best = rs.reduce((x, y) => (y.wall_s < x.wall_s ? y : x));
    return { best_s: best.wall_s, runs_s: rs.map((r) => r.wall_s), cpu_s: round(best.user_s + best.sys_s), cores_used: round((best.user_s + best.sys_s) / Math.max(best.wall_s, 0.001), 2), exit: best.status, outputBytes: best.stdoutBytes };
  };
  return [pair(ra), pair(rb)];
}

export interface RepoResult { files: number; bytes: number; cli_s: number; ripgrep_s: number; ratio_vs_ripgrep: number; cli: Pair; ripgrep: Pair; rounds: number; problemsByRule: Record<string, number>; ripgrepMatches: number }

/** What the CLI found, per rule id (from its JSON output): shows the run did real work. */
export function problemsByRule(jsonFile: string): Record<string, number> {
  try {
    const out: Record<string, number> = {};
    const data = JSON.parse(readFileSync(jsonFile, "utf8")) as { ruleId?: string }[];
    for (const p of Array.isArray(data) ? data : []) out[p.ruleId ?? "?"] = (out[p.ruleId ?? "?"] ?? 0) + 1;
    return Object.fromEntries(Object.entries(out).sort((a, b) => b[1] - a[1]));
  } catch { return {}; }
}

export function runRepo(opts: { treeRoot: string; files: number; bytes: number; rounds: number; outDir: string; log?: (s: string) => void }): RepoResult {
  if (!existsSync(CLI_JS)) throw new Error("dist/cli.js is missing (npm run build)");
  mkdirSync(opts.outDir, { recursive: true });
  const cli = () => { const t = timeCmd(cliArgs("."), { cwd: opts.treeRoot, stdoutFile: join(opts.outDir, "repo-cli.json"), env: cliEnv() }); checkCli(t, "the CLI"); return t; };
  const rg = () => {
    const t = timeCmd(["rg", "-j2", "-i", "experimental", "."], { cwd: opts.treeRoot, stdoutFile: join(opts.outDir, "repo-rg.txt") });
    if (t.status !== 0 && t.status !== 1) throw new Error(`rg exited ${t.status}: ${t.stderr}`);
    return t;
  };
  const [c, r] = alternate(opts.rounds, cli, rg);
  const matches = readFileSync(join(opts.outDir, "repo-rg.txt"), "utf8").split("\n").filter(Boolean).length;
  const result = { files: opts.files, bytes: opts.bytes, cli_s: c.best_s, ripgrep_s: r.best_s, ratio_vs_ripgrep: round(c.best_s / Math.max(r.best_s, 0.001), 2), cli: c, ripgrep: r, rounds: opts.rounds, problemsByRule: problemsByRule(join(opts.outDir, "repo-cli.json")), ripgrepMatches: matches };
  opts.log?.(`repo: CLI ${c.best_s} s (${c.cores_used} cores), rg ${r.best_s} s (${r.cores_used} cores), ratio ${result.ratio_vs_ripgrep}`);
  return result;
}

/**
 * The markdownlint workload: every real proposal of the corpus (.md) plus `generated`
 * generated ones, under docs/proposals/ of a git repository, and a markdownlint-cli2 config
 * that enables only MD043 with PROPOSAL_TEMPLATE.md's headings.
 */
export function prepareMarkdownSet(opts: { dir: string; generated: number; seed: number }): { files: number; bytes: number } {
  rmSync(opts.dir, { recursive: true, force: true });
  const proposals = join(opts.dir, "docs", "proposals");
  mkdirSync(proposals, { recursive: true });
  execFileSync("git", ["init", "-q", opts.dir]);
  let files = 0, bytes = 0;
  const corpus = join(SHARED, "corpus", "proposals");
  if (existsSync(corpus)) {
    for (const f of readdirSync(corpus).filter((n) => n.endsWith(".md")).sort()) {
      copyFileSync(join(corpus, f), join(proposals, f));
      files++;
    }
  }
  const rng = new Rng(opts.seed ^ 0xd0c5);
  for (let i = 0; i < opts.generated; i++) {
    const text = proposalFile(rng, rng.logInt(80, 1500), rng.int(0, 3));
    writeFileSync(join(proposals, `generated-${String(i).padStart(4, "0")}.md`), text);
    files++;
  }
  for (const f of readdirSync(proposals)) bytes += statSync(join(proposals, f)).size;
  writeFileSync(join(opts.dir, ".markdownlint-cli2.jsonc"), JSON.stringify({ config: { default: false, MD043: { headings: MD043_HEADINGS } } }, null, 2));
  return { files, bytes };
}

export interface MarkdownlintResult { files: number; bytes: number; ours_s: number; md043_s: number; ratio: number; ours: Pair; md043: Pair; rounds: number; problemsByRule: Record<string, number> }

export function runMarkdownlint(opts: { dir: string; files: number; bytes: number; rounds: number; outDir: string; log?: (s: string) => void }): MarkdownlintResult {
  if (!existsSync(CLI_JS)) throw new Error("dist/cli.js is missing (npm run build)");
  const mdl = join(REPO_ROOT, "node_modules", "markdownlint-cli2", "markdownlint-cli2-bin.mjs");
  if (!existsSync(mdl)) throw new Error("markdownlint-cli2 is not installed (bash bench/setup.sh)");
  mkdirSync(opts.outDir, { recursive: true });
  const ours = () => { const t = timeCmd(cliArgs("docs/proposals"), { cwd: opts.dir, stdoutFile: join(opts.outDir, "md-cli.json"), env: cliEnv() }); checkCli(t, "the CLI"); return t; };
  const md043 = () => {
    const t = timeCmd([process.execPath, mdl, "docs/proposals/**/*.md"], { cwd: opts.dir, stdoutFile: join(opts.outDir, "md-markdownlint.txt") });
    if (t.status !== 0 && t.status !== 1) throw new Error(`markdownlint-cli2 exited ${t.status}: ${t.stderr}`);
    return t;
  };
  const [o, m] = alternate(opts.rounds, ours, md043);
  const result = { files: opts.files, bytes: opts.bytes, ours_s: o.best_s, md043_s: m.best_s, ratio: round(o.best_s / Math.max(m.best_s, 0.001), 2), ours: o, md043: m, rounds: opts.rounds, problemsByRule: problemsByRule(join(opts.outDir, "md-cli.json")) };
  opts.log?.(`markdownlint: ours ${o.best_s} s, MD043 ${m.best_s} s, ratio ${result.ratio}`);
  return result;
}
