/**
 * Creates the LanguageClient that runs dist/server.js over IPC: the documents it syncs, the
 * settings it forwards and the options the server reads at initialize.
 */
import * as vscode from "vscode";
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from "vscode-languageclient/node";

export const CLIENT_ID = "llm-d-contrib";
export const CLIENT_NAME = "llm-d Contributor Tools";

/** Languages whose documents the server checks (it decides per file whether a family reads it). */
export const LANGUAGES = [
  "owners", "owners-aliases", "markdown", "go", "python", "yaml", "javascript", "typescript", "git-commit",
  // The configuration file itself: the server reports its errors while it is edited.
  "llm-d-contrib-config",
];

export function documentSelector(): { scheme?: string; language: string }[] {
  return [
    ...LANGUAGES.flatMap((language) => [{ scheme: "file", language }, { scheme: "untitled", language }]),
    { scheme: "vscode-scm", language: "scminput" },
    { language: "scminput" },
  ];
}

/** The extension folder as a file: URI ending with "/", so rule links open the docs shipped in the .vsix. */
export function docsBase(context: vscode.ExtensionContext): string {
  return vscode.Uri.file(context.extensionPath).toString().replace(/\/?$/, "/");
}

export function createLanguageClient(context: vscode.ExtensionContext, outputChannel: vscode.LogOutputChannel): LanguageClient {
  const module = context.asAbsolutePath("dist/server.js");
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ["--nolazy", "--inspect=6011"] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: documentSelector(),
    synchronize: { configurationSection: [CLIENT_ID, "git.alwaysSignOff"] },
    // A function: a restart (after the workspace is trusted) sends the current trust.
    initializationOptions: () => ({ docsBase: docsBase(context), trusted: vscode.workspace.isTrusted }),
    outputChannel,
  };
  return new LanguageClient(CLIENT_ID, CLIENT_NAME, serverOptions, clientOptions);
}
