/**
 * No network: the CLI (over the examples repository, every command, with and without worker
 * threads) and the server (a workspace scan of the examples, documents opened, requests
 * answered) run with a preload that records and refuses every attempt to reach the network.
 * Nothing may be attempted. A control run shows the preload does record attempts.
 */
import { strict as assert } from "node:assert";
import { fork, spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import {
  CompletionRequest, DidOpenTextDocumentNotification, ExitNotification, HoverRequest, IPCMessageReader, IPCMessageWriter,
  InitializeRequest, InitializedNotification, PublishDiagnosticsNotification, ShutdownRequest, createProtocolConnection,
  type PublishDiagnosticsParams,
} from "vscode-languageserver-protocol/node";
import { FULL_CAPABILITIES, LspHarness, REPO_ROOT, SERVER_JS, tempRepo, removeRepo } from "../lsp-harness";
import { withEnv } from "./env";

const PRELOAD = join(__dirname, "no-network-preload.cjs");
const CLI = join(REPO_ROOT, "bin", "llm-d-contrib.js");
const EXAMPLES = join(REPO_ROOT, "examples");

describe("reliability: no network, from the CLI or the server", function () {
  this.timeout(60_000);
  let scratch: string;
  let netLog: string;
  let loadedLog: string;

  before(() => {
    scratch = mkdtempSync(join(tmpdir(), "llm-d-contrib-net-"));
    netLog = join(scratch, "net.log");
    loadedLog = join(scratch, "loaded.log");
  });
  after(() => rmSync(scratch, { recursive: true, force: true }));

  const attempts = () => (existsSync(netLog) ? readFileSync(netLog, "utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l) as { pid: number; what: string; target: unknown }) : []);
  const loaded = () => (existsSync(loadedLog) ? readFileSync(loadedLog, "utf8").split("\n").filter(Boolean) : []);
  const guardEnv = () => ({ NODE_OPTIONS: `--require=${JSON.stringify(PRELOAD)}`, LLMD_NET_LOG: netLog, LLMD_NET_LOADED: loadedLog });

  function cli(args: string[], opts: { cwd?: string; input?: string; env?: Record<string, string> } = {}) {
    const r = spawnSync(process.execPath, [CLI, ...args], {
      cwd: opts.cwd ?? REPO_ROOT, input: opts.input, encoding: "utf8", timeout: 30_000,
      env: { ...process.env, ...guardEnv(), ...opts.env },
    });
    assert.ok(r.status === 0 || r.status === 1, `llm-d-contrib ${args.join(" ")}: exit ${r.status ?? r.signal}\n${r.stderr}`);
    assert.ok(loaded().some((l) => l.startsWith(`${r.pid}:`)), `the preload was active in llm-d-contrib ${args.join(" ")}`);
    return r;
  }

  it("control: the preload records and refuses connections, DNS, http and fetch", () => {
    const script = [
      "const net = require('node:net'), dns = require('node:dns'), http = require('node:http');",
      "const tries = [() => net.connect(9, '127.0.0.1'), () => dns.lookup('localhost', () => {}), () => http.get('http://127.0.0.1:9/'), () => new net.Socket().connect(9, '127.0.0.1')];",
      "let refused = 0; for (const t of tries) { try { t(); } catch (e) { if (e.code === 'ENETUNREACH') refused++; } }",
      "fetch('http://127.0.0.1:9/').catch((e) => { if (e.code === 'ENETUNREACH') refused++; console.log(refused); });",
    ].join("\n");
    const r = spawnSync(process.execPath, ["-e", script], { encoding: "utf8", env: { ...process.env, ...guardEnv() } });
    assert.equal(r.stdout.trim(), "5", r.stderr);
    assert.deepEqual(attempts().map((a) => a.what), ["net.connect", "dns.lookup", "http.get", "net.Socket#connect", "fetch"]);
    rmSync(netLog);
  });

  it("the CLI attempts nothing: lint in every format, --stdin, threads, rules, commit-msg, dco", () => {
    const repo = tempRepo({});
    try {
      cpSync(EXAMPLES, repo, { recursive: true });
      spawnSync("git", ["-C", repo, "add", "-A"]);
      spawnSync("git", ["-C", repo, "commit", "-q", "-m", "Examples"]);
      for (const format of ["text", "sarif"]) {
        const r = cli(["lint", repo, "--format", format]);
        assert.ok(r.stdout.length > 100, `lint --format ${format} printed findings`);
      }
      // JSON, with the files shared out to worker threads.
      const threaded = cli(["lint", repo, "--format", "json"], { env: { LLM_D_CONTRIB_THREADS: "2" } });
      assert.ok((JSON.parse(threaded.stdout) as unknown[]).length > 10);
      assert.ok(loaded().some((l) => l.startsWith(`${threaded.pid}:`) && !l.endsWith(":0")), "a worker thread ran under the preload");
      cli(["lint", "--stdin", "--stdin-filename", "OWNERS"], { cwd: repo, input: "approvers:\n  - alice\nreviwers: []\n" });
      cli(["rules", "--format", "json"]);
      cli(["commit-msg", join(repo, "commit-messages", "missing-signoff", "COMMIT_EDITMSG")], { cwd: repo });
      cli(["dco", "--base", "HEAD"], { cwd: repo });
    } finally {
      removeRepo(repo);
    }
    assert.deepEqual(attempts(), []);
  });

  it("the server attempts nothing: a workspace scan of the examples, opened documents, requests", async () => {
    const repo = tempRepo({});
    cpSync(EXAMPLES, repo, { recursive: true });
    const h = await withEnv(guardEnv(), () => LspHarness.start({ root: repo, initializationOptions: { trusted: true, debounceMs: 0 } }));
    try {
      await h.scanEnded(30_000);
      assert.ok(loaded().some((l) => l.startsWith(`${h.proc.pid}:`)), "the preload was active in the server");
      const published = new Set(h.published.filter((p) => p.params.diagnostics.length > 0).map((p) => p.params.uri));
      assert.ok(published.size >= 10, `the scan published diagnostics for ${published.size} files`);
      const owners = await h.open("OWNERS", "owners");
      await h.waitForDiagnostics(owners, { version: 1 });
      await h.connection.sendRequest(HoverRequest.type, { textDocument: { uri: owners }, position: { line: 0, character: 2 } });
      await h.connection.sendRequest(CompletionRequest.type, { textDocument: { uri: owners }, position: { line: 1, character: 0 } });
      const scm = `vscode-scm:git/scm0/input?rootUri=${encodeURIComponent(h.uri(""))}`;
      await h.openUri(scm, "scminput", "Add a thing\n\nBecause.\n");
      await h.waitForDiagnostics(scm, { version: 1 });
      assert.equal(await h.stop(), 0);
    } finally {
      h.kill();
      removeRepo(repo);
    }
    assert.deepEqual(attempts(), []);
  });

  it("the server over node IPC (VS Code's transport) attempts nothing either", async () => {
    const repo = tempRepo({ "OWNERS": "approvers:\n  - alice\nreviwers:\n  - bob\n" });
    const proc = fork(SERVER_JS, ["--node-ipc"], { execArgv: [], detached: true, stdio: ["ignore", "ignore", "ignore", "ipc"], env: { ...process.env, ...guardEnv() } });
    const connection = createProtocolConnection(new IPCMessageReader(proc), new IPCMessageWriter(proc));
    try {
      const published = new Promise<PublishDiagnosticsParams>((resolve) => connection.onNotification(PublishDiagnosticsNotification.type, (p) => { if (p.version === 1) resolve(p); }));
      connection.listen();
      const rootUri = pathToFileURL(repo).href;
      await connection.sendRequest(InitializeRequest.type, { processId: process.pid, rootUri, workspaceFolders: [{ uri: rootUri, name: "root" }], capabilities: FULL_CAPABILITIES, initializationOptions: { trusted: true, debounceMs: 0 } });
      await connection.sendNotification(InitializedNotification.type, {});
      await connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: `${rootUri}/OWNERS`, languageId: "owners", version: 1, text: readFileSync(join(repo, "OWNERS"), "utf8") } });
      assert.deepEqual((await published).diagnostics.map((d) => d.code), ["owners/unknown-key"]);
      assert.ok(loaded().some((l) => l.startsWith(`${proc.pid}:`)), "the preload was active in the server");
      await connection.sendRequest(ShutdownRequest.type);
      const exited = new Promise((resolve) => proc.once("exit", resolve));
      await connection.sendNotification(ExitNotification.type);
      assert.equal(await exited, 0);
    } finally {
      connection.dispose();
      try { process.kill(-proc.pid!, "SIGKILL"); } catch { /* gone */ }
      removeRepo(repo);
    }
    assert.deepEqual(attempts(), []);
  });
});
