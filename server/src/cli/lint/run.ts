/**
 * The core of `llm-d-contrib lint`, with its outside world passed in (CliIo, CliEngine) so that
 * unit tests drive it with a fake family: find the repository, load the configuration, collect
 * the files, check each one (on several threads for big runs), apply safe fixes, and say which
 * files need attention.
 */
import { dirname, resolve } from "node:path";
import { inspect } from "node:util";
import { CONFIG_FILE, detectKind, type FileKind, type Problem } from "../../engine/index";
import { gatherHostFacts } from "../../host/git";
import { findRepoRoot, toRelPath, walkFiles } from "../../host/repo";
import { realEngine, type CliEngine } from "../engine";
import { UsageError } from "../errors";
import type { CliIo } from "../io";
import { Progress } from "../progress";
import { Checker, checkFile, union } from "./check";
import { loadRepoConfig } from "./config";
import { fixUntilStable } from "./fix";
import { checkShare, shareTestIndex, startWorker, threadCount, WORKER_TAG, type WorkerResult } from "./parallel";
import { planSharedIndex } from "./shared-index";
import { collectFiles, resolveTargets } from "./targets";
import type { FileProblems, LintOptions, LintReport } from "./types";

function debugSink(io: CliIo): ((message: string) => void) | undefined {
  return io.env.LLM_D_CONTRIB_DEBUG ? (m) => io.stderr.write(m) : undefined;
}

/** Runs the checks and returns what was found; never writes to stdout. */
export async function lintRepository(options: LintOptions, io: CliIo, engine: CliEngine): Promise<LintReport> {
  const knownIds = new Set(engine.rules().map((r) => r.id));
  if (options.stdin) return lintStdin(options, io, engine, knownIds);
  if (options.stdinFilename !== undefined) throw new UsageError("--stdin-filename only makes sense with --stdin", "lint");

  const targets = resolveTargets(options.paths, io.cwd);
  const { root } = targets;
  const { config, problems: configProblems } = loadRepoConfig(root, knownIds);
  const { files, wholeRepo, nestedRoots } = collectFiles(targets, config.ignore);
  // The kind comes from the path alone: a file of no kind is never opened.
  const toCheck: [string, FileKind][] = [];
  for (const f of files) {
    const kind = detectKind(f, config);
    if (kind !== undefined) toCheck.push([f, kind]);
  }

  // listFiles(): the whole repository (walked only if a rule asks), plus files named explicitly even if ignored.
  let everyFile: readonly string[] | undefined = wholeRepo ? files : undefined;
  const checker = new Checker(root, config, engine, () => (everyFile ??= union(walkFiles(root, root, config.ignore), files)), debugSink(io), options.fix === true);
  const report: LintReport = { root, checked: 0, results: [], fixed: [], writeFailures: [] };
  if (configProblems.length > 0) report.results.push({ relPath: CONFIG_FILE, problems: configProblems });

  // Running git costs a few processes: only when a commit message is among the files.
  if (toCheck.some(([, kind]) => kind === "commit-message")) checker.host = await gatherHostFacts(root);
  const progress = new Progress(io.stderr, io.now, toCheck.length);
  try {
    const threads = !options.fix && engine === realEngine && io.workerScript ? threadCount(toCheck.length, io.env) : 1;
    if (threads > 1) {
      const done = await checkInParallel(io, io.workerScript!, threads, checker, toCheck, files, wholeRepo, progress);
      report.checked = done.checked;
      report.results.push(...done.results);
    } else {
      for (let i = 0; i < toCheck.length; i++) {
        const [relPath, kind] = toCheck[i];
        const problems = checkFile(checker, relPath, kind, options.fix === true, report);
        if (problems !== undefined) {
          report.checked++;
          if (problems.length > 0) report.results.push({ relPath, problems });
        }
        progress.tick(i + 1);
      }
    }
  } finally {
    progress.end();
  }
  for (const nested of nestedRoots) await mergeNested(report, nested, options, io, engine);
  return report;
}

/**
 * A folder met on the walk that is a repository of its own is checked as one (its root, its
 * .llm-d-contrib.yaml, its OWNERS_ALIASES); its paths are reported relative to the outer root.
 */
async function mergeNested(report: LintReport, nested: string, options: LintOptions, io: CliIo, engine: CliEngine): Promise<void> {
  const inner = await lintRepository({ ...options, paths: [resolve(report.root, nested)] }, { ...io, cwd: report.root }, engine);
  const prefix = toRelPath(report.root, inner.root) + "/";
  report.checked += inner.checked;
  for (const r of inner.results) report.results.push({ relPath: prefix + r.relPath, problems: r.problems });
  for (const f of inner.fixed) report.fixed.push({ ...f, relPath: prefix + f.relPath });
  for (const f of inner.writeFailures) report.writeFailures.push({ ...f, relPath: prefix + f.relPath });
  const config = report.results[0]?.relPath === CONFIG_FILE ? report.results.shift() : undefined;
  report.results.sort((a, b) => (a.relPath < b.relPath ? -1 : a.relPath > b.relPath ? 1 : 0));
  if (config) report.results.unshift(config);
}

