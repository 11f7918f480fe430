/**
 * Experimental (llm-d-contrib.experimentalFixAllOnSave, off by default): apply the server's
 * `source.fixAll.llm-d-contrib` action to a document as it is saved.
 */
import * as vscode from "vscode";
import { CodeActionRequest, type LanguageClient } from "vscode-languageclient/node";
import { CLIENT_ID, documentSelector } from "./languageClient";

export const FIX_ALL_KIND = `source.fixAll.${CLIENT_ID}`;
export const SETTING = "experimentalFixAllOnSave";

/** The edits of the fix-all action for one document (none when the server offers nothing). */
export async function fixAllEdits(client: LanguageClient, document: vscode.TextDocument, token?: vscode.CancellationToken): Promise<vscode.TextEdit[]> {
  if (!client.isRunning()) return [];
  const end = document.lineAt(document.lineCount - 1).range.end;
  const result = await client.sendRequest(CodeActionRequest.type, {
    textDocument: { uri: client.code2ProtocolConverter.asUri(document.uri) },
    range: { start: { line: 0, character: 0 }, end: { line: end.line, character: end.character } },
    context: { diagnostics: [], only: [FIX_ALL_KIND] },
  }, token);
  const action = result?.find((a) => "kind" in a && a.kind === FIX_ALL_KIND);
  if (!action || !("edit" in action) || !action.edit) return [];
  const edit = await client.protocol2CodeConverter.asWorkspaceEdit(action.edit);
  return edit.get(document.uri);
}

export function registerFixAllOnSave(context: vscode.ExtensionContext, client: LanguageClient): void {
  context.subscriptions.push(vscode.workspace.onWillSaveTextDocument((event) => {
    if (!vscode.workspace.getConfiguration(CLIENT_ID, event.document).get<boolean>(SETTING, false)) return;
    if (vscode.languages.match(documentSelector(), event.document) === 0) return;
    const source = new vscode.CancellationTokenSource();
    // VS Code gives a save participant about 1.5 s; never block a save on the server.
    const timer = setTimeout(() => source.cancel(), 1000);
    event.waitUntil(fixAllEdits(client, event.document, source.token)
      .catch((error) => { client.warn(`fix all on save failed: ${String(error)}`); return []; })
      .finally(() => { clearTimeout(timer); source.dispose(); }));
  }));
}
