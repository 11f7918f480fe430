import type * as vscode from "vscode";
import type { LanguageClient } from "vscode-languageclient/node";

/** Sign-off and DCO commands, through VS Code's git extension API. Being built by the commit issue. */
export function registerSignoffCommands(_context: vscode.ExtensionContext, _client: LanguageClient): void {}
