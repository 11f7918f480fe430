/**
 * Splitting a large lint run over worker threads. The main thread walks and loads the
 * configuration once; each worker gets every n-th file (interleaved, so big and small folders
 * spread evenly), checks it exactly as the sequential loop does, and posts its problems back.
 * A shared counter feeds the progress line. Used only with the real engine and without --fix
 * (fixes write files, which stays sequential and simple).
 */
import { availableParallelism } from "node:os";
import { Worker, parentPort } from "node:worker_threads";
import type { FileKind, Fix, HostFacts, Problem, ResolvedConfig } from "../../engine/index";
import { walkFiles } from "../../host/repo";
import { realEngine } from "../engine";
import { Checker, checkFile, union } from "./check";
import type { FileProblems } from "./types";
import { addShare, awaitSharedIndex, type SharedIndexJob } from "./shared-index";
import { TEST_MENTIONS_KEY } from "../../engine/families/flags/workspace-index";

export const WORKER_TAG = "llm-d-contrib-lint-worker";
/** Below this many files to check, starting workers costs more than it saves. */
export const PARALLEL_MIN_FILES = 400;

export interface WorkerJob {
  tag: typeof WORKER_TAG;
  root: string;
  config: ResolvedConfig;
  host: HostFacts;
  /** The files of this worker, with their kinds. */
  files: [string, FileKind][];
  /** The files checked in this run (listFiles() is the whole repository, walked lazily, plus these). */
  runFiles: string[];
  /** When the run walked the whole repository: that list, so workers need not walk again. */
  everyFile: string[] | null;
  /** Int32Array over it: files done, summed over workers. */
  counter: SharedArrayBuffer;
  /** This worker's thread number (the main thread is 0). */
  thread: number;
  /** The test-mention index all threads fill together, when the run covers the whole repository. */
  sharedIndex?: SharedIndexJob;
}

export interface WorkerResult { results: FileProblems[]; checked: number }

/**
 * Whether worker threads are used by default for big runs. They are since the threads share one
 * test-mention index (shared-index.ts) and the flags family skips files that cannot declare an
 * experimental flag: measured figures are in bench/README.md.
 */
export const PARALLEL_BY_DEFAULT = true;

/** How many threads to use for `count` files; LLM_D_CONTRIB_THREADS=n overrides (1 turns workers off). */
export function threadCount(count: number, env: Readonly<Record<string, string | undefined>>): number {
  const forced = Number(env.LLM_D_CONTRIB_THREADS);
  if (env.LLM_D_CONTRIB_THREADS && Number.isInteger(forced) && forced >= 1) return Math.min(forced, 16, Math.max(1, count));
  if (!PARALLEL_BY_DEFAULT || count < PARALLEL_MIN_FILES) return 1;
  return Math.max(1, Math.min(availableParallelism(), 4));
}

/** Checks `files` in a list of the same order; shared by the main thread's share and the workers. */
export function checkShare(checker: Checker, files: readonly [string, FileKind][], onDone: () => void): WorkerResult {
  const results: FileProblems[] = [];
  let checked = 0;
  const sink = { fixed: [], writeFailures: [] };
  for (const [relPath, kind] of files) {
    const problems = checkFile(checker, relPath, kind, false, sink);
    if (problems !== undefined) {
      checked++;
      if (problems.length > 0) results.push({ relPath, problems });
    }
    onDone();
  }
  return { results, checked };
}

/** Starts one worker on `job`; resolves with its result, rejects if it fails. */
export function startWorker(script: string, job: WorkerJob): Promise<WorkerResult> {
  return new Promise((resolvePromise, reject) => {
    const worker = new Worker(script, { workerData: job });
    let settled = false;
    worker.once("message", (r: WorkerResult) => { settled = true; resolvePromise(r); });
    worker.once("error", (e) => { if (!settled) { settled = true; reject(e); } });
    worker.once("exit", (code) => { if (!settled) { settled = true; reject(new Error(`lint worker exited with code ${code}`)); } });
  });
}

/** The body of a worker thread (main.ts calls it when started with a WorkerJob). */
export function runWorker(job: WorkerJob): void {
  const counter = new Int32Array(job.counter);
  let everyFile: readonly string[] | undefined = job.everyFile ?? undefined;
  const checker = new Checker(job.root, job.config, realEngine,
    () => (everyFile ??= union(walkFiles(job.root, job.root, job.config.ignore), job.runFiles)),
    process.env.LLM_D_CONTRIB_DEBUG ? (m) => process.stderr.write(m) : undefined);
  checker.host = job.host;
  if (job.sharedIndex) shareTestIndex(checker, job.sharedIndex, job.thread);
  const result = checkShare(checker, job.files, () => Atomics.add(counter, 0, 1));
  parentPort!.postMessage(cloneable(result));
}

/**
 * A worker's result as data a message can carry: a fix whose edits to other files are found on
 * request (a function) loses that function, and is marked unsafe, which is what the CLI makes of
 * such a fix anyway (it never applies one); edits computed on first read are read here.
 */
export function cloneable(result: WorkerResult): WorkerResult {
  return {
    checked: result.checked,
    results: result.results.map(({ relPath, problems }) => ({
      relPath,
      problems: problems.map((p): Problem => p.fixes ? {
        ...p,
        fixes: p.fixes.map((f): Fix => ({
          title: f.title, edits: f.edits, otherFiles: f.otherFiles, renameTo: f.renameTo, isPreferred: f.isPreferred,
          safe: f.safe === true && !f.resolveOtherFiles,
        })),
      } : p),
    })),
  };
}

/** Adds this thread's share of the test files to the shared index, and lets its rules use the whole index. */
export function shareTestIndex(checker: Checker, job: SharedIndexJob, thread: number): void {
  addShare(job, thread, (p) => checker.workspace.readFile(p));
  checker.workspace.provide(TEST_MENTIONS_KEY, () => awaitSharedIndex(job));
}

export function isWorkerJob(data: unknown): data is WorkerJob {
  return typeof data === "object" && data !== null && (data as WorkerJob).tag === WORKER_TAG;
}
