/**
 * The disk side of the engine, shared by the CLI and the server: finding the repository root,
 * loading .llm-d-contrib.yaml, walking the tree with .gitignore respected, and a Workspace that
 * prefers editor buffers (an overlay) to disk.
 */
import { existsSync, readFileSync, readdirSync, statSync, type Dirent } from "node:fs";
import { dirname, isAbsolute, join, relative, resolve, sep } from "node:path";
import ignore, { type Ignore } from "ignore";
import { readBounded } from "./read";
import {
  CONFIG_FILE, DEFAULT_MAX_FILE_BYTES, Workspace, familySettingSpecs, knownRuleIds, parseConfigText, resolveConfig,
  type ConfigError, type RawConfig, type ResolvedConfig,
} from "../engine/index";

/** The nearest folder at or above `start` holding .git (or the config file); else `start` itself. */
export function findRepoRoot(start: string): string {
  let dir = resolve(start);
  try { if (!statSync(dir).isDirectory()) dir = dirname(dir); } catch { dir = dirname(dir); }
  for (let d = dir; ; d = dirname(d)) {
    if (existsSync(join(d, ".git")) || existsSync(join(d, CONFIG_FILE))) return d;
    if (dirname(d) === d) return dir;
  }
}

export interface LoadedConfig { raw: RawConfig; errors: ConfigError[]; path: string; text?: string }

/** Reads <root>/.llm-d-contrib.yaml; a missing file is no error. */
export function loadConfigFile(root: string, read: (abs: string) => string | undefined = readText): LoadedConfig {
  const path = join(root, CONFIG_FILE);
  const text = read(path);
  if (text === undefined) return { raw: {}, errors: [], path };
  return { ...parseConfigText(text, knownRuleIds(), familySettingSpecs()), path, text };
}

export function loadConfig(root: string, ...overrides: (RawConfig | undefined)[]): { config: ResolvedConfig; file: LoadedConfig } {
  const file = loadConfigFile(root);
  return { config: resolveConfig(file.raw, ...overrides), file };
}

function readText(abs: string): string | undefined {
  try { return readFileSync(abs, "utf8"); } catch { return undefined; }
}

/**
 * A file's text, or undefined when it is missing, unreadable, not a regular file, or larger than
 * `maxBytes` (checked with fstat before reading, so a huge file costs one system call). A UTF-8
 * byte order mark is dropped; invalid bytes become U+FFFD.
 */
