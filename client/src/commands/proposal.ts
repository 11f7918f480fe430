/**
 * "llm-d: New Proposal": asks for a title, creates the proposal in the repository's proposal
 * folder from its PROPOSAL_TEMPLATE.md (else llm-d's), with the title filled in and a descriptive
 * file name, never over an existing file, and opens it. The decisions are the engine's
 * (families/proposal/newProposal.ts); this file only reads and writes through VS Code.
 */
import * as vscode from "vscode";
import type { LanguageClient } from "vscode-languageclient/node";
import { CONFIG_FILE, parseConfigText, resolveConfig, type RawConfig } from "../../../server/src/engine/config";
import { proposalFolders } from "../../../server/src/engine/fileKind";
import { planNewProposal } from "../../../server/src/engine/families/proposal/newProposal";
import { snakeName } from "../../../server/src/engine/families/proposal/names";

const COMMAND = "llm-d-contrib.newProposal";

export function registerProposalCommands(context: vscode.ExtensionContext, _client: LanguageClient): void {
  context.subscriptions.push(vscode.commands.registerCommand(COMMAND, (arg?: { title?: unknown }) => newProposal(arg)));
}

/** The workspace folder to create the proposal in: the active editor's, else the only or the chosen one. */
async function targetFolder(): Promise<vscode.WorkspaceFolder | undefined> {
  const active = vscode.window.activeTextEditor?.document.uri;
  const own = active && vscode.workspace.getWorkspaceFolder(active);
  if (own) return own;
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.length <= 1) return folders[0];
  return vscode.window.showWorkspaceFolderPick({ placeHolder: "Repository to add the proposal to" });
}

async function readText(uri: vscode.Uri): Promise<string | undefined> {
  try {
    return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  } catch {
    return undefined;
  }
}

async function newProposal(arg?: { title?: unknown }): Promise<vscode.Uri | undefined> {
  const root = await targetFolder();
  if (!root) {
    void vscode.window.showErrorMessage("Open the repository's folder first: a proposal is created in its proposal folder.");
    return undefined;
  }
  const title = typeof arg?.title === "string" && arg.title.trim() ? arg.title : await vscode.window.showInputBox({
    title: "New Proposal",
    prompt: "The proposal's title; the file is named after it.",
    placeHolder: "Disaggregated prefill and decode serving",
    validateInput: (v) => (snakeName(v) ? undefined : "Type a title with letters or digits."),
  });
  if (!title) return undefined;

  // Proposal folders as the server sees them: .llm-d-contrib.yaml, then the editor's settings.
  const at = (rel: string) => vscode.Uri.joinPath(root.uri, ...rel.split("/"));
  const configText = await readText(at(CONFIG_FILE));
  const fromFile: RawConfig = configText === undefined ? {} : parseConfigText(configText, new Set()).raw;
  const fromEditor = vscode.workspace.getConfiguration("llm-d-contrib", root.uri).get<Record<string, unknown>>("proposal");
  const folders = proposalFolders(resolveConfig(fromFile, fromEditor && Object.keys(fromEditor).length ? { proposal: fromEditor } : undefined));

  // What the plan needs to know of the disk, gathered up front (the plan itself is synchronous).
  const dirs = new Map<string, string[] | undefined>();
  for (const f of folders) {
    try {
      dirs.set(f, (await vscode.workspace.fs.readDirectory(at(f))).map(([name]) => name));
    } catch {
      dirs.set(f, undefined);
    }
  }
  const texts = new Map<string, string | undefined>();
  const wanted = new Set<string>();
  const probe = () => planNewProposal({
    title, folders,
    isFolder: (rel) => dirs.get(rel) !== undefined,
    list: (rel) => dirs.get(rel) ?? [],
    readFile: (rel) => { if (!texts.has(rel)) wanted.add(rel); return texts.get(rel); },
  });
  // Read what the plan asks for until it asks for nothing new (the target, then the templates).
  let plan = probe();
  for (let round = 0; wanted.size > 0 && round < 20; round++) {
    const batch = [...wanted];
    wanted.clear();
    for (const rel of batch) texts.set(rel, await readText(at(rel)));
    plan = probe();
  }
  if ("error" in plan) {
    void vscode.window.showErrorMessage(`New Proposal: ${plan.error}`);
    return undefined;
  }
  const uri = at(plan.relPath);
  // Last check right before writing: never overwrite a file that appeared meanwhile.
  if (await readText(uri) !== undefined) {
    void vscode.window.showErrorMessage(`New Proposal: ${plan.relPath} already exists; it was left as it is. Choose another title.`);
    return undefined;
  }
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(plan.content));
  const doc = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(doc);
  return uri;
}
