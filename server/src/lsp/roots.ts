/**
 * Documents and workspace: which repository a document belongs to, its repository-relative
 * path and file kind, and per repository the disk workspace (with the editor-buffer overlay),
 * the resolved configuration and the file list.
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import { basename, join, relative, sep } from "node:path";
import { URI } from "vscode-uri";
import {
  CONFIG_FILE, Workspace, defaultConfig, detectKind, resolveConfig,
  type ConfigError, type FileKind, type HostFacts, type LintInput, type RawConfig, type ResolvedConfig,
} from "../engine/index";
import { findRepoRoot, loadConfigFile, toRelPath, walkFiles } from "../host/repo";

/**
 * The workspace a rule sees: open buffers (the overlay) over the disk, with disk reads cached
 * and revalidated by a stat (size and mtime), since rules read the same files on every keystroke.
 * It also notes whether a rule asked for the file list.
 */
export class TrackedWorkspace extends Workspace {
  /** Open editor buffers by repository-relative path; they win over disk. */
  readonly overlay = new Map<string, string>();
  files: string[] = [];
  /** Set when listFiles() was called; the checker resets it around each lint. */
  listed = false;
  private walked = false;
  private readonly disk = new Map<string, { size: number; mtimeMs: number; text: string | undefined }>();
  private cachedChars = 0;

  constructor(root: string, private readonly ignorePatterns: () => readonly string[]) {
    super(root, (rel, once) => this.overlay.get(rel) ?? this.readDisk(rel, once), () => this.files);
  }

  /** `once`: an index build reading many files; it uses the cache but does not fill it. */
  private readDisk(rel: string, once: boolean): string | undefined {
    const abs = join(this.root!, rel);
    let st;
    try { st = statSync(abs); } catch { this.drop(rel); return undefined; }
    if (!st.isFile()) return undefined;
    const hit = this.disk.get(rel);
    if (hit && hit.size === st.size && hit.mtimeMs === st.mtimeMs) {
      this.disk.delete(rel); // most recently used goes last
      this.disk.set(rel, hit);
      return hit.text;
    }
    let text: string | undefined;
    try { text = readFileSync(abs, "utf8"); } catch { text = undefined; }
    this.drop(rel);
    if (once) return text;
    this.disk.set(rel, { size: st.size, mtimeMs: st.mtimeMs, text });
    this.cachedChars += text?.length ?? 0;
    for (const k of this.disk.keys()) {
      if (this.cachedChars <= MAX_CACHED_CHARS) break;
      this.drop(k); // least recently used first
    }
    return text;
  }

  private drop(rel: string): void {
    const hit = this.disk.get(rel);
    if (!hit) return;
    this.cachedChars -= hit.text?.length ?? 0;
    this.disk.delete(rel);
  }

  override listFiles(): readonly string[] {
    this.listed = true;
    if (!this.walked) this.refreshFiles();
    return super.listFiles();
  }
  /** Walks the repository again (gitignore respected) and returns the file list. */
  refreshFiles(): string[] {
    this.files = walkFiles(this.root!, this.root!, this.ignorePatterns());
    this.walked = true;
    return this.files;
  }
  /** Files were created or deleted: walk again at the next listFiles(). */
  invalidateFiles(): void { this.walked = false; }
}

/**
 * Upper bound of the disk-read cache of one repository, in UTF-16 code units (8–16 MB). What rules
 * re-read on every keystroke (templates, aliases, OWNERS files, a Go package's siblings) is far less.
 */
const MAX_CACHED_CHARS = 8 * 1024 * 1024;

/** Settings the editor gives (VS Code's `llm-d-contrib.*` and `git.alwaysSignOff`). */
export interface EditorSettings {
  /** Layered over .llm-d-contrib.yaml; editor settings win. */
  layer: RawConfig;
  workspaceScan: boolean;
  alwaysSignOff?: boolean;
}
export const DEFAULT_SETTINGS: EditorSettings = { layer: {}, workspaceScan: true };