/**
 * Deals the files out to `threads` shares: share 0 is checked here while workers check the
 * others. A worker that fails has its share checked here instead. Results keep file order.
 */
async function checkInParallel(io: CliIo, script: string, threads: number, checker: Checker, toCheck: [string, FileKind][],
  runFiles: string[], wholeRepo: boolean, progress: Progress): Promise<WorkerResult> {
  const shares: [string, FileKind][][] = Array.from({ length: threads }, () => []);
  toCheck.forEach((f, i) => shares[i % threads].push(f));
  const counter = new SharedArrayBuffer(4);
  const others = new Int32Array(counter);
  const sharedIndex = wholeRepo ? planSharedIndex(runFiles, threads) : undefined;
  const jobs = shares.slice(1).map((share, i) => startWorker(script, {
    tag: WORKER_TAG, root: checker.root, config: checker.config, host: checker.host, files: share, runFiles, everyFile: wholeRepo ? runFiles : null, counter,
    thread: i + 1, sharedIndex,
  }).then((r) => r, (e: unknown) => e instanceof Error ? e : new Error(inspect(e))));

  // This thread adds its share while the workers start.
  if (sharedIndex) shareTestIndex(checker, sharedIndex, 0);
  let mine = 0;
  const parts: WorkerResult[] = [checkShare(checker, shares[0], () => progress.tick(++mine + Atomics.load(others, 0)))];
  const timer = setInterval(() => progress.tick(mine + Atomics.load(others, 0), true), 100);
  try {
    const settled = await Promise.all(jobs);
    settled.forEach((r, i) => {
      if (r instanceof Error) {
        debugSink(io)?.(`a lint worker failed (${r.message}); checking its files on the main thread\n`);
        parts.push(checkShare(checker, shares[i + 1], () => progress.tick(++mine)));
      } else {
        parts.push(r);
      }
    });
  } finally {
    clearInterval(timer);
  }
  const byPath = new Map<string, Problem[]>();
  let checked = 0;
  for (const p of parts) {
    checked += p.checked;
    for (const r of p.results) byPath.set(r.relPath, r.problems);
  }
  const results: FileProblems[] = [];
  for (const [relPath] of toCheck) {
    const problems = byPath.get(relPath);
    if (problems) results.push({ relPath, problems });
  }
  return { results, checked };
}

/** --stdin: the text comes from standard input, placed at --stdin-filename in the repository around it. */
async function lintStdin(options: LintOptions, io: CliIo, engine: CliEngine, knownIds: ReadonlySet<string>): Promise<LintReport> {
  if (!options.stdinFilename) throw new UsageError("--stdin needs --stdin-filename NAME (the path the text would have; it decides the kind of file)", "lint");
  if (options.paths.length > 0) throw new UsageError("--stdin checks standard input only; do not also name paths", "lint");
  let text = await io.readStdin();
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const abs = resolve(io.cwd, options.stdinFilename);
  const root = findRepoRoot(dirname(abs));
  const relPath = toRelPath(root, abs);
  const { config, problems: configProblems } = loadRepoConfig(root, knownIds);
  let everyFile: readonly string[] | undefined;
  const checker = new Checker(root, config, engine, () => (everyFile ??= union(walkFiles(root, root, config.ignore), [relPath])), debugSink(io), options.fix === true);
  const report: LintReport = { root, checked: 0, results: [], fixed: [], writeFailures: [] };
  if (configProblems.length > 0) report.results.push({ relPath: CONFIG_FILE, problems: configProblems });
  const kind = detectKind(relPath, config);
  if (options.fix) report.stdinOutput = text;
  if (kind === undefined) return report;

  if (kind === "commit-message") checker.host = await gatherHostFacts(root);
  checker.overlay.set(relPath, text);
  let problems = checker.lint(relPath, kind, text);
  if (options.fix) {
    const fixed = fixUntilStable(text, problems, (t) => {
      checker.overlay.set(relPath, t);
      return checker.lint(relPath, kind, t);
    });
    problems = fixed.problems;
    report.stdinOutput = fixed.text;
    if (fixed.applied > 0) report.fixed.push({ relPath, fixes: fixed.applied });
  }
  report.checked = 1;
  if (problems.length > 0) report.results.push({ relPath, problems });
  return report;
}
