/**
 * The rules engine's vocabulary. Nothing here (or anywhere under engine/) may import
 * `vscode` or an LSP package: the same rules run in the server, the CLI, tests and benchmarks.
 * Positions are zero-based, with `character` counted in UTF-16 code units, as in LSP.
 */

export type Severity = "error" | "warning" | "info" | "hint";
export type SeveritySetting = Severity | "off";

export interface Position { line: number; character: number }
export interface Range { start: Position; end: Position }
export interface TextEdit { range: Range; newText: string }

/** The kinds of file the product understands; each kind is read by exactly one family. */
export type FileKind =
  | "owners" | "owners-aliases"
  | "proposal"
  | "go" | "python" | "javascript" | "typescript" | "yaml"
  | "commit-message";

export interface Fix {
  title: string;
  /** Edits to the document the finding is in. */
  edits: TextEdit[];
  /** Edits to other files (repository-relative paths), e.g. renaming a flag everywhere. */
  otherFiles?: { relPath: string; edits: TextEdit[] }[];
  /**
   * Edits to other files that are costly to find (they search the whole workspace): computed only
   * when an editor asks for this fix's edit. Batch runs never call it, and `lint --fix` never
   * applies a fix that has it.
   */
  resolveOtherFiles?: () => { relPath: string; edits: TextEdit[] }[];
  /** Rename the document itself to this repository-relative path. */
  renameTo?: string;
  /** The fix an editor should offer first. */
  isPreferred?: boolean;
  /** Safe to apply without a human looking (`llm-d-contrib lint --fix`). */
  safe?: boolean;
}

/** What a rule returns. Severity is the rule's default unless the finding says otherwise. */
export interface Finding {
  range: Range;
  message: string;
  severity?: Severity;
  fixes?: Fix[];
}

/** A finding after configuration: what front ends show. */
export interface Problem extends Finding {
  ruleId: string;
  severity: Severity;
}

export interface SourceDocument {
  /** Repository-relative path with forward slashes ("docs/proposals/x.md"). */
  relPath: string;
  kind: FileKind;
  text: string;
  /** The editor's language id, when an editor opened it. */
  languageId?: string;
}

export interface Identity { name: string; email: string }

/** Facts about the machine the caller gathered (the engine never runs git itself). */
export interface HostFacts {
  /** Who will author and commit (git var GIT_AUTHOR_IDENT / GIT_COMMITTER_IDENT). */
  gitAuthor?: Identity;
  gitCommitter?: Identity;
  /** VS Code's git.alwaysSignOff: git will add the sign-off itself. */
  alwaysSignOff?: boolean;
  /** git's core.commentString / core.commentChar (default "#"; "auto" when git picks one). */
  commentChar?: string;
  /** A merge is in progress (MERGE_HEAD exists): the message being written is a merge commit's. */
  merging?: boolean;
}

/**
 * A read-only view of the repository. The caller decides where text comes from
 * (open editor buffers first, then disk); reads are recorded so the caller can re-check
 * a document when a file it read changes.
 */
export interface WorkspaceView {
  /** Absolute path of the repository root, when there is one. */
  readonly root: string | undefined;
  /**
   * Text of a repository-relative file, or undefined when it does not exist or cannot be read.
   * `once`: a read for a one-off index over many files, which a front end need not keep in a cache.
   */
  readFile(relPath: string, hint?: { once?: boolean }): string | undefined;
  /** Every repository-relative file path the caller knows (respecting .gitignore). */
  listFiles(): readonly string[];
  /**
   * Cache a value derived from files (a parsed template, the alias table...). It is
   * recomputed when the text of any file in `deps` changed since it was computed; the dependency
   * FILE_LIST stands for the list listFiles() answers (a file created or deleted).
   */
  memo<T>(key: string, deps: readonly string[], compute: () => T): T;
}

/** A memo dependency meaning "the list of files", for values built from every file of some kind. */
export const FILE_LIST = "\u0000file-list";

export interface RuleContext {
  document: SourceDocument;
  workspace: WorkspaceView;
  host: HostFacts;
  /** The family's settings from .llm-d-contrib.yaml / editor settings (defaults applied by the family). */
  settings: Record<string, unknown>;
  /** This rule's own options (the object form of its entry under `rules:`). */
  options: Record<string, unknown>;
}

export interface Rule<P> {
  /** Stable id, "family/name"; also the doc page docs/rules/<family>-<name>.md. */
  id: string;
  description: string;
  defaultSeverity: Severity;
  /** Whether some findings carry fixes. */
  fixable?: boolean;
  check(parsed: P, ctx: RuleContext): Finding[];
}

export interface Location { relPath: string; range: Range }

export interface CompletionEntry {
  label: string;
  kind: "keyword" | "value" | "reference" | "snippet" | "text";
  detail?: string;
  documentation?: string;
  /** Plain text to insert (defaults to label); `snippet` true when it uses ${1:...} placeholders. */
  insertText?: string;
  snippet?: boolean;
  /** Range to replace; defaults to the word at the cursor. */
  range?: Range;
}

export interface SymbolEntry {
  name: string;
  kind: "section" | "key" | "alias" | "person" | "flag" | "field";
  range: Range;
  selectionRange: Range;
  children?: SymbolEntry[];
}

/** Editor features a family may offer beyond diagnostics; all pure, like rules. */
export interface LanguageFeatures<P> {
  completions?(parsed: P, at: Position, ctx: RuleContext): CompletionEntry[];
  hover?(parsed: P, at: Position, ctx: RuleContext): { markdown: string; range?: Range } | undefined;
  symbols?(parsed: P, ctx: RuleContext): SymbolEntry[];
  definition?(parsed: P, at: Position, ctx: RuleContext): Location[];
  references?(parsed: P, at: Position, ctx: RuleContext): Location[];
  /** Edits per repository-relative path for renaming the symbol at `at`, or undefined if nothing renameable is there. */
  rename?(parsed: P, at: Position, newName: string, ctx: RuleContext): { relPath: string; edits: TextEdit[] }[] | undefined;
}

/** One family: the kinds it reads, its single parser, its rules and editor features. */
/** One setting of a family's section of .llm-d-contrib.yaml (`flags: { evidenceWords: [...] }`). */
export interface SettingSpec {
  type: "list of texts" | "boolean" | "whole number" | "text";
  description: string;
}

export interface Family<P> {
  name: string;
  kinds: readonly FileKind[];
  /** The settings its section may hold; anything else is reported where it is written. */
  settings?: Readonly<Record<string, SettingSpec>>;
  /** Run once per document version; its result is shared by every rule of the family. Must not throw on any text. */
  parse(doc: SourceDocument, ctx: Omit<RuleContext, "options">): P;
  rules: readonly Rule<P>[];
  features?: LanguageFeatures<P>;
}
