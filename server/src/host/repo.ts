/**
 * The disk side of the engine, shared by the CLI and the server: finding the repository root,
 * loading .llm-d-contrib.yaml, walking the tree with .gitignore respected, and a Workspace that
 * prefers editor buffers (an overlay) to disk.
 */
import { readFileSync, existsSync, statSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import { fdir } from "fdir";
import ignore, { type Ignore } from "ignore";
import {
  CONFIG_FILE, Workspace, knownRuleIds, parseConfigText, resolveConfig,
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
  return { ...parseConfigText(text, knownRuleIds()), path, text };
}

export function loadConfig(root: string, ...overrides: (RawConfig | undefined)[]): { config: ResolvedConfig; file: LoadedConfig } {
  const file = loadConfigFile(root);
  return { config: resolveConfig(file.raw, ...overrides), file };
}

function readText(abs: string): string | undefined {
  try { return readFileSync(abs, "utf8"); } catch { return undefined; }
}

export function toRelPath(root: string, abs: string): string {
  return relative(root, abs).split(sep).join("/");
}

/** Folders never worth walking, whatever .gitignore says. */
const ALWAYS_SKIPPED = new Set([".git", "node_modules"]);

/**
 * Every file under `dir` (repository-relative to `root`), honouring .gitignore files at every
 * level, .git/info/exclude and the extra `ignorePatterns` (gitignore syntax, from the config).
 */
export function walkFiles(root: string, dir: string = root, ignorePatterns: readonly string[] = []): string[] {
  const rules = new Map<string, Ignore | null>(); // folder (relative, "" for root) → its .gitignore
  const base = ignore().add([...ignorePatterns]);
  const exclude = readText(join(root, ".git", "info", "exclude"));
  if (exclude) base.add(exclude);
  const rulesFor = (relDir: string): Ignore | null => {
    let r = rules.get(relDir);
    if (r === undefined) {
      const text = readText(join(root, relDir, ".gitignore"));
      r = text === undefined ? null : ignore().add(text);
      rules.set(relDir, r);
    }
    return r;
  };
  /** Whether a path relative to root (folders end with "/") is ignored by the root rules or any ancestor's .gitignore. */
  const ignored = (rel: string): boolean => {
    if (base.ignores(rel)) return true;
    const isDir = rel.endsWith("/");
    const parts = (isDir ? rel.slice(0, -1) : rel).split("/");
    for (let i = 0; i < parts.length; i++) {
      const r = rulesFor(parts.slice(0, i).join("/"));
      if (r && r.ignores(parts.slice(i).join("/") + (isDir ? "/" : ""))) return true;
    }
    return false;
  };
  const start = resolve(dir);
  const files = new fdir()
    .withFullPaths()
    .exclude((name, path) => {
      if (ALWAYS_SKIPPED.has(name)) return true;
      const rel = toRelPath(root, path);
      return rel !== "" && !rel.startsWith("..") && ignored(rel.replace(/\/?$/, "/"));
    })
    .filter((path) => {
      const rel = toRelPath(root, path);
      return rel.startsWith("..") || !ignored(rel);
    })
    .crawl(start)
    .sync();
  return files.map((abs) => toRelPath(root, abs)).sort();
}

/**
 * A Workspace over the disk of `root`, with an overlay of editor buffers that wins over disk.
 * `files` is the list listFiles() answers (the caller walks once and updates it).
 */
export class DiskWorkspace extends Workspace {
  readonly overlay = new Map<string, string>();
  files: string[] = [];
  constructor(root: string) {
    super(root, (rel) => this.overlay.get(rel) ?? readText(join(root, rel)), () => this.files);
  }
}
