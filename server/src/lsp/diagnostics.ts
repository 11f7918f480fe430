/**
 * Diagnostics publishing: lints documents (open buffers and files found by the workspace scan),
 * remembers what each lint read so dependants are re-checked when a file changes, debounces
 * checks per document, and publishes with the document version the check saw.
 */
import type { Connection, Diagnostic, TextDocuments } from "vscode-languageserver/node";
import type { TextDocument } from "vscode-languageserver-textdocument";
import { analyze, lintDocument, type Analysis, type Problem, type ResolvedConfig } from "../engine/index";
import { toDiagnostic } from "./convert";
import { readForCheck } from "../host/read";
import { lintInput, type DocIdentity, type RepoRoot } from "./roots";

export interface Entry extends DocIdentity {
  /** Open in the editor (text from the buffer) or only known from disk. */
  open: boolean;
  /** The last check: the document version it saw (undefined for files on disk) and what it found. */
  last?: { version: number | undefined; problems: Problem[]; analysis?: ReturnType<typeof analyze> };
  /** Repository-relative paths the last check read; a change to any of them re-checks this entry. */
  reads: Set<string>;
  /** The last check asked for the file list; creating or deleting a file re-checks this entry. */
  listed: boolean;
}

/** The reads of an entry not checked yet: shared, never added to (setReads replaces the set). */
const NO_READS: Set<string> = new Set();

export interface CheckerOptions {
  docsBase?: string;
  /** Quiet time after the last keystroke before a document is checked. */
  debounceMs: number;
  log: { error(message: string): void; info(message: string): void };
}

export const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Background work (the scan, dependants of a changed file) runs in slices of a few
 * milliseconds and then yields, so a request or keystroke waits at most one slice.
 */
export class TimeSlice {
  private start = performance.now();
  constructor(private readonly ms = 12) {}
  /** Yields to the event loop when the slice is used up; true when it did. */
  async pause(): Promise<boolean> {
    if (performance.now() - this.start < this.ms) return false;
    await yieldToEventLoop();
    this.start = performance.now();
    return true;
  }
}

/** The text of a file on disk, or the one problem that says why it cannot be checked; undefined when it is gone. */
export function readForLint(abs: string, config: ResolvedConfig): { text: string } | { problems: Problem[] } | undefined {
  return readForCheck(abs, config, "gone");
}

export class Checker {
  readonly entries = new Map<string, Entry>();
  /** Open documents: client URI → entry key. */
  private readonly openByUri = new Map<string, string>();
  /** `${root}\0${relPath}` → keys of entries whose last check read that path. */
  private readonly readers = new Map<string, Set<string>>();
  private readonly loggedRuleErrors = new Set<string>();
  /** URIs whose last publish was not empty (a clean closed file needs no message at all). */
  private readonly nonEmpty = new Set<string>();
  /** Pending checks: key → when it is due. */
  private readonly queue = new Map<string, number>();
  private timer: NodeJS.Timeout | undefined;
  private draining = false;

  constructor(private readonly connection: Connection, private readonly documents: TextDocuments<TextDocument>, readonly options: CheckerOptions) {}

  /** Adds or updates the entry of a document; an open document takes over a scanned file's entry. */
  track(id: DocIdentity, open: boolean): Entry {
    const prev = this.entries.get(id.key);
    if (prev && prev.open && !open) return prev; // the scan never overrides an open buffer
    // Every property spelled out, in one order: a spread of `id` gave each of a scan's 34,000
    // entries its own hidden class (12 MB of shapes after a scan of the benchmark tree).
    const entry: Entry = {
      key: id.key, uri: id.uri, root: id.root, relPath: id.relPath, kind: id.kind, languageId: id.languageId, onDisk: id.onDisk,
      open, last: prev?.open === open ? prev.last : undefined, reads: prev?.reads ?? NO_READS, listed: prev?.listed ?? false,
    };
    this.entries.set(id.key, entry);
    if (open) this.openByUri.set(id.uri, id.key);
    return entry;
  }

