/**
 * The language server's wiring: initialize, document sync, configuration, watched files,
 * workspace folders, and the request handlers. Each concern lives in its own module; this file
 * connects them to the LSP connection.
 */
import { existsSync, readFileSync } from "node:fs";
import { basename } from "node:path";
import {
  DidChangeWatchedFilesNotification, FileChangeType, MessageType, ShowMessageNotification, TextDocumentSyncKind, TextDocuments,
  type ClientCapabilities, type Connection, type InitializeParams, type InitializeResult,
} from "vscode-languageserver/node";
import { TextDocument } from "vscode-languageserver-textdocument";
import { URI } from "vscode-uri";
import { CONFIG_FILE, PROPOSAL_TEMPLATE_NAME } from "../engine/index";
import { gatherHostFacts } from "../host/git";
import { toRelPath } from "../host/repo";
import { CODE_ACTION_KINDS, codeActions, resolveCodeAction, type EditCapabilities } from "./codeActions";
import { Checker, type Entry } from "./diagnostics";
import * as features from "./features";
import { guard } from "./guard";
import { Roots, type EditorSettings, type RepoRoot } from "./roots";
import { Scanner } from "./scan";
import { SettingsProblems, pullSettings, settingsFromPush } from "./settings";
import { version } from "../../../package.json";

/** Files whose changes matter: the configuration, OWNERS data, templates, the kinds the families read, ignore files. */
export const WATCHED_GLOBS = [
  `**/${CONFIG_FILE}`, "**/OWNERS", "**/OWNERS_ALIASES", `**/${PROPOSAL_TEMPLATE_NAME}`,
  "**/*.{go,py,js,mjs,cjs,jsx,ts,mts,cts,tsx,yaml,yml,md,markdown}", "**/.gitignore",
];
export const DEFAULT_DEBOUNCE_MS = 120;
const CONFIG_DEBOUNCE_MS = 150;
export const COMPLETION_TRIGGERS = ["#", "-", " ", ":"];

interface ClientFlags extends EditCapabilities {
  configuration: boolean;
  watchedFiles: boolean;
  workDoneProgress: boolean;
  workspaceFolders: boolean;
  hierarchicalSymbols: boolean;
  snippets: boolean;
}

function flagsOf(caps: ClientCapabilities): ClientFlags {
  return {
    configuration: !!caps.workspace?.configuration,
    watchedFiles: !!caps.workspace?.didChangeWatchedFiles?.dynamicRegistration,
    workDoneProgress: !!caps.window?.workDoneProgress,
    workspaceFolders: !!caps.workspace?.workspaceFolders,
    hierarchicalSymbols: !!caps.textDocument?.documentSymbol?.hierarchicalDocumentSymbolSupport,
    documentChanges: !!caps.workspace?.workspaceEdit?.documentChanges,
    renameFile: !!caps.workspace?.workspaceEdit?.resourceOperations?.includes("rename"),
    snippets: !!caps.textDocument?.completion?.completionItem?.snippetSupport,
    resolveEdit: !!caps.textDocument?.codeAction?.dataSupport && !!caps.textDocument.codeAction.resolveSupport?.properties.includes("edit"),
  };
}

