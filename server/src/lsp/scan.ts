/**
 * Workspace scan: checks every file of a known kind in the workspace folders, in time slices
 * that yield to the event loop so requests stay answered, and publishes diagnostics for files
 * that are not open. A newer scan of the same repository stops an older one.
 */
import type { WorkDoneProgressServerReporter } from "vscode-languageserver/node";
import { TimeSlice, type Checker } from "./diagnostics";
import type { RepoRoot, Roots } from "./roots";
import { releaseScanMemory } from "./memory";

/** A scan of fewer files leaves too little garbage to be worth a full collection. */
const RELEASE_AFTER_FILES = 2000;

export class Scanner {
  private readonly generation = new WeakMap<RepoRoot, number>();
  /** Repositories whose last scan was stopped before it checked every file. */
  private readonly unfinished = new WeakSet<RepoRoot>();

  constructor(
    private readonly checker: Checker,
    private readonly roots: Roots,
    private readonly startProgress: (title: string) => Promise<WorkDoneProgressServerReporter | undefined>,
    private readonly log: (message: string) => void,
  ) {}

  /** Stops any running scan of `root` (the repository went away). */
  cancel(root: RepoRoot): void {
    this.generation.set(root, (this.generation.get(root) ?? 0) + 1);
  }

  /**
   * Walks the repository again and checks its files: all of them (`full`), or only those the
   * previous scan did not know (after files were created). Files no longer found lose their diagnostics.
   */
  async scan(root: RepoRoot, full: boolean): Promise<void> {
    const gen = (this.generation.get(root) ?? 0) + 1;
    this.generation.set(root, gen);
    const targets = root.settings.workspaceScan ? root.scanTargets() : [];
    const next = new Set(targets);
    for (const rel of root.scanned) {
      if (next.has(rel)) continue;
      const entry = this.checker.entries.get(root.absPath(rel));
      if (entry && !entry.open) this.checker.untrack(entry.key);
    }
    const previous = root.scanned;
    root.scanned = next;
    // A stopped scan left files unchecked: the next one checks everything.
    const todo = full || this.unfinished.has(root) ? targets : targets.filter((rel) => !previous.has(rel));
    if (todo.length === 0) return;
    const progress = await this.startProgress(`checking ${todo.length} file${todo.length === 1 ? "" : "s"}`);
    let done = 0;
    const slice = new TimeSlice();
    this.unfinished.add(root);
    try {
      for (const rel of todo) {
        if (this.generation.get(root) !== gen) return;
        const id = this.roots.identifyFile(root, rel);
        if (!id || this.checker.entries.get(id.key)?.open) continue;
        try {
          this.checker.checkNow(this.checker.track(id, false));
        } catch (error) {
          this.log(`checking ${rel} failed: ${error instanceof Error ? error.stack : String(error)}`);
        }
        done++;
        if (await slice.pause()) progress?.report(Math.floor((done * 100) / todo.length), `${done}/${todo.length}`);
      }
      if (this.generation.get(root) === gen) this.unfinished.delete(root);
    } finally {
      progress?.done();
    }
    if (done >= RELEASE_AFTER_FILES) releaseScanMemory();
  }
}
