/**
 * Splitting a large lint run over worker threads. The main thread walks and loads the
 * configuration once; each worker gets every n-th file (interleaved, so big and small folders
 * spread evenly), checks it exactly as the sequential loop does, and posts its problems back.
 * The questions about test files are then answered across threads (test-mentions.ts): a worker
 * posts the names its files asked about and the words of its test files with its problems, gets
 * back the names some test file mentions, and posts the files whose findings that changes.
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

export const WORKER_TAG = "llm-d-contrib-lint-worker";
/**
 * Below this many files to check, workers cost more than they save. Each worker is a new V8
 * isolate that loads the bundle and warms up its own compiled code, and V8's collector and
 * compiler threads already keep a second core busy for one thread. Measured on 2 cores
 * (bench/README.md): 3,400 files 1.1 s on one thread against 1.3 s on two; 9,700 files 2.2 s
 * against 2.5 s; 34,000 files 4.4 s against 4.2 s.
 */
export const PARALLEL_MIN_FILES = 20_000;

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
}

export interface ShareResult { results: FileProblems[]; checked: number }

/** A worker's first message: its share checked, the names its files asked about, the words of its test files and which those were. */
export interface CheckedMessage extends ShareResult { askedNames: string[]; testTokens: Int32Array; testsSeen: string[] }
/** A worker's second message, after the answers: the files whose findings changed. */
export interface AnsweredMessage { changed: [string, Problem[]][] }

/** Whether worker threads are used by default for runs of PARALLEL_MIN_FILES or more. */
export const PARALLEL_BY_DEFAULT = true;

/** How many threads to use for `count` files; LLM_D_CONTRIB_THREADS=n overrides (1 turns workers off). */
export function threadCount(count: number, env: Readonly<Record<string, string | undefined>>): number {
  const forced = Number(env.LLM_D_CONTRIB_THREADS);
  if (env.LLM_D_CONTRIB_THREADS && Number.isInteger(forced) && forced >= 1) return Math.min(forced, 16, Math.max(1, count));
  if (!PARALLEL_BY_DEFAULT || count < PARALLEL_MIN_FILES) return 1;
  return Math.max(1, Math.min(availableParallelism(), 4));
}

/** Checks `files` in a list of the same order; shared by the main thread's share and the workers. */
export function checkShare(checker: Checker, files: readonly [string, FileKind][], onDone: () => void): ShareResult {
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

/** A worker checking one share: first its result, then, once answered, what the answers change. */
export class LintWorker {
  readonly checked: Promise<CheckedMessage>;
  readonly answered: Promise<AnsweredMessage>;
  private readonly worker: Worker;

  constructor(script: string, job: WorkerJob) {
    this.worker = new Worker(script, { workerData: job });
    const messages: ((m: unknown) => void)[] = [];
    const failures: ((e: Error) => void)[] = [];
    const step = <T>() => new Promise<T>((resolve, reject) => { messages.push(resolve as (m: unknown) => void); failures.push(reject); });
    this.checked = step<CheckedMessage>();
    this.answered = step<AnsweredMessage>();
    // A failure may come before a step is awaited (a worker that fails early fails both steps).
    this.checked.catch(() => {});
    this.answered.catch(() => {});
    let received = 0;
    const fail = (e: Error) => { for (const f of failures.slice(received)) f(e); received = failures.length; };
    this.worker.on("message", (m) => { if (received < messages.length) messages[received++](m); });
    this.worker.once("error", (e) => fail(e instanceof Error ? e : new Error(String(e))));
    this.worker.once("exit", (code) => fail(new Error(`lint worker exited with code ${code}`)));
  }

  /** Sends the names some test file mentions (the worker answers its files' questions from them). */
  answer(found: readonly string[]): void {
    this.worker.postMessage(found);
  }

  /** Stops the worker if it still runs (a run that failed half-way must not wait for it). */
  close(): void {
    void this.worker.terminate();
  }
}

/** The body of a worker thread (main.ts calls it when started with a WorkerJob). */
export function runWorker(job: WorkerJob): void {
  const counter = new Int32Array(job.counter);
  let everyFile: readonly string[] | undefined = job.everyFile ?? undefined;
  const checker = new Checker(job.root, job.config, realEngine,
    () => (everyFile ??= union(walkFiles(job.root, job.root, job.config.ignore), job.runFiles)),
    process.env.LLM_D_CONTRIB_DEBUG ? (m) => process.stderr.write(m) : undefined);
  checker.host = job.host;
  const mentions = checker.deferTestMentions();
  const result = checkShare(checker, job.files, () => Atomics.add(counter, 0, 1));
  const tokens = mentions.testTokens.slots;
  const checked: CheckedMessage = { ...cloneable(result), askedNames: mentions.askedNames(), testTokens: tokens, testsSeen: mentions.testsSeen };
  parentPort!.postMessage(checked, [tokens.buffer as ArrayBuffer]);
  parentPort!.once("message", (found: string[]) => {
    const changed = mentions.answer(new Set(found));
    const answered: AnsweredMessage = { changed: changed.map(([relPath, problems]) => [relPath, cloneableProblems(problems)]) };
    parentPort!.postMessage(answered);
  });
}

/**
 * A worker's result as data a message can carry: a fix whose edits to other files are found on
 * request (a function) loses that function, and is marked unsafe, which is what the CLI makes of
 * such a fix anyway (it never applies one); edits computed on first read are read here.
 */
function cloneable(result: ShareResult): ShareResult {
  return {
    checked: result.checked,
    results: result.results.map(({ relPath, problems }) => ({ relPath, problems: cloneableProblems(problems) })),
  };
}

function cloneableProblems(problems: Problem[]): Problem[] {
  return problems.map((p): Problem => p.fixes ? {
    ...p,
    fixes: p.fixes.map((f): Fix => ({
      title: f.title, edits: f.edits, otherFiles: f.otherFiles, renameTo: f.renameTo, isPreferred: f.isPreferred,
      safe: f.safe === true && !f.resolveOtherFiles,
    })),
  } : p);
}

export function isWorkerJob(data: unknown): data is WorkerJob {
  return typeof data === "object" && data !== null && (data as WorkerJob).tag === WORKER_TAG;
}
