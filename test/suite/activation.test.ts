import * as assert from "node:assert/strict";
import * as vscode from "vscode";
import { activate, closeAll, diagnostic, extension, open, packageJson, waitFor, writeWs, wsUri } from "./helpers";

/** The commands the issue names; the contributed list must contain at least these. */
const EXPECTED_COMMANDS = [
  "llm-d-contrib.restartServer", "llm-d-contrib.showOutput", "llm-d-contrib.newProposal",
  "llm-d-contrib.commitSignedOff", "llm-d-contrib.commitSignedOffAndSigned", "llm-d-contrib.addSignoff",
  "llm-d-contrib.amendWithSignoff", "llm-d-contrib.signOffBranch", "llm-d-contrib.checkDco",
];

describe("activation", () => {
  after(closeAll);

  it("activates at startup, before any file is opened, and starts the language client", async () => {
    // No editor has been opened yet. workspaceContains:**/OWNERS activates it, or, when VS Code's
    // 7 s search for that pattern times out (it does on a loaded machine, and then VS Code skips
    // the event), the Source Control input box (onLanguage:scminput) does.
    assert.deepEqual(vscode.window.visibleTextEditors.map((e) => e.document.uri.toString()), []);
    await waitFor("activation at startup", () => extension().isActive, 90_000);
    const api = await activate();
    assert.ok(extension().isActive, "extension is not active after activate()");
    assert.ok(api.client, "activate() must return { client }");
    await waitFor("the language client to run", () => api.client!.isRunning(), 30_000);
  });

  // One document per file kind: its language id must be one the extension activates on, and the
  // server must be attached to it (it answers with our diagnostics).
  const kinds: { kind: string; rel: string; languageId: string; text?: string; rule: string }[] = [
    { kind: "OWNERS", rel: "OWNERS", languageId: "owners", rule: "owners/unknown-key" },
    { kind: "OWNERS_ALIASES", rel: "OWNERS_ALIASES", languageId: "owners-aliases", rule: "owners/empty-alias" },
    { kind: "proposal", rel: "docs/proposals/fast-path.md", languageId: "markdown", rule: "proposal/missing-section" },
    { kind: "Go", rel: "cmd/server/options.go", languageId: "go", rule: "flags/experimental-default-on" },
    { kind: "commit message", rel: "msg/COMMIT_EDITMSG", languageId: "git-commit",
      text: "Add the fast path\n\nIt skips scoring for short prompts.\n", rule: "commit/missing-signoff" },
  ];
  for (const k of kinds) {
    it(`recognises ${k.kind} files (language "${k.languageId}") and checks them`, async () => {
      const uri = k.text ? writeWs(k.rel, k.text) : wsUri(k.rel);
      const editor = await open(uri);
      assert.equal(editor.document.languageId, k.languageId);
      const events: string[] = packageJson().activationEvents ?? [];
      assert.ok(events.includes(`onLanguage:${k.languageId}`), `activationEvents lack onLanguage:${k.languageId}`);
      assert.ok(extension().isActive);
      if (k.rule) await diagnostic(uri, k.rule);
    });
  }

  it("registers every contributed command", async () => {
    const contributed: string[] = (packageJson().contributes?.commands ?? []).map((c: { command: string }) => c.command);
    for (const c of EXPECTED_COMMANDS) assert.ok(contributed.includes(c), `package.json does not contribute ${c}`);
    await activate();
    const registered = new Set(await vscode.commands.getCommands(true));
    const missing = contributed.filter((c) => !registered.has(c));
    assert.deepEqual(missing, [], "contributed but not registered");
  });

  it("showOutput opens the server's output channel without error", async () => {
    await vscode.commands.executeCommand("llm-d-contrib.showOutput");
  });

  it("restartServer restarts the client and diagnostics come back", async () => {
    const api = await activate();
    const uri = wsUri("OWNERS");
    await open(uri);
    await diagnostic(uri, "owners/unknown-key");
    await vscode.commands.executeCommand("llm-d-contrib.restartServer");
    await waitFor("the client to run again after restart", () => api.client!.isRunning(), 30_000);
    await diagnostic(uri, "owners/unknown-key", undefined, 30_000);
  });
});