/** One repository: its root folder, configuration and workspace. */
export class RepoRoot {
  readonly uri: string;
  readonly workspace: TrackedWorkspace;
  config: ResolvedConfig = defaultConfig();
  configErrors: ConfigError[] = [];
  settings: EditorSettings = DEFAULT_SETTINGS;
  host: HostFacts = {};
  /** Workspace folders (absolute) that map to this repository; the scan covers these. */
  readonly folders = new Set<string>();
  /** Repository-relative paths the last workspace scan checked. */
  scanned = new Set<string>();

  constructor(readonly path: string) {
    this.uri = URI.file(path).toString();
    this.workspace = new TrackedWorkspace(path, () => this.config.ignore);
  }

  get configPath(): string { return join(this.path, CONFIG_FILE); }
  get configUri(): string { return URI.file(this.configPath).toString(); }

  /** Re-reads .llm-d-contrib.yaml (an open editor buffer wins over disk) and layers the editor settings over it. */
  reloadConfig(): void {
    const file = loadConfigFile(this.path, (abs) => abs === this.configPath ? this.workspace.overlay.get(CONFIG_FILE) ?? this.workspace.readFile(CONFIG_FILE) : undefined);
    this.workspace.takeReads();
    this.config = resolveConfig(file.raw, this.settings.layer);
    this.configErrors = file.errors;
  }

  /** Repository-relative paths of the files of known kind inside this root's workspace folders. */
  scanTargets(): string[] {
    const files = this.workspace.refreshFiles();
    const prefixes = [...this.folders].map((f) => toRelPath(this.path, f)).map((p) => (p === "" ? "" : p + "/"));
    return files.filter((rel) => rel !== CONFIG_FILE && prefixes.some((p) => rel.startsWith(p)) && detectKind(rel, this.config) !== undefined);
  }

  absPath(relPath: string): string { return join(this.path, relPath); }
  uriOf(relPath: string): string { return URI.file(this.absPath(relPath)).toString(); }
}

/** What the server knows about one document (open in the editor or found by the scan). */
export interface DocIdentity {
  /** Internal key: the absolute path for files, the URI for everything else. */
  key: string;
  uri: string;
  root: RepoRoot | undefined;
  relPath: string;
  kind: FileKind;
  languageId?: string;
  /** Files on disk are in the overlay while open; untitled buffers and the SCM input are not. */
  onDisk: boolean;
}

const UNTITLED_KIND: Record<string, FileKind> = {
  "owners": "owners", "owners-aliases": "owners-aliases",
  "go": "go", "python": "python", "javascript": "javascript", "typescript": "typescript", "yaml": "yaml",
  "git-commit": "commit-message", "scminput": "commit-message",
};
const UNTITLED_NAME: Partial<Record<FileKind, string>> = {
  "owners": "OWNERS", "owners-aliases": "OWNERS_ALIASES", "commit-message": ".git/COMMIT_EDITMSG",
  "go": "untitled.go", "python": "untitled.py", "javascript": "untitled.js", "typescript": "untitled.ts", "yaml": "untitled.yaml",
};

function hasMarker(dir: string): boolean {
  return existsSync(join(dir, ".git")) || existsSync(join(dir, CONFIG_FILE));
}

function isInside(folder: string, abs: string): boolean {
  const rel = relative(folder, abs);
  return rel === "" || (!rel.startsWith("..") && !rel.startsWith(sep) && !/^[a-zA-Z]:/.test(rel));
}

/** The workspace folders and the repositories found in them. */
export class Roots {
  private readonly folders: string[] = [];
  private readonly byPath = new Map<string, RepoRoot>();
  /** Called when a repository is seen for the first time (load its settings and config). */
  onNewRoot: (root: RepoRoot) => void = () => {};

  all(): RepoRoot[] { return [...this.byPath.values()]; }

  addFolder(folderUri: string): RepoRoot | undefined {
    const u = URI.parse(folderUri);
    if (u.scheme !== "file") return undefined;
    const folder = u.fsPath;
    if (!this.folders.includes(folder)) this.folders.push(folder);
    const root = this.rootAt(hasMarker(findRepoRoot(folder)) ? findRepoRoot(folder) : folder);
    root.folders.add(folder);
    return root;
  }

