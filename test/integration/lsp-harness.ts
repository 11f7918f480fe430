/**
 * A real LSP client for the real server process: spawns `node dist/server.js --stdio` in its own
 * process group, speaks LSP through vscode-languageserver-protocol, answers the server's requests
 * (configuration, registrations, progress) and records what it publishes. Used by the
 * integration tests and the latency benchmark.
 */
import { spawn, execFileSync, type ChildProcess } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import {
  ConfigurationRequest, DidChangeConfigurationNotification, DidChangeTextDocumentNotification,
  DidChangeWatchedFilesNotification, DidCloseTextDocumentNotification, DidOpenTextDocumentNotification,
  ExitNotification, InitializeRequest, InitializedNotification, LogMessageNotification, PublishDiagnosticsNotification,
  RegistrationRequest, ShutdownRequest, StreamMessageReader, StreamMessageWriter, WorkDoneProgressCreateRequest,
  createProtocolConnection,
  type ClientCapabilities, type FileEvent, type InitializeResult, type ProtocolConnection,
  type PublishDiagnosticsParams, type Registration, type TextDocumentContentChangeEvent,
} from "vscode-languageserver-protocol/node";

export const REPO_ROOT = join(__dirname, "..", "..");
export const SERVER_JS = process.env.LLM_D_CONTRIB_SERVER ?? join(REPO_ROOT, "dist", "server.js");

/** What a client like VS Code announces, so the server turns on everything it can. */
export const FULL_CAPABILITIES: ClientCapabilities = {
  workspace: {
    configuration: true,
    workspaceFolders: true,
    didChangeWatchedFiles: { dynamicRegistration: true },
    didChangeConfiguration: { dynamicRegistration: false },
    workspaceEdit: { documentChanges: true, resourceOperations: ["create", "rename", "delete"] },
  },
  textDocument: {
    synchronization: { dynamicRegistration: false },
    publishDiagnostics: { versionSupport: true, codeDescriptionSupport: true, relatedInformation: false },
    codeAction: {
      codeActionLiteralSupport: { codeActionKind: { valueSet: ["quickfix", "source", "source.fixAll"] } },
      isPreferredSupport: true, dataSupport: true, resolveSupport: { properties: ["edit"] },
    },
    completion: { completionItem: { snippetSupport: true } },
    documentSymbol: { hierarchicalDocumentSymbolSupport: true },
    rename: { prepareSupport: true },
    hover: { contentFormat: ["markdown", "plaintext"] },
  },
  window: { workDoneProgress: true },
};

export interface HarnessOptions {
  /** The workspace folder (absolute path). */
  root: string;
  /** The `llm-d-contrib` settings section the client answers with. */
  settings?: Record<string, unknown>;
  alwaysSignOff?: boolean;
  /** Extra initializationOptions (e.g. debounceMs). */
  initializationOptions?: Record<string, unknown>;
  capabilities?: ClientCapabilities;
  serverPath?: string;
}

export interface Received { params: PublishDiagnosticsParams; at: number }

export class LspHarness {
  readonly published: Received[] = [];
  readonly registrations: Registration[] = [];
  readonly logs: string[] = [];
  readonly progress: unknown[] = [];
  stderr = "";
  initializeResult!: InitializeResult;
  settings: Record<string, unknown>;
  private waiters: (() => void)[] = [];
  private versions = new Map<string, number>();
  private exited: Promise<number | null>;

