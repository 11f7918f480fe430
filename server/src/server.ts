/**
 * The llm-d-contrib language server. The transport comes from the command line:
 * `--node-ipc` (VS Code), `--stdio` (Neovim, tests) or `--socket=<port>`.
 * All wiring is in lsp/session.ts; the rules live in engine/.
 */
import { ProposedFeatures, createConnection } from "vscode-languageserver/node";
import { startServer } from "./lsp/session";

const connection = createConnection(ProposedFeatures.all);
// A stray exception must not end the process: log it and keep answering.
process.on("uncaughtException", (error) => connection.console.error(`uncaught: ${error.stack ?? error.message}`));
process.on("unhandledRejection", (reason) => connection.console.error(`unhandled rejection: ${reason instanceof Error ? reason.stack : String(reason)}`));
startServer(connection);
