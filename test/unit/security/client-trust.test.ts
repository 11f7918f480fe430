/**
 * The VS Code client in an untrusted workspace: it tells the server (initializationOptions
 * .trusted = false, so the server runs no git), every command that runs git refuses with a
 * message that says why, the DCO status bar does not refresh, and no git process starts. When
 * trust is granted the server is restarted, trusted. The `vscode` and `vscode-languageclient`
 * modules are replaced by small stand-ins (this runs in plain node, no VS Code).
 */
import { strict as assert } from "node:assert";
import { createRequire } from "node:module";
import { join, resolve } from "node:path";
import { JANE, Repo, isolateGit } from "../commit/git-fixture";

const req = createRequire(__filename);
const Module = req("node:module") as { _load: (request: string, parent: unknown, isMain: boolean) => unknown };
const cp = req("node:child_process") as { execFile: (...a: unknown[]) => unknown };
const CLIENT = resolve(__dirname, "..", "..", "..", "client", "src");

type Listener = (...a: unknown[]) => unknown;
const disposable = { dispose() {} };

class Uri {
  private constructor(readonly scheme: string, readonly fsPath: string) {}
  static file(p: string): Uri { return new Uri("file", p); }
  static parse(s: string): Uri { return new Uri(s.split(":")[0], s.replace(/^file:\/\//, "")); }
  toString(): string { return `${this.scheme}://${this.fsPath}`; }
}

/** What the stand-ins saw. */
const seen = {
  commands: new Map<string, Listener>(),
  trustListeners: [] as Listener[],
  errors: [] as string[],
  infos: [] as string[],
  clients: [] as FakeClient[],
  commits: [] as unknown[],
};
let trusted = false;

class FakeClient {
  running = false;
  restarts = 0;
  constructor(readonly id: string, readonly name: string, readonly serverOptions: unknown, readonly clientOptions: { initializationOptions: () => Record<string, unknown> }) { seen.clients.push(this); }
  async start() { this.running = true; }
  async stop() { this.running = false; }
  async restart() { this.restarts++; }
  isRunning() { return this.running; }
  warn() {}
}

const repoDir = { path: "" };
const inputBox = { value: "" };
const fakeRepo = {
  get rootUri() { return Uri.file(repoDir.path); },
  inputBox,
  state: { HEAD: { name: "main" }, indexChanges: [{}], workingTreeChanges: [], mergeChanges: [], onDidChange: () => disposable },
  async commit(message: string, opts: unknown) { seen.commits.push({ message, opts }); },
  async status() {},
  async getConfig() { return ""; },
};
const gitApiStub = {
  state: "initialized", repositories: [fakeRepo], getRepository: () => fakeRepo,
  onDidOpenRepository: () => disposable, onDidChangeState: () => disposable,
};

const vscodeStub = {
  Uri,
  StatusBarAlignment: { Left: 1, Right: 2 },
  ProgressLocation: { Notification: 15 },
  QuickPickItemKind: { Separator: -1 },
  ThemeColor: class { constructor(readonly id: string) {} },
  commands: {
    registerCommand: (id: string, fn: Listener) => { seen.commands.set(id, fn); return disposable; },
    executeCommand: async () => undefined,
  },
  window: {
    createOutputChannel: () => ({ info() {}, error() {}, warn() {}, show() {}, dispose() {} }),
    createStatusBarItem: () => ({ show() {}, hide() {}, dispose() {} }),
    showErrorMessage: async (m: string) => { seen.errors.push(m); return undefined; },
    showInformationMessage: async (m: string) => { seen.infos.push(m); return undefined; },
    showWarningMessage: async () => undefined,
    withProgress: async (_o: unknown, task: () => unknown) => task(),
    activeTextEditor: undefined,
  },
  workspace: {
    get isTrusted() { return trusted; },
    workspaceFolders: undefined,
    onDidGrantWorkspaceTrust: (l: Listener) => { seen.trustListeners.push(l); return disposable; },
    onWillSaveTextDocument: () => disposable,
    getConfiguration: () => ({ get: (_k: string, d: unknown) => d }),
  },
  extensions: {
    getExtension: (id: string) => (id === "vscode.git" ? { isActive: true, exports: { enabled: true, getAPI: () => gitApiStub } } : undefined),
  },
  env: { clipboard: { writeText: async () => undefined } },
};
const languageClientStub = { LanguageClient: FakeClient, TransportKind: { stdio: 0, ipc: 1 }, CodeActionRequest: { type: { method: "textDocument/codeAction" } } };

describe("security: the VS Code client in an untrusted workspace", function () {
  this.timeout(30_000);
  const originalLoad = Module._load;
  const originalExecFile = cp.execFile;
  const gitRuns: string[][] = [];
  let restoreEnv: () => void;
  let repo: Repo;
  let extension: { activate(ctx: unknown): Promise<unknown>; deactivate(): Promise<void> };
  const context = { subscriptions: [] as unknown[], extensionPath: "/ext", asAbsolutePath: (p: string) => join("/ext", p) };

  before(async () => {
    restoreEnv = isolateGit();
    repo = new Repo("trust");
    repo.commit("Start\n\nSigned-off-by: Jane Dev <jane@example.com>\n");
    repoDir.path = repo.dir;
    Module._load = function (this: unknown, request: string, parent: unknown, isMain: boolean) {
      if (request === "vscode") return vscodeStub;
      if (request === "vscode-languageclient/node") return languageClientStub;
      return originalLoad.call(this, request, parent, isMain);
    };
    cp.execFile = function (this: unknown, ...a: unknown[]) {
      gitRuns.push([...(a[1] as string[])]);
      return originalExecFile.apply(this, a);
    };
    extension = req(join(CLIENT, "extension.ts"));
    await extension.activate(context);
  });
  after(async () => {
    await extension?.deactivate();
    Module._load = originalLoad;
    cp.execFile = originalExecFile;
    for (const k of Object.keys(req.cache)) if (k.startsWith(CLIENT)) delete req.cache[k];
    restoreEnv?.();
    repo?.remove();
  });

  it("starts the language server telling it the workspace is not trusted", () => {
    assert.equal(seen.clients.length, 1);
    const client = seen.clients[0];
    assert.ok(client.isRunning());
    assert.equal(client.clientOptions.initializationOptions().trusted, false);
  });

  const GIT_COMMANDS = ["commitSignedOff", "commitSignedOffAndSigned", "addSignoff", "amendWithSignoff", "signOffBranch", "checkDco"];

  it("refuses every command that runs git, saying why, and changes nothing", async () => {
    inputBox.value = "Add a thing\n\nBecause.\n";
    for (const id of GIT_COMMANDS) {
      const run = seen.commands.get(`llm-d-contrib.${id}`);
      assert.ok(run, `${id} is registered`);
      const result = await run({ root: repo.dir, assumeYes: true, message: "Add a thing\n" }) as { ok: boolean; message: string };
      assert.equal(result.ok, false, id);
      assert.match(result.message, /disabled in an untrusted workspace/, `${id}: ${result.message}`);
      assert.equal(seen.errors.at(-1), result.message, `${id} showed its refusal`);
    }
    assert.deepEqual(seen.commits, []);
    assert.equal(inputBox.value, "Add a thing\n\nBecause.\n");
  });

  it("starts no git process, the status bar's scheduled refresh included", async () => {
    await new Promise((r) => setTimeout(r, 1700)); // the refresh is scheduled 1.5 s after activation
    assert.deepEqual(gitRuns, []);
  });

  it("restarts the server, trusted, when trust is granted; then the commands run git", async () => {
    trusted = true;
    for (const l of seen.trustListeners) l();
    const client = seen.clients[0];
    assert.equal(client.restarts, 1);
    assert.equal(client.clientOptions.initializationOptions().trusted, true);
    const result = await seen.commands.get("llm-d-contrib.addSignoff")!({}) as { ok: boolean; message: string };
    assert.ok(result.ok, result.message);
    assert.equal(inputBox.value, `Add a thing\n\nBecause.\n\nSigned-off-by: ${JANE.name} <${JANE.email}>\n`);
    assert.ok(gitRuns.some((args) => args.includes("GIT_AUTHOR_IDENT")), "the identity came from git (the interception works)");
  });
});