export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  const roots = new Roots();
  const log = {
    error: (m: string) => connection.console.error(m),
    info: (m: string) => connection.console.info(m),
  };
  const g = <A extends unknown[], R>(name: string, fallback: R, fn: (...args: A) => R | Promise<R>) => guard(name, fallback, fn, log.error);
  let flags = flagsOf({});
  let pushed: EditorSettings | undefined;
  let initialized = false;
  let trusted = true;
  // Problems in the editor settings: shown once each (after initialize has been answered) and logged.
  let canShow = false;
  const unshown: string[] = [];
  const showWarning = (message: string) => void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message });
  const settingsProblems = new SettingsProblems((message) => {
    if (canShow) showWarning(message); else unshown.push(message);
  }, log.error);
  const checker = new Checker(connection, documents, { debounceMs: DEFAULT_DEBOUNCE_MS, log });
  const scanner = new Scanner(checker, roots, async (message) => {
    if (!flags.workDoneProgress) return undefined;
    const progress = await connection.window.createWorkDoneProgress().catch(() => undefined);
    progress?.begin("llm-d-contrib", 0, message, false);
    return progress;
  }, log.error);
  const versionOf = (uri: string): number | null => documents.get(uri)?.version ?? null;

  // A repository seen for the first time reads its configuration at once (editor settings follow).
  roots.onNewRoot = (root) => {
    root.settings = pushed ?? root.settings;
    root.reloadConfig();
    if (initialized) void loadRoot(root).then(() => refreshRoot(root)).catch((e) => log.error(`loading ${root.path} failed: ${String(e)}`));
  };

  /** Editor settings and host facts of one repository. */
  async function loadRoot(root: RepoRoot): Promise<void> {
    if (flags.configuration) {
      try { root.settings = await pullSettings(connection, root.uri, settingsProblems.report); } catch (error) { log.error(`reading settings failed: ${String(error)}`); }
    } else if (pushed) root.settings = pushed;
    await refreshHost(root);
  }

  /** Who will commit, git's comment char, a merge in progress (cached briefly by gatherHostFacts), and git.alwaysSignOff. */
  async function refreshHost(root: RepoRoot): Promise<void> {
    // In a workspace the user has not trusted, git is not run at all (its config is the repository's to set).
    const facts = trusted ? await gatherHostFacts(root.path) : {};
    const alwaysSignOff = root.settings.alwaysSignOff;
    root.host = alwaysSignOff === undefined ? facts : { ...facts, alwaysSignOff };
  }

  /** The configuration of a repository changed: re-read it, re-identify its open documents, re-check everything. */
  function refreshRoot(root: RepoRoot): Promise<void> {
    root.reloadConfig();
    checker.publishConfigErrors(root);
    for (const entry of checker.entriesOf(root)) {
      if (!entry.open) continue;
      const doc = documents.get(entry.uri);
      const id = doc && roots.identify(entry.uri, doc.languageId);
      if (!id) { checker.untrack(entry.key); continue; }
      checker.schedule(checker.track(id, true).key);
    }
    return scanner.scan(root, true);
  }

  const configTimers = new Map<RepoRoot, NodeJS.Timeout>();
  function configChanged(root: RepoRoot): void {
    clearTimeout(configTimers.get(root));
    configTimers.set(root, setTimeout(() => {
      configTimers.delete(root);
      void refreshRoot(root).catch((e) => log.error(`refreshing ${root.path} failed: ${String(e)}`));
    }, CONFIG_DEBOUNCE_MS));
  }

  /** Re-checks the documents that read `relPath` of `root` (after its text changed). */
  function recheckDependents(root: RepoRoot | undefined, relPath: string): void {
    if (!root) return;
    for (const dep of checker.dependentsOf(root, relPath)) checker.schedule(dep.key);
  }

  function configRootOf(uri: string): RepoRoot | undefined {
    const u = URI.parse(uri);
    return u.scheme === "file" ? roots.rootOfConfig(u.fsPath) : undefined;
  }

  connection.onInitialize(g("initialize", { capabilities: {} } as InitializeResult, async (params: InitializeParams): Promise<InitializeResult> => {
    flags = flagsOf(params.capabilities);
    const options = (params.initializationOptions ?? {}) as Record<string, unknown>;
    if (typeof options.docsBase === "string" && options.docsBase) checker.options.docsBase = options.docsBase;
    if (typeof options.debounceMs === "number" && options.debounceMs >= 0) checker.options.debounceMs = options.debounceMs;
    pushed = settingsFromPush(options.settings, settingsProblems.report);
    trusted = options.trusted !== false;
    const folders = params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri, name: "" }] : []);
    for (const f of folders) roots.addFolder(f.uri);
    // Git identities before the first document arrives, so a commit message is never checked without them.
    await Promise.all(roots.all().map(refreshHost));
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        codeActionProvider: { codeActionKinds: CODE_ACTION_KINDS, resolveProvider: true },
        completionProvider: { triggerCharacters: COMPLETION_TRIGGERS },
        hoverProvider: true,
        documentSymbolProvider: true,
        definitionProvider: true,
        referencesProvider: true,
        renameProvider: params.capabilities.textDocument?.rename?.prepareSupport ? { prepareProvider: true } : true,
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: "llm-d-contrib", version },
    };
  }));

  connection.onInitialized(g("initialized", undefined, async () => {
    canShow = true;
    for (const message of unshown.splice(0)) showWarning(message);
    if (flags.watchedFiles) {
      await connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: WATCHED_GLOBS.map((globPattern) => ({ globPattern })) });
    }
    if (flags.workspaceFolders) {
      connection.workspace.onDidChangeWorkspaceFolders(g("workspace folders", undefined, async (e) => {
        for (const f of e.removed) {
          const root = roots.removeFolder(f.uri);
          if (!root) continue;
          scanner.cancel(root);
          for (const entry of checker.entriesOf(root)) if (!entry.open) checker.untrack(entry.key);
          root.configErrors = [];
          checker.publishConfigErrors(root);
        }
        for (const f of e.added) {
          const root = roots.addFolder(f.uri);
          if (root) { await loadRoot(root); await refreshRoot(root); }
        }
      }));
    }
    const all = roots.all();
    await Promise.all(all.map(loadRoot));
    initialized = true;
    for (const root of all) await refreshRoot(root);
  }));

  const justOpened = new Set<string>();
  documents.onDidOpen(g("didOpen", undefined, async ({ document }) => {
    justOpened.add(document.uri);
    const configRoot = configRootOf(document.uri);
    if (configRoot) {
      configRoot.workspace.overlay.set(CONFIG_FILE, document.getText());
      configChanged(configRoot);
      return;
    }
    const id = roots.identify(document.uri, document.languageId);
    if (!id) return;
    if (id.onDisk && id.root) {
      const text = document.getText();
      id.root.workspace.overlay.set(id.relPath, text);
      if (readDisk(id.root.absPath(id.relPath)) !== text) recheckDependents(id.root, id.relPath);
    }
    const entry = checker.track(id, true);
    checker.schedule(entry.key, 0);
    // A commit message depends on git's state right now (identity, merge in progress): re-read it.
    if (entry.kind === "commit-message" && entry.root && initialized) {
      const before = JSON.stringify(entry.root.host);
      await refreshHost(entry.root);
      if (JSON.stringify(entry.root.host) !== before) checker.schedule(entry.key, 0);
    }
  }));

  documents.onDidChangeContent(g("didChange", undefined, ({ document }) => {
    if (justOpened.delete(document.uri)) return;
    const configRoot = configRootOf(document.uri);
    if (configRoot) {
      configRoot.workspace.overlay.set(CONFIG_FILE, document.getText());
      configChanged(configRoot);
      return;
    }
    const entry = checker.entryForUri(document.uri);
    if (!entry) return;
    if (entry.onDisk && entry.root) entry.root.workspace.overlay.set(entry.relPath, document.getText());
    checker.schedule(entry.key);
    recheckDependents(entry.root, entry.relPath);
  }));

  documents.onDidClose(g("didClose", undefined, ({ document }) => {
    justOpened.delete(document.uri);
    const configRoot = configRootOf(document.uri);
    if (configRoot) {
      configRoot.workspace.overlay.delete(CONFIG_FILE);
      configChanged(configRoot);
      return;
    }
    const entry = checker.closed(document.uri);
    if (!entry) return;
    const root = entry.root;
    if (!entry.onDisk || !root) { checker.untrack(entry.key); return; }
    const hadOverlay = root.workspace.overlay.get(entry.relPath);
    root.workspace.overlay.delete(entry.relPath);
    if (hadOverlay !== undefined && hadOverlay !== readDisk(root.absPath(entry.relPath))) recheckDependents(root, entry.relPath);
    // A file the scan covers keeps its diagnostics, now from the text on disk.
    if (root.settings.workspaceScan && root.scanned.has(entry.relPath)) checker.schedule(entry.key, 0);
    else checker.untrack(entry.key);
  }));

  connection.onDidChangeWatchedFiles(g("didChangeWatchedFiles", undefined, (params) => {
    const listingChanged = new Set<RepoRoot>();
    const rewalk = new Set<RepoRoot>();
    for (const change of params.changes) {
      const u = URI.parse(change.uri);
      if (u.scheme !== "file") continue;
      const root = roots.rootForPath(u.fsPath);
      if (!root) continue;
      const rel = toRelPath(root.path, u.fsPath);
      if (rel === CONFIG_FILE) {
        if (!root.workspace.overlay.has(CONFIG_FILE)) configChanged(root);
        continue;
      }
      if (basename(rel) === ".gitignore") { rewalk.add(root); continue; }
      const entry: Entry | undefined = checker.entries.get(u.fsPath);
      if (change.type !== FileChangeType.Changed) { listingChanged.add(root); root.workspace.invalidateFiles(); }
      if (entry?.open) continue; // the buffer is the truth; its edits already re-checked dependants
      if (change.type === FileChangeType.Deleted) {
        // A deleted folder comes as one event: forget every file under it too.
        for (const e of checker.entriesOf(root)) {
          if (!e.open && (e.relPath === rel || e.relPath.startsWith(rel + "/"))) { checker.untrack(e.key); root.scanned.delete(e.relPath); }
        }
        root.scanned.delete(rel);
      } else if (entry) {
        checker.schedule(entry.key);
      } else if (change.type === FileChangeType.Created && root.settings.workspaceScan) {
        rewalk.add(root);
      }
      recheckDependents(root, rel);
    }
    for (const root of listingChanged) for (const dep of checker.listersOf(root)) checker.schedule(dep.key);
    for (const root of rewalk) void scanner.scan(root, false);
  }));

  connection.onDidChangeConfiguration(g("didChangeConfiguration", undefined, async (params) => {
    settingsProblems.begin();
    try {
      if (!flags.configuration) pushed = settingsFromPush(params.settings, settingsProblems.report) ?? pushed;
      if (!initialized) return;
      for (const root of roots.all()) {
        const before = JSON.stringify(root.settings);
        await loadRoot(root);
        if (JSON.stringify(root.settings) !== before) await refreshRoot(root);
      }
    } finally {
      settingsProblems.end();
    }
  }));

  const editCaps = () => flags;
  connection.onCodeAction(g("codeAction", [], (params) => codeActions(params, checker, editCaps(), versionOf)));
  connection.onCodeActionResolve((action) => {
    try { return resolveCodeAction(action, checker, editCaps(), versionOf); } catch (error) {
      log.error(`codeAction/resolve failed: ${error instanceof Error ? error.stack : String(error)}`);
      return action;
    }
  });
  connection.onCompletion(g("completion", [], (p) => features.completion(checker, p.textDocument.uri, p.position, flags.snippets)));
  connection.onHover(g("hover", null, (p) => features.hover(checker, p.textDocument.uri, p.position)));
  connection.onDocumentSymbol(g("documentSymbol", [], (p) => features.documentSymbols(checker, p.textDocument.uri, flags.hierarchicalSymbols)));
  connection.onDefinition(g("definition", [], (p) => features.definition(checker, p.textDocument.uri, p.position)));
  connection.onReferences(g("references", [], (p) => features.references(checker, p.textDocument.uri, p.position)));
  connection.onRenameRequest(g("rename", null, (p) => features.rename(checker, p.textDocument.uri, p.position, p.newName, flags.documentChanges, versionOf)));
  connection.onPrepareRename(g("prepareRename", null, (p) => {
    const doc = documents.get(p.textDocument.uri);
    return doc ? features.prepareRename(checker, p.textDocument.uri, p.position, (r) => doc.getText(r)) : null;
  }));

  documents.listen(connection);
  connection.listen();
}

function readDisk(abs: string): string | undefined {
  try { return existsSync(abs) ? readFileSync(abs, "utf8") : undefined; } catch { return undefined; }
}
