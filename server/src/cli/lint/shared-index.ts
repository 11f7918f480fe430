/**
 * The test-mention index of flags/experimental-untested, built once for all threads of a run:
 * each thread adds its share of the repository's test files to one shared table before it checks
 * anything, and waits for the others only the first time a rule asks for the index. Without it,
 * every thread would read and hash every test file of the repository.
 */
import { TokenHashes, type SharedTokenTable } from "../../engine/families/flags/token-hashes";
import { addTestTexts, testFilesAmong } from "../../engine/families/flags/workspace-index";

export interface SharedIndexJob {
  table: SharedTokenTable;
  /** Int32Array over it: how many threads have added their share. */
  barrier: SharedArrayBuffer;
  files: string[];
  threads: number;
}

/** A thread that has not added its share after this long has failed; the waiting thread builds its own index. */
const WAIT_MS = 30_000;

export function planSharedIndex(everyFile: readonly string[], threads: number): SharedIndexJob | undefined {
  const files = testFilesAmong(everyFile);
  if (files.length === 0) return undefined;
  // Room for ~500 distinct words per test file; a repository with more overflows and falls back.
  return { table: TokenHashes.sharedTable(Math.max(1 << 16, files.length * 512)), barrier: new SharedArrayBuffer(4), files, threads };
}

/** Thread `me` adds every threads-th test file, then says so. */
export function addShare(job: SharedIndexJob, me: number, read: (relPath: string) => string | undefined): void {
  const index = new TokenHashes(0, job.table);
  addTestTexts(index, job.files.filter((_, i) => i % job.threads === me), read);
  const barrier = new Int32Array(job.barrier);
  Atomics.add(barrier, 0, 1);
  Atomics.notify(barrier, 0);
}

/** The shared index once every thread has added its share; undefined if it overflowed or a thread never came. */
export function awaitSharedIndex(job: SharedIndexJob): TokenHashes | undefined {
  const barrier = new Int32Array(job.barrier);
  const deadline = Date.now() + WAIT_MS;
  for (let seen = Atomics.load(barrier, 0); seen < job.threads; seen = Atomics.load(barrier, 0)) {
    const left = deadline - Date.now();
    if (left <= 0) return undefined;
    Atomics.wait(barrier, 0, seen, left);
  }
  const index = new TokenHashes(0, job.table);
  return index.overflowed ? undefined : index;
}
