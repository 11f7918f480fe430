/**
 * Helpers for the in-VS-Code suite. Plain `vscode` API only: the same code runs in desktop VS Code
 * (@vscode/test-electron) and in code-server's extension host.
 */
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import * as vscode from "vscode";

export const EXTENSION_ID = "llm-d-contrib.llm-d-contrib";

export function extension(): vscode.Extension<{ client?: { isRunning(): boolean } }> {
  const ext = vscode.extensions.getExtension<{ client?: { isRunning(): boolean } }>(EXTENSION_ID);
  assert.ok(ext, `extension ${EXTENSION_ID} is not loaded in this window`);
  return ext;
}

export async function activate(): Promise<{ client?: { isRunning(): boolean } }> {
  const ext = extension();
  const api = ext.isActive ? ext.exports : await ext.activate();
  return api ?? {};
}

export function packageJson(): any {
  return extension().packageJSON;
}

export function workspaceRoot(): string {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, "the suite needs a workspace folder (the fixture copy)");
  return folder.uri.fsPath;
}

export function wsPath(...rel: string[]): string {
  return path.join(workspaceRoot(), ...rel);
}

export function wsUri(...rel: string[]): vscode.Uri {
  return vscode.Uri.file(wsPath(...rel));
}

/** Writes a file into the workspace (creating folders) and returns its URI. */
export function writeWs(rel: string, text: string): vscode.Uri {
  const abs = wsPath(rel);
  fs.mkdirSync(path.dirname(abs), { recursive: true });
  fs.writeFileSync(abs, text);
  return vscode.Uri.file(abs);
}

export async function open(uri: vscode.Uri): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(uri);
  return vscode.window.showTextDocument(doc, { preview: false });
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls `probe` until it returns a truthy value; fails with `what` and the last value seen. */
export async function waitFor<T>(what: string, probe: () => T | Promise<T>, timeoutMs = 20_000, describe?: () => string): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v) return v as NonNullable<T>;
    if (Date.now() > deadline) {
      assert.fail(`timed out after ${timeoutMs} ms waiting for ${what}${describe ? `\n  last state: ${describe()}` : ""}`);
    }
    await sleep(100);
  }
}

export function ruleId(d: vscode.Diagnostic): string | undefined {
  const c = d.code;
  if (c === undefined) return undefined;
  return typeof c === "object" ? String(c.value) : String(c);
}

/** Our diagnostics on `uri` (source llm-d-contrib or a code that looks like a rule id). */
export function ours(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => /^(owners|proposal|flags|commit|internal)\//.test(ruleId(d) ?? ""));
}

export function show(uri: vscode.Uri): string {
  const all = vscode.languages.getDiagnostics(uri);
  if (all.length === 0) return "(no diagnostics)";
  return all.map((d) => `${ruleId(d) ?? "?"} ${d.range.start.line + 1}:${d.range.start.character + 1} [${d.source}] ${d.message}`).join("\n    ");
}

/** Waits until `uri` carries a diagnostic with rule id `id` (and matching `where`, if given). */
export async function diagnostic(uri: vscode.Uri, id: string, where?: (d: vscode.Diagnostic) => boolean, timeoutMs = 30_000): Promise<vscode.Diagnostic> {
  return waitFor(`diagnostic ${id} on ${path.basename(uri.fsPath)}`,
    () => vscode.languages.getDiagnostics(uri).find((d) => ruleId(d) === id && (!where || where(d))),
    timeoutMs, () => show(uri));
}

export async function noDiagnostic(uri: vscode.Uri, id: string, timeoutMs = 30_000): Promise<void> {
  await waitFor(`diagnostic ${id} to disappear from ${path.basename(uri.fsPath)}`,
    () => !vscode.languages.getDiagnostics(uri).some((d) => ruleId(d) === id), timeoutMs, () => show(uri));
}

/** The text of the line `line` (0-based) of the open document. */
export function lineText(doc: vscode.TextDocument, line: number): string {
  return doc.lineAt(line).text;
}

/** Position of the first occurrence of `needle` in the document (fails if absent). */
export function positionOf(doc: vscode.TextDocument, needle: string, offsetInNeedle = 0): vscode.Position {
  const i = doc.getText().indexOf(needle);
  assert.ok(i >= 0, `"${needle}" not found in ${doc.uri.fsPath}`);
  return doc.positionAt(i + offsetInNeedle);
}

export async function closeAll(): Promise<void> {
  await vscode.commands.executeCommand("workbench.action.closeAllEditors");
}

/** Sets a setting of ours in the workspace and returns a function that puts it back. */
export async function setSetting(key: string, value: unknown): Promise<() => Promise<void>> {
  const cfg = vscode.workspace.getConfiguration("llm-d-contrib");
  const before = cfg.inspect(key)?.workspaceValue;
  await cfg.update(key, value, vscode.ConfigurationTarget.Workspace);
  return async () => {
    await vscode.workspace.getConfiguration("llm-d-contrib").update(key, before, vscode.ConfigurationTarget.Workspace);
  };
}

/** Code actions the providers offer for `range` (quick fixes only when `kind` says so). */
export async function codeActions(uri: vscode.Uri, range: vscode.Range, kind?: vscode.CodeActionKind): Promise<vscode.CodeAction[]> {
  // The 4th argument resolves lazily computed edits (codeAction/resolve), as the editor does
  // when a fix is applied; without it such actions come back without their edit.
  const all = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
    "vscode.executeCodeActionProvider", uri, range, kind?.value, 100);
  return (all ?? []).filter((a): a is vscode.CodeAction => "title" in a && !("command" in a && typeof (a as vscode.Command).command === "string"));
}

/** Applies a code action the way the editor does: its edit, then its command. */
export async function applyAction(action: vscode.CodeAction): Promise<void> {
  if (action.edit) assert.ok(await vscode.workspace.applyEdit(action.edit), `workspace edit of "${action.title}" was rejected`);
  if (action.command) await vscode.commands.executeCommand(action.command.command, ...(action.command.arguments ?? []));
}

export async function completions(uri: vscode.Uri, pos: vscode.Position, trigger?: string): Promise<vscode.CompletionItem[]> {
  const list = await vscode.commands.executeCommand<vscode.CompletionList>("vscode.executeCompletionItemProvider", uri, pos, trigger);
  return list?.items ?? [];
}

export function label(item: vscode.CompletionItem): string {
  return typeof item.label === "string" ? item.label : item.label.label;
}
