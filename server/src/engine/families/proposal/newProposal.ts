/**
 * The pure part of the "New Proposal" command (client/src/commands/proposal.ts): the file name
 * from the title, the folder, and the template with the title filled in. The command does the
 * I/O; this decides, so it is unit-tested without VS Code.
 */
import { PROPOSAL_TEMPLATE_NAME } from "../../fileKind";
import { BUILTIN_TEMPLATE_TEXT } from "./builtinTemplate";
import { templateCandidates } from "./locate";
import { snakeName } from "./names";
import { scanOutline } from "./scan";

/** Files in a proposal folder that are not proposals, so they say nothing of its naming style. */
const NOT_PROPOSALS = /^(readme|index|_index|proposal_template|template)\.(md|markdown)$/i;

/**
 * The new file's name from the title. snake_case, as CONTRIBUTING.md's example
 * (docs/proposals/disaggregated_serving.md); kebab-case when most proposals already in the folder
 * are kebab-case (llm-d/llm-d's are: autoscaler.md, llm-d-async.md...), so the new one fits in.
 * Empty when the title has no letters or digits.
 */
export function proposalFileName(title: string, siblings: readonly string[] = []): string {
  const snake = snakeName(title);
  if (!snake) return "";
  let kebab = 0, snakeCount = 0;
  for (const name of siblings) {
    if (!/\.(md|markdown)$/i.test(name) || NOT_PROPOSALS.test(name)) continue;
    const base = name.replace(/\.[^.]+$/, "");
    if (base.includes("-") && !base.includes("_")) kebab++;
    else if (base.includes("_") && !base.includes("-")) snakeCount++;
  }
  return `${kebab > snakeCount ? snake.replace(/_/g, "-") : snake}.md`;
}

/**
 * The folder a new proposal goes in: among the configured proposal folders (docs/proposals and
 * proposals by default), one that exists and holds the template, else one that exists, else the
 * first configured.
 */
export function chooseProposalFolder(folders: readonly string[], isFolder: (relPath: string) => boolean, isFile: (relPath: string) => boolean): string {
  const existing = folders.filter((f) => isFolder(f));
  return existing.find((f) => isFile(`${f}/${PROPOSAL_TEMPLATE_NAME}`)) ?? existing[0] ?? folders[0] ?? "docs/proposals";
}

/**
 * The template with the title in place of its placeholder H1 (added on top when it has none),
 * and without the note to template users that comes before the title ("Copy this file as a
 * template...") when only comments precede it.
 */
export function fillTemplate(template: string, title: string): string {
  const clean = title.replace(/\s+/g, " ").trim();
  const outline = scanOutline(template);
  const h1 = outline.headings.find((h) => h.level === 1 && !h.setext);
  const lines = outline.lines;
  if (!h1) return `# ${clean}\n\n${template}`;
  const before = outline.headings[0] === h1 && !outline.preambleHasContent ? h1.line : 0;
  const out = [...lines.slice(before, h1.line), `# ${clean}`, ...lines.slice(h1.line + 1)];
  return out.join("\n");
}

export type NewProposalPlan = { relPath: string; content: string; templatePath: string | undefined } | { error: string };

export interface NewProposalInput {
  title: string;
  /** Configured proposal folders (proposalFolders(config)). */
  folders: readonly string[];
  isFolder(relPath: string): boolean;
  /** Text of a repository file, or undefined when it does not exist. */
  readFile(relPath: string): string | undefined;
  /** File names in a folder. */
  list(relPath: string): readonly string[];
}

/** Decides the new proposal's path and text, or why there is none (an existing file is never overwritten). */
export function planNewProposal(input: NewProposalInput): NewProposalPlan {
  const isFile = (p: string) => input.readFile(p) !== undefined;
  const folder = chooseProposalFolder(input.folders, input.isFolder, isFile);
  const name = proposalFileName(input.title, input.isFolder(folder) ? input.list(folder) : []);
  if (!name) return { error: "The title needs letters or digits to name the file after." };
  const relPath = `${folder}/${name}`;
  if (isFile(relPath)) return { error: `${relPath} already exists; it was left as it is. Choose another title.` };
  let templatePath: string | undefined;
  let template = BUILTIN_TEMPLATE_TEXT;
  for (const candidate of templateCandidates(relPath, input.folders)) {
    const text = input.readFile(candidate);
    if (text !== undefined) { template = text; templatePath = candidate; break; }
  }
  return { relPath, content: fillTemplate(template, input.title), templatePath };
}
