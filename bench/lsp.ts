/**
 * lsp: from `textDocument/didChange` to the matching `publishDiagnostics`, through the real
 * server process (dist/server.js --stdio), one keystroke at a time, with the server's debounce
 * as configured. rss: the server's resident memory after a workspace scan of the generated tree.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { LspClient } from "./lib/lspClient";
import { Typist, fixtures } from "./lib/fixtures";
import { REPO_ROOT } from "./lib/paths";
import { summarize, type Summary } from "./lib/stats";
import { analyzeProfile, type ProfileResult } from "./profile";

export const SERVER_JS = join(REPO_ROOT, "dist", "server.js");

/** The debounce the server applies, read from its source (a number of milliseconds next to "debounce"). */
export function configuredDebounceMs(): number | null {
  if (process.env.BENCH_DEBOUNCE_MS) return Number(process.env.BENCH_DEBOUNCE_MS);
  const candidates = [join(REPO_ROOT, "server", "src", "server.ts")];
  for (const sub of ["lsp", "server"]) {
    const dir = join(REPO_ROOT, "server", "src", sub);
    if (existsSync(dir)) for (const f of execFileSync("find", [dir, "-name", "*.ts"], { encoding: "utf8" }).split("\n").filter(Boolean).sort()) candidates.push(f);
  }
  const texts = candidates.filter((f) => existsSync(f)).map((f) => readFileSync(f, "utf8"));
  for (const re of [/\bDEFAULT_DEBOUNCE_MS\s*=\s*(\d+)/, /debounce\w*\s*(?::\s*number\s*)?=\s*(\d+)/i]) {
    for (const t of texts) { const m = re.exec(t); if (m) return Number(m[1]); }
  }
  return null;
}

export interface LspResult {
  /** p95 over the three documents (the worst of them), with the server's debounce as configured. */
  didChange_to_diagnostics_p95_ms: number;
  debounce_ms: number | null;
  /** The same with the debounce set to 0 (initializationOptions.debounceMs): the server's own work plus JSON-RPC. */
  without_debounce_p95_ms: number | null;
  incrementalSync: boolean;
  perDocument: Record<string, Summary>;
  perDocumentWithoutDebounce: Record<string, Summary> | null;
  /** CPU profile of the server during the debounce-0 pass (startup and scan of the small workspace included). */
  serverProfile?: Omit<ProfileResult, "wall_s">;
}

async function measure(opts: { seed: number; iterations: number; root: string; initOptions: Record<string, unknown>; label: string; nodeArgs?: string[]; log?: (s: string) => void }): Promise<{ perDocument: Record<string, Summary>; incremental: boolean }> {
  const { docs } = fixtures(opts.seed);
  const client = new LspClient(SERVER_JS, {}, opts.nodeArgs);
  const perDocument: Record<string, Summary> = {};
  try {
    await client.initialize(opts.root, opts.initOptions);
    // Let the (small) workspace scan finish so it does not compete with the keystrokes.
    await client.waitScan({ started: performance.now(), quietMs: 3000, timeoutMs: 60000 });
    for (const fx of docs) {
      const uri = pathToFileURL(join(opts.root, fx.relPath)).href;
      let version = 1;
      const first = client.waitDiagnostics(uri, { after: performance.now(), timeoutMs: 30000 });
      await client.conn.sendNotification("textDocument/didOpen", { textDocument: { uri, languageId: fx.languageId, version, text: fx.text } });
      await first;
      const typist = new Typist(fx, opts.seed);
      const samples: number[] = [];
      const warm = 5;
      for (let i = 0; i < warm + opts.iterations; i++) {
        const k = typist.next();
        version++;
        const change = client.incremental
          ? { range: { start: { line: k.line, character: k.character }, end: { line: k.line, character: k.character + k.deleteCount } }, text: k.insert }
          : { text: typist.text() };
        const t0 = performance.now();
        const wait = client.waitDiagnostics(uri, { after: t0, minVersion: version, timeoutMs: 10000 });
        await client.conn.sendNotification("textDocument/didChange", { textDocument: { uri, version }, contentChanges: [change] });
        const d = await wait;
        if (i >= warm) samples.push(d.at - t0);
      }
      perDocument[fx.name] = summarize(samples);
      opts.log?.(`lsp ${fx.name} (${opts.label}): p50 ${perDocument[fx.name].p50_ms} ms, p95 ${perDocument[fx.name].p95_ms} ms`);
      await client.conn.sendNotification("textDocument/didClose", { textDocument: { uri } });
    }
  } catch (e) {
    throw new Error(`${(e as Error).message}\nserver stderr:\n${client.stderr.slice(-2000)}`);
  } finally {
    await client.stop();
  }
  return { perDocument, incremental: client.incremental };
}