export function readTextBounded(abs: string, maxBytes: number): string | undefined {
  const read = readBounded(abs, maxBytes);
  if (!("bytes" in read)) return undefined;
  const text = read.bytes.toString("utf8");
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

export function toRelPath(root: string, abs: string): string {
  return relative(root, abs).split(sep).join("/");
}

/** A gitignore text with at least one pattern: a line neither blank nor a comment (only a `#` in column 1 starts one). */
const HAS_PATTERN = /^(?:[^#\s]|[ \t]+\S)/m;

/** Folders never worth walking, whatever .gitignore says. */
const ALWAYS_SKIPPED = new Set([".git", "node_modules"]);

/** One set of ignore rules and where it applies: `prefix` is the length of its folder ("a/b/") in root-relative paths. */
interface IgnoreLevel { rules: Ignore; prefix: number }

/**
 * Every file under `dir` (repository-relative to `root`, sorted), honouring .gitignore files at
 * every level, .git/info/exclude and the extra `ignorePatterns` (gitignore syntax, from the config).
 * As in git, a deeper .gitignore wins over a shallower one (so `!name` can re-include a file),
 * info/exclude is weakest, and `ignorePatterns` have the last word. An ignored folder is not entered.
 * Symbolic links are listed as files and never followed.
 * With `nestedRoots`, a folder below the start holding .git or .llm-d-contrib.yaml (a repository of
 * its own) is not entered; its root-relative path is added to `nestedRoots` instead.
 */
export function walkFiles(root: string, dir: string = root, ignorePatterns: readonly string[] = [], nestedRoots?: string[]): string[] {
  const rootAbs = resolve(root);
  const start = resolve(dir);
  const startRel = toRelPath(rootAbs, start);
  const out: string[] = [];
  if (startRel === ".." || startRel.startsWith("../") || isAbsolute(startRel)) {
    // Outside the repository no ignore file applies; list paths relative to root all the same.
    walkDir(start, startRel + "/", [], () => false, out, undefined);
    return out.sort();
  }
  const exclude = readText(join(rootAbs, ".git", "info", "exclude"));
  // git init writes an exclude file of comments only: testing every path against it costs ~20% of the walk.
  const weakest = exclude && HAS_PATTERN.test(exclude) ? ignore().add(exclude) : undefined;
  const strongest = ignorePatterns.length > 0 ? ignore().add([...ignorePatterns]) : undefined;
  const isIgnored = (rel: string, levels: readonly IgnoreLevel[]): boolean => {
    let ignored = false;
    if (weakest) ignored = verdict(weakest, rel, ignored);
    for (const l of levels) ignored = verdict(l.rules, l.prefix === 0 ? rel : rel.slice(l.prefix), ignored);
    if (strongest) ignored = verdict(strongest, rel, ignored);
    return ignored;
  };
  // Rules of root and of every folder down to the start; an ignored folder on the way means nothing to list.
  let levels = withGitignore([], rootAbs, 0);
  let prefix = "";
  for (const segment of startRel === "" ? [] : startRel.split("/")) {
    prefix += segment + "/";
    if (ALWAYS_SKIPPED.has(segment) || isIgnored(prefix, levels)) return out;
    levels = withGitignore(levels, join(rootAbs, prefix), prefix.length);
  }
  walkDir(start, prefix, levels, isIgnored, out, nestedRoots, true);
  return out.sort();
}

/** ignore's verdict on one path, given the verdict of the weaker rules before it. */
function verdict(rules: Ignore, path: string, before: boolean): boolean {
  const t = rules.test(path);
  return t.ignored ? true : t.unignored ? false : before;
}

function withGitignore(levels: readonly IgnoreLevel[], absDir: string, prefix: number): IgnoreLevel[] {
  const text = readText(join(absDir, ".gitignore"));
  return text === undefined || !HAS_PATTERN.test(text) ? levels as IgnoreLevel[] : [...levels, { rules: ignore().add(text), prefix }];
}

function walkDir(abs: string, relPrefix: string, levels: IgnoreLevel[], isIgnored: (rel: string, levels: readonly IgnoreLevel[]) => boolean,
  out: string[], nestedRoots: string[] | undefined, isStart = false): void {
  let entries: Dirent[];
  try { entries = readdirSync(abs, { withFileTypes: true }); } catch { return; }
  if (nestedRoots && !isStart && entries.some((e) => e.name === ".git" || e.name === CONFIG_FILE)) {
    nestedRoots.push(relPrefix.slice(0, -1));
    return;
  }
  const rulesLoaded = isStart;
  // This folder's .gitignore applies to its entries (read only when the listing shows one).
  if (!rulesLoaded && relPrefix !== "" && !relPrefix.startsWith("..") && entries.some((e) => e.name === ".gitignore" && !e.isDirectory())) {
    levels = withGitignore(levels, abs, relPrefix.length);
  }
  for (const e of entries) {
    const name = e.name;
    if (e.isDirectory()) {
      if (ALWAYS_SKIPPED.has(name)) continue;
      const rel = relPrefix + name + "/";
      if (!isIgnored(rel, levels)) walkDir(abs + sep + name, rel, levels, isIgnored, out, nestedRoots);
    } else {
      const rel = relPrefix + name;
      if (!isIgnored(rel, levels)) out.push(rel);
    }
  }
}

/**
 * A Workspace over the disk of `root`, with an overlay of editor buffers that wins over disk.
 * `files` is the list listFiles() answers (the caller walks once and updates it).
 */
export class DiskWorkspace extends Workspace {
  readonly overlay = new Map<string, string>();
  files: string[] = [];
  /** Files larger than this read as missing (set it from the configuration's maxFileBytes). */
  maxFileBytes = DEFAULT_MAX_FILE_BYTES;
  constructor(root: string) {
    super(root, (rel) => this.overlay.get(rel) ?? readTextBounded(join(root, rel), this.maxFileBytes), () => this.files);
  }
}
