/**
 * Workspace trust: in a workspace the user has not trusted (the client sends
 * initializationOptions.trusted = false, see client/src/languageClient.ts) the server runs no
 * git at all — a repository's git configuration can run programs — and still publishes
 * diagnostics. A fake git first on PATH records every run; trusted, the same session runs git.
 */
import { strict as assert } from "node:assert";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CodeActionRequest, CompletionRequest, HoverRequest, type Diagnostic } from "vscode-languageserver-protocol/node";
import { LspHarness, TEST_USER, messageOf, removeRepo, tempRepo } from "../lsp-harness";
import { recordingGit, withEnv } from "./env";

const FILES = {
  "OWNERS": "approvers:\n  - alice\nreviwers:\n  - bob\n",
  "docs/proposals/fast-path.md": "# Fast path\n\n## Summary\n\nShort.\n",
  "cmd/main.go": "package main\n\nimport \"flag\"\n\nvar fast = flag.Bool(\"fast-path\", true, \"Experimental: a faster path\")\n",
};
const SCM = "vscode-scm:git/scm0/input?rootUri=";

describe("reliability: an untrusted workspace runs no git", function () {
  this.timeout(60_000);
  let root: string;
  let scratch: string;
  let h: LspHarness | undefined;

  beforeEach(() => {
    root = tempRepo(FILES);
    scratch = mkdtempSync(join(tmpdir(), "llm-d-contrib-trust-"));
  });
  afterEach(() => {
    h?.kill();
    h = undefined;
    removeRepo(root);
    rmSync(scratch, { recursive: true, force: true });
  });

  /** Everything a session does that could read git: start, scan, commit messages, requests, settings. */
  async function session(trusted: boolean): Promise<{ runs: string[]; scmMessage: string }> {
    const git = recordingGit(scratch);
    h = await withEnv({ PATH: git.path }, () => LspHarness.start({ root, initializationOptions: { trusted, debounceMs: 0 } }));
    await h.scanEnded();
    const scmUri = `${SCM}${encodeURIComponent(h.uri(""))}`;
    await h.openUri(scmUri, "scminput", "Add a fast path\n\nBecause it is faster.\n");
    const scm = await h.waitForDiagnostics(scmUri, { version: 1 });
    const msgUri = await h.open(".git/COMMIT_EDITMSG", "git-commit", "Add a thing\n\nBody.\n");
    assert.deepEqual((await h.waitForDiagnostics(msgUri, { version: 1 })).diagnostics.map((d) => d.code), ["commit/missing-signoff"]);
    const owners = await h.open("OWNERS", "owners");
    const d = await h.waitForDiagnostics(owners, { version: 1 });
    assert.deepEqual(d.diagnostics.map((x) => x.code), ["owners/unknown-key"]);
    const pos = { textDocument: { uri: owners }, position: { line: 0, character: 3 } };
    assert.ok(await h.connection.sendRequest(HoverRequest.type, pos));
    await h.connection.sendRequest(CompletionRequest.type, pos);
    await h.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri: owners }, range: d.diagnostics[0].range, context: { diagnostics: d.diagnostics as Diagnostic[] } });
    // A settings change re-reads each repository's settings (and, trusted, git's identity).
    await h.changeSettings({ rules: { "owners/unknown-key": "hint" } });
    await h.waitForDiagnostics(owners, { accept: (p) => p.diagnostics[0]?.severity === 4 });
    await new Promise((r) => setTimeout(r, 300));
    return { runs: git.runs(), scmMessage: messageOf(scm.diagnostics[0]) };
  }

  it("untrusted: diagnostics are published and no git process is started", async () => {
    const { runs, scmMessage } = await session(false);
    assert.deepEqual(runs, []);
    assert.match(scmMessage, /^no Signed-off-by line/);
    assert.ok(!scmMessage.includes(TEST_USER.email), scmMessage);
    // The workspace scan ran all the same.
    assert.ok(h!.publishesFor(h!.uri("cmd/main.go")).some((p) => p.diagnostics.length > 0), "the Go file was checked");
  });

  it("trusted: the same session reads git's identity through git (the fake git sees it)", async () => {
    const { runs, scmMessage } = await session(true);
    assert.ok(runs.some((r) => r.includes("var GIT_AUTHOR_IDENT")), runs.join("\n"));
    assert.ok(scmMessage.includes(TEST_USER.email), scmMessage);
  });
});
