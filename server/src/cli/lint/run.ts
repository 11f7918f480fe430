/**
 * The core of `llm-d-contrib lint`, with its outside world passed in (CliIo, CliEngine) so that
 * unit tests drive it with a fake family: find the repository, load the configuration, collect
 * the files, check each one, apply safe fixes, and say which files need attention.
 */
import { readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import {
  CONFIG_FILE, decodeFile, detectKind, Workspace,
  type FileKind, type HostFacts, type Problem, type ResolvedConfig,
} from "../../engine/index";
import { findRepoRoot, toRelPath, walkFiles } from "../../host/repo";
import type { CliEngine } from "../engine";
import { UsageError } from "../errors";
import type { CliIo } from "../io";
import { Progress } from "../progress";
import { internalProblem, loadRepoConfig } from "./config";
import { fixUntilStable, writeFileAtomic } from "./fix";
import { readBounded } from "./read";
import { collectFiles, resolveTargets } from "./targets";
import type { FileProblems, LintOptions, LintReport } from "./types";

const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/** Facts about git and the editor for commit rules. */
function hostFacts(_root: string): HostFacts {
  return {}; // TODO(lead): return gatherHostFacts(root) from server/src/host/git.ts once the commit helper lands it.
}

/** What checking one document needs, shared by the file loop, --stdin and --fix. */
class Checker {
  readonly overlay = new Map<string, string>();
  readonly workspace: Workspace;
  private readonly host: HostFacts;

  constructor(readonly root: string, readonly config: ResolvedConfig, private readonly engine: CliEngine, listFiles: () => readonly string[], private readonly io: CliIo) {
    // Editor-less DiskWorkspace: the overlay holds --stdin text and the text being fixed.
    this.workspace = new Workspace(root, (rel) => this.overlay.get(rel) ?? readText(join(root, rel)), listFiles);
    this.host = hostFacts(root);
  }

  lint(relPath: string, kind: FileKind, text: string): Problem[] {
    return this.engine.lint({
      document: { relPath, kind, text },
      workspace: this.workspace,
      config: this.config,
      host: this.host,
      onRuleError: (id, error) => {
        if (this.io.env.LLM_D_CONTRIB_DEBUG) this.io.stderr.write(`${relPath}: ${id} threw: ${error instanceof Error ? error.stack : String(error)}\n`);
      },
    });
  }
}

function readText(abs: string): string | undefined {
  try { return readFileSync(abs, "utf8"); } catch { return undefined; }
}

/** Runs the checks and returns what was found; never writes to stdout. */
export async function lintRepository(options: LintOptions, io: CliIo, engine: CliEngine): Promise<LintReport> {
  const knownIds = new Set(engine.rules().map((r) => r.id));
  if (options.stdin) return lintStdin(options, io, engine, knownIds);
  if (options.stdinFilename !== undefined) throw new UsageError("--stdin-filename only makes sense with --stdin", "lint");

  const targets = resolveTargets(options.paths, io.cwd);
  const { root } = targets;
  const { config, problems: configProblems } = loadRepoConfig(root, knownIds);
  const { files, wholeRepo } = collectFiles(targets, config.ignore);

  // listFiles(): the whole repository (walked only if a rule asks), plus files named explicitly even if ignored.
  let everyFile: readonly string[] | undefined = wholeRepo ? files : undefined;
  const checker = new Checker(root, config, engine, () => (everyFile ??= union(walkFiles(root, root, config.ignore), files)), io);
  const report: LintReport = { root, checked: 0, results: [], fixed: [], writeFailures: [] };
  if (configProblems.length > 0) report.results.push({ relPath: CONFIG_FILE, problems: configProblems });

  const progress = new Progress(io.stderr, io.now, files.length);
  try {
    for (let i = 0; i < files.length; i++) {
      const relPath = files[i];
      const kind = detectKind(relPath, config);
      if (kind !== undefined) {
        const problems = checkFile(checker, relPath, kind, options.fix === true, report);
        if (problems !== undefined) {
          report.checked++;
          if (problems.length > 0) report.results.push({ relPath, problems });
        }
      }
      progress.tick(i + 1);
    }
  } finally {
    progress.end();
  }
  return report;
}

/** Checks (and with `fix`, fixes) one file on disk; undefined when it is not a regular file. */
function checkFile(checker: Checker, relPath: string, kind: FileKind, fix: boolean, report: LintReport): Problem[] | undefined {
  const { config } = checker;
  const abs = join(checker.root, relPath);
  const read = readBounded(abs, config.maxFileBytes);
  if ("notAFile" in read) return undefined;
  if ("error" in read) return only(internalProblem(config, "internal/unreadable", `skipped: could not read the file (${read.error})`));
  if ("tooLarge" in read) {
    return only(internalProblem(config, "internal/too-large", `skipped: too large (${read.tooLarge} bytes; the limit maxFileBytes is ${config.maxFileBytes})`));
  }
  const decoded = decodeFile(read.bytes);
  if ("problem" in decoded) return only(internalProblem(config, decoded.problem.ruleId, decoded.problem.message, decoded.problem.range));
  const problems = checker.lint(relPath, kind, decoded.text);
  if (!fix) return problems;

  checker.overlay.set(relPath, decoded.text);
  try {
    const fixed = fixUntilStable(decoded.text, problems, (text) => {
      checker.overlay.set(relPath, text);
      return checker.lint(relPath, kind, text);
    });
    if (fixed.applied === 0) return problems;
    const hadBom = read.bytes.length >= 3 && read.bytes[0] === 0xef && read.bytes[1] === 0xbb && read.bytes[2] === 0xbf;
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

function only(p: Problem | undefined): Problem[] {
  return p ? [p] : [];
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
  const checker = new Checker(root, config, engine, () => (everyFile ??= union(walkFiles(root, root, config.ignore), [relPath])), io);
  const report: LintReport = { root, checked: 0, results: [], fixed: [], writeFailures: [] };
  if (configProblems.length > 0) report.results.push({ relPath: CONFIG_FILE, problems: configProblems });
  const kind = detectKind(relPath, config);
  if (options.fix) report.stdinOutput = text;
  if (kind === undefined) return report;

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

function union(walked: string[], more: readonly string[]): string[] {
  const set = new Set(walked);
  const extra = more.filter((f) => !set.has(f));
  return extra.length === 0 ? walked : [...walked, ...extra].sort();
}
