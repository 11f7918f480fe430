import type { FileKind } from "./types";
import type { ResolvedConfig } from "./config";

export const DEFAULT_PROPOSAL_FOLDERS = ["docs/proposals", "proposals"];
export const PROPOSAL_TEMPLATE_NAME = "PROPOSAL_TEMPLATE.md";
/** Files in a proposal folder that are indexes or the template, never proposals. */
const NOT_PROPOSALS = /^(readme|index|_index|proposal_template|template)\.(md|markdown)$/i;
const COMMIT_FILES = new Set(["COMMIT_EDITMSG", "MERGE_MSG", "SQUASH_MSG", "TAG_EDITMSG"]);

const BY_EXTENSION: Record<string, FileKind> = {
  go: "go", py: "python",
  js: "javascript", mjs: "javascript", cjs: "javascript", jsx: "javascript",
  ts: "typescript", mts: "typescript", cts: "typescript", tsx: "typescript",
  yaml: "yaml", yml: "yaml",
};

export function proposalFolders(config: ResolvedConfig): string[] {
  const configured = config.families.proposal?.folders;
  if (Array.isArray(configured) && configured.every((f) => typeof f === "string")) {
    return configured.map((f: string) => f.replace(/^\.?\/+|\/+$/g, ""));
  }
  return DEFAULT_PROPOSAL_FOLDERS;
}

/**
 * Which kind of file a repository-relative path is, or undefined when the product has nothing
 * to say about it. `languageId` (from an editor) wins for commit messages.
 */
export function detectKind(relPath: string, config: ResolvedConfig, languageId?: string): FileKind | undefined {
  if (languageId === "git-commit" || languageId === "scminput") return "commit-message";
  const slash = relPath.lastIndexOf("/");
  const base = relPath.slice(slash + 1);
  if (base === "OWNERS") return "owners";
  if (base === "OWNERS_ALIASES") return "owners-aliases";
  if (COMMIT_FILES.has(base)) return "commit-message";
  const dot = base.lastIndexOf(".");
  const ext = dot > 0 ? base.slice(dot + 1).toLowerCase() : "";
  if (ext === "md" || ext === "markdown") {
    const dir = slash === -1 ? "" : relPath.slice(0, slash);
    const excluded = NOT_PROPOSALS.test(base);
    // A README one folder down is a proposal of its own (GIE style `proposals/NNN-name/README.md`);
    // the proposal folder's own README is its index.
    const readmeOfFolder = excluded && /^readme\.(md|markdown)$/i.test(base);
    if (excluded && !readmeOfFolder) return undefined;
    for (const folder of proposalFolders(config)) {
      const inside = dir.startsWith(folder + "/") || dir.includes("/" + folder + "/");
      if (readmeOfFolder ? inside : inside || dir === folder || dir.endsWith("/" + folder)) return "proposal";
    }
    return undefined;
  }
  return BY_EXTENSION[ext];
}
