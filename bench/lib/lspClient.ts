/**
 * A minimal LSP client for the benchmark: starts `node dist/server.js --stdio`, answers the
 * server's requests as VS Code would (configuration, progress tokens, registrations), and lets
 * the caller wait for publishDiagnostics of one URI or for the workspace scan to finish.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from "vscode-jsonrpc/node";

export interface Diagnostics { uri: string; version?: number; diagnostics: unknown[]; at: number }

export class LspClient {
  readonly proc: ChildProcess;
  readonly conn: MessageConnection;
  capabilities: Record<string, any> = {};
  /** Every publishDiagnostics, in arrival order. */
  readonly published: Diagnostics[] = [];
  lastPublishAt = 0;
  /** Progress tokens begun and ended ($/progress), to tell when a workspace scan finished. */
  readonly progressBegun = new Set<string | number>();
  readonly progressEnded = new Set<string | number>();
  progressTitles: string[] = [];
  stderr = "";
  private waiters: { uri: string; minVersion?: number; after: number; resolve: (d: Diagnostics) => void }[] = [];

  constructor(serverJs: string, private readonly settings: Record<string, unknown> = {}, nodeArgs: string[] = []) {
    this.proc = spawn(process.execPath, [...nodeArgs, serverJs, "--stdio"], { stdio: ["pipe", "pipe", "pipe"] });
    this.proc.stderr!.on("data", (b) => { this.stderr = (this.stderr + b).slice(-20000); });
    this.conn = createMessageConnection(new StreamMessageReader(this.proc.stdout!), new StreamMessageWriter(this.proc.stdin!));
    this.conn.onNotification("textDocument/publishDiagnostics", (p: { uri: string; version?: number; diagnostics: unknown[] }) => {
      const d = { ...p, at: performance.now() };
      this.published.push(d);
      this.lastPublishAt = d.at;
      this.waiters = this.waiters.filter((w) => {
        if (w.uri !== d.uri || d.at < w.after) return true;
        if (w.minVersion !== undefined && d.version !== undefined && d.version < w.minVersion) return true;
        w.resolve(d);
        return false;
      });
    });
    this.conn.onNotification("$/progress", (p: { token: string | number; value: { kind: string; title?: string } }) => {
      if (p.value?.kind === "begin") { this.progressBegun.add(p.token); if (p.value.title) this.progressTitles.push(p.value.title); }
      if (p.value?.kind === "end") this.progressEnded.add(p.token);
    });
    this.conn.onRequest("workspace/configuration", (p: { items: { section?: string }[] }) =>
      p.items.map((i) => (i.section === undefined || i.section === "llm-d-contrib" ? this.settings : i.section.startsWith("llm-d-contrib.") ? this.settings[i.section.slice(14)] ?? null : null)));
    this.conn.onRequest("window/workDoneProgress/create", () => null);
    this.conn.onRequest("client/registerCapability", () => null);
    this.conn.onRequest("client/unregisterCapability", () => null);
    this.conn.onRequest("workspace/diagnostic/refresh", () => null);
    this.conn.onRequest("workspace/semanticTokens/refresh", () => null);
    this.conn.onRequest("workspace/codeLens/refresh", () => null);
    this.conn.onRequest("window/showMessageRequest", () => null);
    this.conn.onNotification("window/logMessage", () => {});
    this.conn.onNotification("window/showMessage", () => {});
    this.conn.onNotification("telemetry/event", () => {});
    this.conn.listen();
  }

  async initialize(rootPath: string, initializationOptions: Record<string, unknown> = {}): Promise<void> {
    const rootUri = pathToFileURL(rootPath).href;
    const result = await this.conn.sendRequest("initialize", {
      processId: process.pid,
      rootUri,
      workspaceFolders: [{ uri: rootUri, name: "bench" }],
      initializationOptions: { settings: this.settings, ...initializationOptions },
      capabilities: {
        window: { workDoneProgress: true },
        workspace: { configuration: true, workspaceFolders: true, didChangeWatchedFiles: { dynamicRegistration: true } },
        textDocument: {
          synchronization: { dynamicRegistration: false, didSave: true },
          publishDiagnostics: { versionSupport: true, relatedInformation: true, codeDescriptionSupport: true },
        },
      },
    }) as { capabilities: Record<string, any> };
    this.capabilities = result.capabilities ?? {};
    await this.conn.sendNotification("initialized", {});
  }

  /** Whether the server takes incremental changes (TextDocumentSyncKind.Incremental = 2). */
  get incremental(): boolean {
    const s = this.capabilities.textDocumentSync;
    return (typeof s === "number" ? s : s?.change) === 2;
  }

  /** The next publishDiagnostics for `uri` sent after `after` (and for `minVersion` or later when the server says versions). */
  waitDiagnostics(uri: string, opts: { after?: number; minVersion?: number; timeoutMs?: number } = {}): Promise<Diagnostics> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no publishDiagnostics for ${uri} within ${opts.timeoutMs ?? 10000} ms`)), opts.timeoutMs ?? 10000);
      this.waiters.push({ uri, minVersion: opts.minVersion, after: opts.after ?? 0, resolve: (d) => { clearTimeout(timer); resolve(d); } });
    });
  }

  /**
   * Waits for the workspace scan to finish: every work-done progress the server began has
   * ended and nothing new began or was published for 2 s. A server that reports no progress
   * at all is taken as done after `quietMs` without diagnostics (and at least `quietMs` after start).
   */
  async waitScan(opts: { quietMs: number; timeoutMs: number; started: number }): Promise<{ seconds: number; by: "progress" | "quiet" | "timeout" }> {
    let lastBegunCount = 0, lastChange = opts.started;
    for (;;) {
      await new Promise((r) => setTimeout(r, 100));
      const now = performance.now();
      if (this.progressBegun.size !== lastBegunCount) { lastBegunCount = this.progressBegun.size; lastChange = now; }
      if (now - opts.started > opts.timeoutMs) return { seconds: (now - opts.started) / 1000, by: "timeout" };
      const last = Math.max(this.lastPublishAt, lastChange, opts.started);
      const progressDone = this.progressBegun.size > 0 && [...this.progressBegun].every((t) => this.progressEnded.has(t));
      if (progressDone && now - last > 2000) return { seconds: (last - opts.started) / 1000, by: "progress" };
      if (this.progressBegun.size === 0 && now - last > opts.quietMs && now - opts.started > opts.quietMs) return { seconds: (last - opts.started) / 1000, by: "quiet" };
    }
  }

  rssMb(): { rss_mb: number; hwm_mb: number } {
    const status = readFileSync(`/proc/${this.proc.pid}/status`, "utf8");
    const kb = (key: string) => Number(/^(\w+):\s+(\d+)/m.exec(status.split("\n").find((l) => l.startsWith(key + ":")) ?? "")?.[2] ?? NaN);
    return { rss_mb: Math.round(kb("VmRSS") / 102.4) / 10, hwm_mb: Math.round(kb("VmHWM") / 102.4) / 10 };
  }

  async stop(): Promise<void> {
    try {
      await Promise.race([this.conn.sendRequest("shutdown"), new Promise((r) => setTimeout(r, 2000))]);
      await this.conn.sendNotification("exit");
    } catch { /* already gone */ }
    await new Promise<void>((resolve) => {
      if (this.proc.exitCode !== null) return resolve();
      const t = setTimeout(() => { this.proc.kill("SIGKILL"); resolve(); }, 3000);
      this.proc.once("exit", () => { clearTimeout(t); resolve(); });
    });
    this.conn.dispose();
  }
}
