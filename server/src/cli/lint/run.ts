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
import { checkShare, LintWorker, threadCount, WORKER_TAG, type ShareResult } from "./parallel";
import { mentionedNames } from "./test-mentions";
import { TokenHashes } from "../../engine/families/flags/token-hashes";
import { collectFiles, resolveTargets } from "./targets";
import type { FileProblems, LintOptions, LintReport } from "./types";

function debugSink(io: CliIo): ((message: string) => void) | undefined {
  return io.env.LLM_D_CONTRIB_DEBUG ? (m) => io.stderr.write(m) : undefined;
}

/** With LLM_D_CONTRIB_TIMING, each step of a run with the milliseconds since the process started. */
function timeline(io: CliIo): (step: string) => void {
  return io.env.LLM_D_CONTRIB_TIMING ? (step) => io.stderr.write(`[${Math.round(performance.now())} ms] ${step}\n`) : () => {};
}

/** Runs the checks and returns what was found; never writes to stdout. */
export async function lintRepository(options: LintOptions, io: CliIo, engine: CliEngine): Promise<LintReport> {
  const knownIds = new Set(engine.rules().map((r) => r.id));
  if (options.stdin) return lintStdin(options, io, engine, knownIds);
  if (options.stdinFilename !== undefined) throw new UsageError("--stdin-filename only makes sense with --stdin", "lint");

  const targets = resolveTargets(options.paths, io.cwd);
  const { root } = targets;
  const { config, problems: configProblems } = loadRepoConfig(root, knownIds);
  const mark = timeline(io);
  mark("configuration loaded");
  const { files, wholeRepo, nestedRoots } = collectFiles(targets, config.ignore);
  mark(`walked: ${files.length} files`);
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
  if (!options.fix) checker.deferTestMentions();
  const progress = new Progress(io.stderr, io.now, toCheck.length);
  try {
    const threads = !options.fix && engine === realEngine && io.workerScript ? threadCount(toCheck.length, io.env) : 1;
    let done: ShareResult;
    if (threads > 1) {
      done = await checkInParallel(io, io.workerScript!, threads, checker, toCheck, files, wholeRepo, progress, mark);
    } else {
      const results: FileProblems[] = [];
      let checked = 0;
      for (let i = 0; i < toCheck.length; i++) {
        const [relPath, kind] = toCheck[i];
        const problems = checkFile(checker, relPath, kind, options.fix === true, report);
        if (problems !== undefined) {
          checked++;
          if (problems.length > 0) results.push({ relPath, problems });
        }
        progress.tick(i + 1);
      }
      mark(`checked ${toCheck.length} files`);
      const changed = checker.mentions ? answerHere(checker, checker.mentions.askedNames(), [checker.mentions.testTokens], checker.mentions.testsSeen, mark).changed : [];
      done = { results: inOrder([{ results, checked }], changed, toCheck), checked };
    }
    report.checked = done.checked;
    report.results.push(...done.results);
  } finally {
    progress.end();
  }
  for (const nested of nestedRoots) await mergeNested(report, nested, options, io, engine);
  return report;
}

/**
 * Steps 2 and 3 of test-mentions.ts on this thread: which of `names` (asked on any thread) some
 * test file mentions, given every thread's index of the test files it saw (`seen`), and this
 * thread's files whose findings that changes.
 */
function answerHere(checker: Checker, names: readonly string[], indexes: readonly TokenHashes[], seen: Iterable<string>,
  mark: (step: string) => void): { found: string[]; changed: [string, Problem[]][] } {
  const unique = [...new Set(names)];
  const found = mentionedNames(unique, indexes, unique.length > 0 ? checker.workspace.listFiles() : [], new Set(seen),
    (p) => checker.workspace.readFile(p, { once: true }));
  const changed = checker.mentions!.answer(found);
  mark(`answered the questions about test files: ${found.size} of ${unique.length} names mentioned; ${changed.length} files here changed`);
  return { found: [...found], changed };
}

/** The files with problems in the order of `toCheck`, the shares' results updated by `changed`. */
function inOrder(parts: readonly ShareResult[], changed: Iterable<[string, Problem[]]>, toCheck: readonly [string, FileKind][]): FileProblems[] {
  const byPath = new Map<string, Problem[]>();
  for (const p of parts) for (const r of p.results) byPath.set(r.relPath, r.problems);
  for (const [relPath, problems] of changed) byPath.set(relPath, problems);
  const results: FileProblems[] = [];
  for (const [relPath] of toCheck) {
    const problems = byPath.get(relPath);
    if (problems && problems.length > 0) results.push({ relPath, problems });
  }
  return results;
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
 * others, then the questions about test files are answered across threads (parallel.ts). A
 * worker that fails has its share checked here instead. Results keep file order.
 */
async function checkInParallel(io: CliIo, script: string, threads: number, checker: Checker, toCheck: [string, FileKind][],
  runFiles: string[], wholeRepo: boolean, progress: Progress, mark: (step: string) => void): Promise<ShareResult> {
  const shares: [string, FileKind][][] = Array.from({ length: threads }, () => []);
  toCheck.forEach((f, i) => shares[i % threads].push(f));
  const counter = new SharedArrayBuffer(4);
  const others = new Int32Array(counter);
  const workers = shares.slice(1).map((share) => new LintWorker(script, {
    tag: WORKER_TAG, root: checker.root, config: checker.config, host: checker.host, files: share, runFiles, everyFile: wholeRepo ? runFiles : null, counter,
  }));
  const failed = (e: unknown) => debugSink(io)?.(`a lint worker failed (${e instanceof Error ? e.message : inspect(e)}); checking its files on the main thread\n`);
  try {
    let mine = 0;
    const tick = () => progress.tick(++mine + Atomics.load(others, 0));
    const parts: ShareResult[] = [checkShare(checker, shares[0], tick)];
    mark("checked this thread's share");
    const mentions = checker.mentions!;
    const indexes = [mentions.testTokens];
    const names: string[] = [];
    const seen: string[] = [];
    const answering: { worker: LintWorker; share: [string, FileKind][]; part: number }[] = [];
    const timer = setInterval(() => progress.tick(mine + Atomics.load(others, 0), true), 100);
    try {
      for (const [i, worker] of workers.entries()) {
        try {
          const checked = await worker.checked;
          parts.push({ results: checked.results, checked: checked.checked });
          indexes.push(TokenHashes.over(checked.testTokens));
          names.push(...checked.askedNames);
          seen.push(...checked.testsSeen);
          answering.push({ worker, share: shares[i + 1], part: parts.length - 1 });
        } catch (e) {
          failed(e);
          parts.push(checkShare(checker, shares[i + 1], tick));
        }
      }
    } finally {
      clearInterval(timer);
    }
    mark(`checked ${toCheck.length} files`);
    const { found, changed } = answerHere(checker, [...names, ...mentions.askedNames()], indexes, [...seen, ...mentions.testsSeen], mark);
    for (const { worker } of answering) worker.answer(found);
    for (const { worker, share, part } of answering) {
      try {
        changed.push(...(await worker.answered).changed);
      } catch (e) {
        // This thread knows the answers now: checking the share again gives its final findings.
        failed(e);
        parts[part] = checkShare(checker, share, () => {});
      }
    }
    mark("the workers answered");
    return { results: inOrder(parts, changed, toCheck), checked: parts.reduce((n, p) => n + p.checked, 0) };
  } finally {
    for (const w of workers) w.close();
  }
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