  /** Forgets a workspace folder; returns the repository when no folder maps to it any more. */
  removeFolder(folderUri: string): RepoRoot | undefined {
    const folder = URI.parse(folderUri).fsPath;
    const i = this.folders.indexOf(folder);
    if (i !== -1) this.folders.splice(i, 1);
    for (const root of this.byPath.values()) {
      if (root.folders.delete(folder) && root.folders.size === 0) {
        this.byPath.delete(root.path);
        return root;
      }
    }
    return undefined;
  }

  private rootAt(path: string): RepoRoot {
    let root = this.byPath.get(path);
    if (!root) {
      root = new RepoRoot(path);
      this.byPath.set(path, root);
      this.onNewRoot(root);
    }
    return root;
  }

  /** The repository of an absolute path: inside a workspace folder (or, with no folder open, inside a git repository). */
  rootForPath(abs: string): RepoRoot | undefined {
    const folder = this.folders.filter((f) => isInside(f, abs)).sort((a, b) => b.length - a.length)[0];
    if (folder === undefined && this.folders.length > 0) return undefined;
    // Both are ancestors of abs: the repository may sit inside the folder or hold it.
    const found = findRepoRoot(abs);
    if (hasMarker(found)) return this.rootAt(found);
    return folder === undefined ? undefined : this.rootAt(folder);
  }

  /** The root holding an absolute path's .llm-d-contrib.yaml, when the path is one. */
  rootOfConfig(abs: string): RepoRoot | undefined {
    if (basename(abs) !== CONFIG_FILE) return undefined;
    const root = this.rootForPath(abs);
    return root && root.configPath === abs ? root : undefined;
  }

  /**
   * Identifies a document the editor opened, or undefined when the product has nothing to say
   * about it (outside the workspace, or a kind detectKind does not know).
   */
  identify(uri: string, languageId?: string): DocIdentity | undefined {
    const u = URI.parse(uri);
    if (languageId === "scminput" || u.scheme === "vscode-scm") {
      const rootUri = new URLSearchParams(u.query).get("rootUri");
      const root = rootUri ? this.rootForPath(URI.parse(rootUri).fsPath) : this.all()[0];
      return { key: uri, uri, root, relPath: ".git/COMMIT_EDITMSG", kind: "commit-message", languageId: "scminput", onDisk: false };
    }
    if (u.scheme === "file") {
      const abs = u.fsPath;
      const root = this.rootForPath(abs);
      if (!root) return undefined;
      const relPath = toRelPath(root.path, abs);
      if (relPath === CONFIG_FILE) return undefined; // read as configuration, not linted
      const kind = detectKind(relPath, root.config, languageId);
      if (!kind) return undefined;
      return { key: abs, uri, root, relPath, kind, languageId, onDisk: true };
    }
    // untitled: and other in-memory schemes: by language id only.
    const kind = languageId ? UNTITLED_KIND[languageId] : undefined;
    if (!kind) return undefined;
    return { key: uri, uri, root: this.all()[0], relPath: UNTITLED_NAME[kind]!, kind, languageId, onDisk: false };
  }

  /** Identity of a file found on disk (workspace scan, watched-file events). */
  identifyFile(root: RepoRoot, relPath: string): DocIdentity | undefined {
    if (relPath === CONFIG_FILE) return undefined;
    const kind = detectKind(relPath, root.config);
    if (!kind) return undefined;
    const abs = root.absPath(relPath);
    return { key: abs, uri: URI.file(abs).toString(), root, relPath, kind, onDisk: true };
  }
}

/** The engine's input for one document and text. */
export function lintInput(id: DocIdentity, text: string, onRuleError?: LintInput["onRuleError"]): LintInput {
  const root = id.root;
  return {
    document: { relPath: id.relPath, kind: id.kind, text, languageId: id.languageId },
    workspace: root?.workspace ?? emptyWorkspace(),
    config: root?.config ?? defaultConfig(),
    host: root?.host ?? {},
    onRuleError,
  };
}

let empty: Workspace | undefined;
/** For documents outside any repository (an untitled buffer with no folder open). */
function emptyWorkspace(): Workspace {
  return (empty ??= new Workspace(undefined, () => undefined));
}
