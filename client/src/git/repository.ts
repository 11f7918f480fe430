/** Finding the git extension's API and the repository a command is about. */
import * as vscode from "vscode";
import type { API, GitExtension, Repository } from "./api";

/** The built-in git extension's API, or undefined when it is missing or disabled. */
export async function gitApi(): Promise<API | undefined> {
  const ext = vscode.extensions.getExtension<GitExtension>("vscode.git");
  if (!ext) return undefined;
  const exports = ext.isActive ? ext.exports : await ext.activate();
  if (!exports?.enabled) return undefined;
  const api = exports.getAPI(1);
  if (api.state !== "initialized") {
    await new Promise<void>((done) => {
      const sub = api.onDidChangeState((s) => { if (s === "initialized") { sub.dispose(); done(); } });
      setTimeout(() => { sub.dispose(); done(); }, 10_000);
    });
  }
  return api;
}

/** What a command may be given: the SCM provider (from a Source Control menu), a Uri, or test arguments. */
export interface CommandTarget { root?: string; message?: string; assumeYes?: boolean; base?: string }

function targetUri(arg: unknown): vscode.Uri | undefined {
  if (arg instanceof vscode.Uri) return arg;
  if (arg && typeof arg === "object") {
    const a = arg as { rootUri?: unknown; root?: unknown };
    if (a.rootUri instanceof vscode.Uri) return a.rootUri;
    if (typeof a.root === "string") return vscode.Uri.file(a.root);
  }
  return undefined;
}

/** The repository a command is about: the argument's, the active editor's, the only one, or the user's pick. */
export async function pickRepository(api: API, arg: unknown): Promise<Repository | undefined> {
  const uri = targetUri(arg);
  if (uri) return api.getRepository(uri) ?? undefined;
  const active = vscode.window.activeTextEditor?.document.uri;
  if (active) {
    const fromScm = active.scheme === "vscode-scm" ? new URLSearchParams(active.query).get("rootUri") : undefined;
    const r = api.getRepository(fromScm ? vscode.Uri.parse(fromScm) : active);
    if (r) return r;
  }
  if (api.repositories.length <= 1) return api.repositories[0];
  const pick = await vscode.window.showQuickPick(api.repositories.map((r) => ({ label: vscode.workspace.asRelativePath(r.rootUri, false) || r.rootUri.fsPath, r })), { placeHolder: "Which repository?" });
  return pick?.r;
}

/** A repository root for the commands that run git themselves (they work without the git extension too). */
export async function pickRoot(arg: unknown): Promise<string | undefined> {
  const uri = targetUri(arg);
  if (uri) return uri.fsPath;
  const api = await gitApi().catch(() => undefined);
  if (api) {
    const repo = await pickRepository(api, arg);
    if (repo) return repo.rootUri.fsPath;
  }
  return vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
}