export async function runLspLatency(opts: { seed: number; iterations: number; workDir: string; log?: (s: string) => void }): Promise<LspResult> {
  if (!existsSync(SERVER_JS)) throw new Error("dist/server.js is missing (npm run build)");
  const { workspace } = fixtures(opts.seed);
  const root = join(opts.workDir, "lsp-workspace");
  rmSync(root, { recursive: true, force: true });
  for (const [rel, text] of Object.entries(workspace)) {
    mkdirSync(dirname(join(root, rel)), { recursive: true });
    writeFileSync(join(root, rel), text);
  }
  execFileSync("git", ["init", "-q", root]);
  const configured = await measure({ ...opts, root, initOptions: {}, label: "debounce as configured" });
  let without: Awaited<ReturnType<typeof measure>> | undefined;
  const profDir = join(opts.workDir, "server-profile");
  rmSync(profDir, { recursive: true, force: true });
  mkdirSync(profDir, { recursive: true });
  let serverProfile: LspResult["serverProfile"];
  try {
    without = await measure({ ...opts, root, initOptions: { debounceMs: 0 }, label: "debounce 0", nodeArgs: ["--cpu-prof", `--cpu-prof-dir=${profDir}`, "--cpu-prof-interval=200"] });
    const f = readdirSync(profDir).find((n) => n.endsWith(".cpuprofile"));
    if (f) serverProfile = { ...analyzeProfile(join(profDir, f), 15), profile: join(profDir, f) };
  } catch (e) { opts.log?.(`lsp without debounce failed: ${(e as Error).message.split("\n")[0]}`); }
  const worst = (p: Record<string, Summary>) => Math.max(...Object.values(p).map((s) => s.p95_ms));
  return {
    didChange_to_diagnostics_p95_ms: worst(configured.perDocument),
    debounce_ms: configuredDebounceMs(),
    without_debounce_p95_ms: without ? worst(without.perDocument) : null,
    incrementalSync: configured.incremental,
    perDocument: configured.perDocument,
    perDocumentWithoutDebounce: without?.perDocument ?? null,
    serverProfile,
  };
}

export interface RssResult {
  /** A second after the scan ended (the server releases the scan's memory as it ends). */
  rss_mb: number;
  hwm_mb: number;
  /** RSS every 10 s for AFTER_S seconds more: V8's own memory reducer lowers it further later. */
  rss_after_scan_mb: number[];
  scan_s: number; scanEndedBy: string; diagnosticsPublished: number; urisWithProblems: number;
}

const AFTER_S = 30;

export async function runRss(opts: { treeRoot: string; timeoutMs: number; log?: (s: string) => void }): Promise<RssResult> {
  if (!existsSync(SERVER_JS)) throw new Error("dist/server.js is missing (npm run build)");
  // BENCH_SERVER_NODE_ARGS: Node flags for the server, e.g. "-r ./memlog.cjs" to log process.memoryUsage().
  const client = new LspClient(SERVER_JS, {}, process.env.BENCH_SERVER_NODE_ARGS?.split(" ").filter(Boolean) ?? []);
  try {
    const started = performance.now();
    await client.initialize(opts.treeRoot);
    const scan = await client.waitScan({ started, quietMs: 30000, timeoutMs: opts.timeoutMs });
    // The resident set a second after the scan, then every 10 s while the editor sits idle.
    await new Promise((r) => setTimeout(r, 1000));
    const mem = client.rssMb();
    const series: number[] = [];
    for (let t = 10; t <= AFTER_S; t += 10) {
      await new Promise((r) => setTimeout(r, 10_000));
      series.push(client.rssMb().rss_mb);
    }
    const uris = new Map<string, number>();
    for (const p of client.published) uris.set(p.uri, p.diagnostics.length);
    const result: RssResult = { rss_mb: mem.rss_mb, hwm_mb: client.rssMb().hwm_mb, rss_after_scan_mb: series, scan_s: Math.round(scan.seconds * 100) / 100, scanEndedBy: scan.by, diagnosticsPublished: client.published.length, urisWithProblems: [...uris.values()].filter((n) => n > 0).length };
    opts.log?.(`rss after scan: ${result.rss_mb} MB (peak ${result.hwm_mb} MB; every 10 s after: ${series.join(", ")}), scan ${result.scan_s} s (${scan.by}), ${result.urisWithProblems} files with problems`);
    return result;
  } finally {
    await client.stop();
  }
}