  /** Forgets an entry and clears its diagnostics. */
  untrack(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.setReads(entry, new Set());
    this.entries.delete(key);
    this.queue.delete(key);
    if (entry.open) this.openByUri.delete(entry.uri);
    this.send(entry.uri, undefined, [], entry.open);
  }

  /** The document is no longer open: from now on its text comes from disk. */
  closed(uri: string): Entry | undefined {
    const key = this.openByUri.get(uri);
    if (key === undefined) return undefined;
    this.openByUri.delete(uri);
    const entry = this.entries.get(key);
    if (entry) { entry.open = false; entry.last = undefined; }
    return entry;
  }

  entryForUri(uri: string): Entry | undefined {
    const key = this.openByUri.get(uri);
    return key === undefined ? undefined : this.entries.get(key);
  }

  /** Checks an entry now and publishes; returns what it found. */
  checkNow(entry: Entry): Problem[] {
    this.queue.delete(entry.key);
    if (entry.open) {
      const doc = this.documents.get(entry.uri);
      if (!doc) return [];
      const input = lintInput(entry, doc.getText(), (ruleId, error) => this.ruleFailed(entry, ruleId, error));
      const { problems, analysis } = this.run(entry, () => {
        // Over the size limit nothing is parsed: lintDocument answers internal/too-large.
        const analysis = input.document.text.length > input.config.maxFileBytes ? undefined : analyze(input);
        return { analysis, problems: lintDocument(input, analysis) };
      });
      entry.last = { version: doc.version, problems, analysis };
      this.publish(entry, problems, doc.version);
      return problems;
    }
    if (!entry.onDisk || !entry.root) { this.untrack(entry.key); return []; }
    const read = readForLint(entry.root.absPath(entry.relPath), entry.root.config);
    if (!read) { this.untrack(entry.key); return []; }
    const problems = "problems" in read ? read.problems : this.run(entry, () => {
      const input = lintInput(entry, read.text, (ruleId, error) => this.ruleFailed(entry, ruleId, error));
      return { problems: lintDocument(input) };
    }).problems;
    entry.last = { version: undefined, problems };
    this.publish(entry, problems, undefined);
    return problems;
  }

  /** Runs a lint and records what it read. */
  private run<T>(entry: Entry, lint: () => T): T {
    const ws = entry.root?.workspace;
    ws?.takeReads();
    if (ws) ws.listed = false;
    try {
      return lint();
    } finally {
      if (ws) {
        const reads = ws.takeReads();
        reads.delete(entry.relPath);
        this.setReads(entry, reads);
        entry.listed = ws.listed;
      }
    }
  }

  private setReads(entry: Entry, reads: Set<string>): void {
    if (!entry.root) return;
    for (const path of entry.reads) this.readers.get(this.readerKey(entry.root, path))?.delete(entry.key);
    entry.reads = reads.size === 0 ? NO_READS : reads;
    for (const path of reads) {
      const k = this.readerKey(entry.root, path);
      let set = this.readers.get(k);
      if (!set) this.readers.set(k, (set = new Set()));
      set.add(entry.key);
    }
  }

  private readerKey(root: RepoRoot, relPath: string): string { return `${root.path}\0${relPath}`; }

  /** Entries whose last check read `relPath` of `root`. */
  dependentsOf(root: RepoRoot, relPath: string): Entry[] {
    const keys = this.readers.get(this.readerKey(root, relPath)) ?? [];
    return [...keys].map((k) => this.entries.get(k)).filter((e): e is Entry => !!e && e.relPath !== relPath);
  }

  /** Entries of `root` whose last check asked for the file list (re-checked when files come or go). */
  listersOf(root: RepoRoot): Entry[] {
    return [...this.entries.values()].filter((e) => e.root === root && e.listed);
  }

