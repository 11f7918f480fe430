/**
 * Checking one file: what the sequential loop, the worker threads, --stdin and --fix share.
 * The per-file path stays lean: the kind is known from the path before this runs, the size is
 * checked before reading, and bytes go straight to decodeFile (host/read.ts readForCheck).
 */
import { join } from "node:path";
import { Workspace, type FileKind, type HostFacts, type Problem, type ResolvedConfig } from "../../engine/index";
import { readTextBounded } from "../../host/repo";
import type { CliEngine } from "../engine";
import { fixUntilStable, writeFileAtomic } from "./fix";
import { readForCheck } from "../../host/read";
import type { LintReport } from "./types";
import { DeferredTestMentions } from "./test-mentions";
import { TEST_MENTIONS_KEY } from "../../engine/families/flags/workspace-index";

const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/**
 * The run's view of the disk. Files do not change while a run without --fix reads them, so a
 * memo there is kept by key alone instead of re-reading every dependency on each call.
 */
class RunWorkspace extends Workspace {
  private readonly frozen = new Map<string, unknown>();
  private readonly provided = new Map<string, () => unknown>();
  /** False while --fix may rewrite files: then memo checks its dependencies as usual. */
  stable = true;

  /**
   * A value the run obtains another way for memo `key` (the threads share one test-mention
   * index), asked for the first time the key is needed; undefined from `provide` means compute it here.
   */
  provide(key: string, provide: () => unknown): void {
    this.provided.set(key, provide);
  }

  override memo<T>(key: string, deps: readonly string[], compute: () => T): T {
    if (!this.stable) return super.memo(key, deps, compute);
    if (this.frozen.has(key)) return this.frozen.get(key) as T;
    const value = (this.provided.get(key)?.() as T | undefined) ?? compute();
    this.frozen.set(key, value);
    return value;
  }
}

/** What checking a document needs: the configuration, the engine and a workspace over the disk. */
export class Checker {
  /** Text that wins over the disk: the --stdin text, the text being fixed. */
  readonly overlay = new Map<string, string>();
  readonly workspace: RunWorkspace;
  /** Facts about git for the commit rules; the caller gathers them when a commit message is checked. */
  host: HostFacts = {};
  /** Set by deferTestMentions(): the questions about test files, answered after the run (test-mentions.ts). */
  mentions?: DeferredTestMentions;

  constructor(readonly root: string, readonly config: ResolvedConfig, private readonly engine: CliEngine,
    listFiles: () => readonly string[], private readonly debug?: (message: string) => void, fixing = false) {
    // Like host/repo.ts's DiskWorkspace, but listFiles() is computed only if a rule asks for it.
    // A rule reading another file gets undefined for one over maxFileBytes, as if it were missing.
    this.workspace = new RunWorkspace(root, (rel) => this.overlay.get(rel) ?? readTextBounded(join(root, rel), config.maxFileBytes), listFiles);
    this.workspace.stable = !fixing;
  }

  /** Answers flags/experimental-untested's questions after the run (test-mentions.ts; not while fixing). */
  deferTestMentions(): DeferredTestMentions {
    const mentions = (this.mentions = new DeferredTestMentions());
    this.workspace.provide(TEST_MENTIONS_KEY, () => mentions);
    return mentions;
  }

  lint(relPath: string, kind: FileKind, text: string): Problem[] {
    const input = {
      document: { relPath, kind, text },
      workspace: this.workspace,
      config: this.config,
      host: this.host,
      onRuleError: this.debug && ((id: string, error: unknown) => this.debug!(`${relPath}: ${id} threw: ${error instanceof Error ? error.stack : String(error)}\n`)),
    };
    const mentions = this.mentions;
    if (!mentions) return this.engine.lint(input);
    mentions.begin(relPath, text);
    const analysis = this.engine.analyze?.(input);
    const problems = this.engine.lint(input, analysis);
    mentions.end(relPath, () => this.engine.lint(input, analysis));
    return problems;
  }
}

/** `walked` plus any of `more` it lacks, sorted; `walked` itself when nothing is missing. */
export function union(walked: string[], more: readonly string[]): string[] {
  const set = new Set(walked);
  const extra = more.filter((f) => !set.has(f));
  return extra.length === 0 ? walked : [...walked, ...extra].sort();
}

/**
 * Checks (and with `fix`, fixes in place) one file on disk. Undefined when it is not a regular
 * file (a FIFO, a link to a folder): such a path is not counted as checked.
 */
export function checkFile(checker: Checker, relPath: string, kind: FileKind, fix: boolean, report: Pick<LintReport, "fixed" | "writeFailures">): Problem[] | undefined {
  const { config } = checker;
  const abs = join(checker.root, relPath);
  const read = readForCheck(abs, config);
  if (!read) return undefined;
  if ("problems" in read) return read.problems;
  const { text, hadBom } = read;
  const problems = checker.lint(relPath, kind, text);
  if (!fix) return problems;

  checker.overlay.set(relPath, text);
  try {
    const fixed = fixUntilStable(text, problems, (text) => {
      checker.overlay.set(relPath, text);
      return checker.lint(relPath, kind, text);
    });
    if (fixed.applied === 0) return problems;
    try {
      writeFileAtomic(abs, hadBom ? Buffer.concat([UTF8_BOM, Buffer.from(fixed.text, "utf8")]) : fixed.text);
    } catch (e) {
      report.writeFailures.push({ relPath, message: e instanceof Error ? e.message : String(e) });
      return problems;
    }
    report.fixed.push({ relPath, fixes: fixed.applied });
    return fixed.problems;
  } finally {
    checker.overlay.delete(relPath);
  }
}