  private constructor(readonly proc: ChildProcess, readonly connection: ProtocolConnection, readonly options: HarnessOptions) {
    this.settings = options.settings ?? {};
    this.exited = new Promise((resolve) => proc.once("exit", (code) => resolve(code)));
    proc.stderr!.on("data", (d: Buffer) => { this.stderr += d.toString(); });
    connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
      this.published.push({ params, at: performance.now() });
      this.wake();
    });
    connection.onNotification(LogMessageNotification.type, (p) => { this.logs.push(p.message); this.wake(); });
    connection.onNotification("$/progress", (p: unknown) => { this.progress.push(p); this.wake(); });
    connection.onRequest(ConfigurationRequest.type, (p) => p.items.map((item) =>
      item.section === "llm-d-contrib" ? this.settings
        : item.section === "git.alwaysSignOff" ? this.options.alwaysSignOff ?? null
          : null));
    connection.onRequest(RegistrationRequest.type, (p) => { this.registrations.push(...p.registrations); this.wake(); });
    connection.onRequest(WorkDoneProgressCreateRequest.type, () => {});
  }

  /** Starts the server and completes initialize/initialized. */
  static async start(options: HarnessOptions): Promise<LspHarness> {
    // git identity comes from the test repository's config, never from the caller's environment.
    const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^GIT_(AUTHOR|COMMITTER)_/.test(k)));
    const proc = spawn(process.execPath, [options.serverPath ?? SERVER_JS, "--stdio"], { detached: true, stdio: ["pipe", "pipe", "pipe"], env });
    const connection = createProtocolConnection(new StreamMessageReader(proc.stdout!), new StreamMessageWriter(proc.stdin!));
    const h = new LspHarness(proc, connection, options);
    connection.listen();
    const rootUri = pathToFileURL(options.root).href;
    h.initializeResult = await connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri,
      workspaceFolders: [{ uri: rootUri, name: "root" }],
      capabilities: options.capabilities ?? FULL_CAPABILITIES,
      initializationOptions: options.initializationOptions ?? {},
    });
    await connection.sendNotification(InitializedNotification.type, {});
    return h;
  }

  uri(relPath: string): string { return pathToFileURL(join(this.options.root, relPath)).href; }

  private wake(): void {
    const w = this.waiters;
    this.waiters = [];
    for (const f of w) f();
  }

  /** Resolves when `test()` returns a value, re-testing on every message; rejects after `timeoutMs`. */
  async until<T>(what: string, test: () => T | undefined, timeoutMs = 10000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const v = test();
      if (v !== undefined) return v;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`timed out waiting for ${what}\nserver stderr:\n${this.stderr.slice(-3000)}\nlogs:\n${this.logs.slice(-20).join("\n")}`);
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, left);
        this.waiters.push(() => { clearTimeout(t); resolve(); });
      });
    }
  }

  /** Waits until a workspace scan reported its end through $/progress (the server is settled). */
  async scanEnded(timeoutMs = 10000): Promise<void> {
    await this.until("the end of the workspace scan", () => this.progress.some((p) => (p as { value?: { kind?: string } }).value?.kind === "end") || undefined, timeoutMs);
  }

  /** Every publish for a URI so far. */
  publishesFor(uri: string): PublishDiagnosticsParams[] {
    return this.published.filter((p) => p.params.uri === uri).map((p) => p.params);
  }

  /** The latest publish for a URI, if any. */
  latest(uri: string): PublishDiagnosticsParams | undefined {
    const all = this.publishesFor(uri);
    return all[all.length - 1];
  }

  /**
   * Waits for diagnostics of `uri`: for an exact document `version` when given, and (optionally)
   * for a publish that satisfies `accept`. Looks at the latest publish first.
   */
  waitForDiagnostics(uri: string, opts: { version?: number; accept?: (p: PublishDiagnosticsParams) => boolean; timeoutMs?: number; after?: number } = {}): Promise<PublishDiagnosticsParams> {
    return this.until(`diagnostics for ${uri}${opts.version !== undefined ? ` version ${opts.version}` : ""}`, () => {
      const r = this.published.filter((p) => p.params.uri === uri && (opts.after === undefined || p.at >= opts.after)).at(-1)?.params;
      if (!r) return undefined;
      if (opts.version !== undefined && r.version !== opts.version) return undefined;
      if (opts.accept && !opts.accept(r)) return undefined;
      return r;
    }, opts.timeoutMs);
  }

  /** Opens a file of the workspace (text from disk unless given). Returns its URI. */
  async open(relPath: string, languageId: string, text?: string): Promise<string> {
    const uri = this.uri(relPath);
    const content = text ?? readFileSync(join(this.options.root, relPath), "utf8");
    this.versions.set(uri, 1);
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version: 1, text: content } });
    return uri;
  }

  /** Opens a document with any URI (untitled:, vscode-scm:...). */
  async openUri(uri: string, languageId: string, text: string): Promise<string> {
    this.versions.set(uri, 1);
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version: 1, text } });
    return uri;
  }

  /** Sends edits as the next version of the document; returns that version. */
  async change(uri: string, ...changes: TextDocumentContentChangeEvent[]): Promise<number> {
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: changes });
    return version;
  }

  async close(uri: string): Promise<void> {
    this.versions.delete(uri);
    await this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  /** Tells the server files changed on disk (as a file watcher would). */
  async filesChanged(...changes: FileEvent[]): Promise<void> {
    await this.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes });
  }

  /** Changes the settings the client answers with and tells the server. */
  async changeSettings(settings: Record<string, unknown>): Promise<void> {
    this.settings = settings;
    await this.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
  }

  /** shutdown + exit, then makes sure no process of the group is left. Returns the exit code. */
  async stop(timeoutMs = 5000): Promise<number | null> {
    try {
      await Promise.race([
        (async () => {
          await this.connection.sendRequest(ShutdownRequest.type);
          await this.connection.sendNotification(ExitNotification.type);
        })(),
        new Promise((_, reject) => setTimeout(() => reject(new Error("shutdown timed out")), timeoutMs)),
      ]);
      return await Promise.race([this.exited, new Promise<null>((resolve) => setTimeout(() => resolve(null), timeoutMs))]);
    } finally {
      this.kill();
    }
  }

  /** Kills the whole process group; safe to call any number of times. */
  kill(): void {
    this.connection.dispose();
    try { process.kill(-this.proc.pid!, "SIGKILL"); } catch { /* already gone */ }
  }
}

/** A diagnostic's message as text (LSP 3.18 allows markup there). */
export function messageOf(d: { message: string | { value: string } }): string {
  return typeof d.message === "string" ? d.message : d.message.value;
}

export const TEST_USER = { name: "Ada Lovelace", email: "ada@example.com" };

/** A temporary git repository (committing as TEST_USER) with the given files; returns its path. */
export function tempRepo(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), "llm-d-contrib-it-"));
  execFileSync("git", ["init", "-q", root]);
  execFileSync("git", ["-C", root, "config", "user.name", TEST_USER.name]);
  execFileSync("git", ["-C", root, "config", "user.email", TEST_USER.email]);
  writeFiles(root, files);
  return root;
}

export function writeFiles(root: string, files: Record<string, string>): void {
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, rel)), { recursive: true });
    writeFileSync(join(root, rel), text);
  }
}

export function removeRepo(root: string): void {
  rmSync(root, { recursive: true, force: true });
}
