/**
 * The llm-d Contributor Tools extension: starts the language server and registers the commands.
 * Nothing here writes to git (the sign-off commands check workspace trust themselves).
 */
import * as vscode from "vscode";
import type { LanguageClient } from "vscode-languageclient/node";
import { registerProposalCommands } from "./commands/proposal";
import { registerSignoffCommands } from "./commands/signoff";
import { registerFixAllOnSave } from "./fixAllOnSave";
import { CLIENT_NAME, createLanguageClient } from "./languageClient";

/** What activate() returns: the in-VS-Code tests check `client.isRunning()`. */
export interface ExtensionApi { client: LanguageClient }

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<ExtensionApi> {
  const output = vscode.window.createOutputChannel(CLIENT_NAME, { log: true });
  context.subscriptions.push(output);
  const c = createLanguageClient(context, output);
  client = c;
  context.subscriptions.push(
    vscode.commands.registerCommand("llm-d-contrib.restartServer", async () => {
      output.info("restarting the language server");
      await c.restart();
    }),
    vscode.commands.registerCommand("llm-d-contrib.showOutput", () => output.show(true)),
    // Untrusted, the server runs no git at all; once trusted it may read git's identity.
    vscode.workspace.onDidGrantWorkspaceTrust(() => { if (c.isRunning()) void c.restart(); }),
  );
  registerProposalCommands(context, c);
  registerSignoffCommands(context, c);
  registerFixAllOnSave(context, c);
  try {
    await c.start();
  } catch (error) {
    output.error(`the language server did not start: ${error instanceof Error ? error.message : String(error)}`);
  }
  return { client: c };
}

export async function deactivate(): Promise<void> {
  const c = client;
  client = undefined;
  if (c?.isRunning()) await c.stop();
}