  private ruleFailed(entry: Entry, ruleId: string, error: unknown): void {
    const key = `${entry.key}\0${ruleId}`;
    if (this.loggedRuleErrors.has(key)) return;
    this.loggedRuleErrors.add(key);
    this.options.log.error(`${ruleId} failed on ${entry.relPath}: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
  }

  private publish(entry: Entry, problems: Problem[], version: number | undefined): void {
    this.send(entry.uri, version, problems.map((p) => toDiagnostic(p, this.options.docsBase)), entry.open);
  }

  /** Sends diagnostics; an empty list for a URI that has none shown is sent only for open documents. */
  private send(uri: string, version: number | undefined, diagnostics: Diagnostic[], always: boolean): void {
    if (diagnostics.length === 0 && !always && !this.nonEmpty.has(uri)) return;
    if (diagnostics.length > 0) this.nonEmpty.add(uri); else this.nonEmpty.delete(uri);
    this.connection.sendDiagnostics(version === undefined ? { uri, diagnostics } : { uri, version, diagnostics });
  }

  /** Publishes the configuration errors of a repository on its .llm-d-contrib.yaml. */
  publishConfigErrors(root: RepoRoot): void {
    const severity = root.config.rules.get("internal/config-error")?.severity ?? "error";
    const problems: Problem[] = severity === "off" ? [] : root.configErrors.map((e) => ({ ruleId: "internal/config-error", severity, range: e.range, message: e.message }));
    this.send(root.configUri, undefined, problems.map((p) => toDiagnostic(p, this.options.docsBase)), false);
  }

  /** The problems of an open document at its current version (checked now when the last check is older). */
  current(uri: string): { entry: Entry; problems: Problem[]; analysis?: ReturnType<typeof analyze> } | undefined {
    const entry = this.entryForUri(uri);
    const doc = this.documents.get(uri);
    if (!entry || !doc) return undefined;
    if (entry.last?.version !== doc.version) this.checkNow(entry);
    return { entry, problems: entry.last?.problems ?? [], analysis: entry.last?.analysis };
  }

  /** The parsed form of an open document at its current version, for editor features. */
  analysisOf(uri: string): { entry: Entry; analysis: Analysis } | undefined {
    const c = this.current(uri);
    const a = c?.analysis;
    return c && a && !("error" in a) ? { entry: c.entry, analysis: a } : undefined;
  }

  /** Checks `key` after `delayMs`; a later call for the same key supersedes an earlier one. */
  schedule(key: string, delayMs = this.options.debounceMs): void {
    this.queue.set(key, Date.now() + delayMs);
    this.arm();
  }

  private arm(): void {
    if (this.draining) return;
    if (this.timer) { clearTimeout(this.timer); this.timer = undefined; }
    let next = Infinity;
    for (const due of this.queue.values()) next = Math.min(next, due);
    if (next === Infinity) return;
    this.timer = setTimeout(() => { this.timer = undefined; void this.drain(); }, Math.max(0, next - Date.now()));
  }

  /** Runs due checks, open documents first, yielding between batches of closed files. */
  private async drain(): Promise<void> {
    this.draining = true;
    try {
      for (;;) {
        const now = Date.now();
        const ready = [...this.queue].filter(([, due]) => due <= now).map(([k]) => this.entries.get(k));
        if (ready.length === 0) break;
        ready.sort((a, b) => Number(b?.open ?? false) - Number(a?.open ?? false));
        const slice = new TimeSlice();
        for (const entry of ready) {
          if (!entry) continue;
          const due = this.queue.get(entry.key);
          if (due === undefined || due > Date.now()) continue; // superseded by a newer change
          try { this.checkNow(entry); } catch (error) { this.options.log.error(`checking ${entry.relPath} failed: ${error instanceof Error ? error.stack : error}`); }
          if (!entry.open) await slice.pause();
        }
        for (const [k, due] of this.queue) if (due <= now && !this.entries.has(k)) this.queue.delete(k);
        await yieldToEventLoop();
      }
    } finally {
      this.draining = false;
      this.arm();
    }
  }

  /** Entries of one repository. */
  entriesOf(root: RepoRoot): Entry[] {
    return [...this.entries.values()].filter((e) => e.root === root);
  }
}
