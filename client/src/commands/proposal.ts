import type * as vscode from "vscode";
import type { LanguageClient } from "vscode-languageclient/node";

/** Proposal commands (New Proposal). Being built by the proposals issue. */
export function registerProposalCommands(_context: vscode.ExtensionContext, _client: LanguageClient): void {}
