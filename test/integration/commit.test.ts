/**
 * Commit messages through the server: the SCM input box (vscode-scm: URI, language scminput)
 * and git's COMMIT_EDITMSG (git-commit), with the identity git will commit as (host facts
 * gathered by the server from the repository's config), and the commit family's completion and hover.
 */
import { strict as assert } from "node:assert";
import { pathToFileURL } from "node:url";
import {
  CodeActionRequest, CompletionItemKind, CompletionRequest, HoverRequest,
  type CodeAction, type CompletionItem, type MarkupContent,
} from "vscode-languageserver-protocol/node";
import { LspHarness, TEST_USER, messageOf, removeRepo, tempRepo } from "./lsp-harness";

const range = (sl: number, sc: number, el: number, ec: number) => ({ start: { line: sl, character: sc }, end: { line: el, character: ec } });
const SIGNOFF = `Signed-off-by: ${TEST_USER.name} <${TEST_USER.email}>`;

describe("language server: commit messages", function () {
  let h: LspHarness;
  let root: string;
  let scmUri: string;

  beforeEach(async () => {
    root = tempRepo({ "README.md": "# x\n" });
    scmUri = `vscode-scm:git/scm0/input?rootUri=${encodeURIComponent(pathToFileURL(root).href)}`;
    h = await LspHarness.start({ root });
  });
  afterEach(async () => {
    try { await h?.stop(); } finally { h?.kill(); removeRepo(root); }
  });

  it("checks the SCM input box and offers the sign-off of the repository's git identity", async () => {
    await h.openUri(scmUri, "scminput", "Add a thing\n\nBecause.\n");
    const d = await h.waitForDiagnostics(scmUri, { version: 1 });
    assert.deepEqual(d.diagnostics.map((x) => [x.code, x.range]), [["commit/missing-signoff", range(0, 0, 0, 11)]]);
    assert.ok(messageOf(d.diagnostics[0]).includes(SIGNOFF), messageOf(d.diagnostics[0]));

    const actions = await h.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri: scmUri }, range: d.diagnostics[0].range, context: { diagnostics: d.diagnostics } }) as CodeAction[];
    assert.deepEqual(actions.map((a) => a.title), [`Add "${SIGNOFF}"`]);
    assert.deepEqual(actions[0].edit, { documentChanges: [{ textDocument: { uri: scmUri, version: 1 }, edits: [{ range: range(3, 0, 3, 0), newText: `\n${SIGNOFF}\n` }] }] });

    const v = await h.change(scmUri, { range: range(3, 0, 3, 0), text: `\n${SIGNOFF}\n` });
    assert.deepEqual((await h.waitForDiagnostics(scmUri, { version: v })).diagnostics, []);
  });

  it("checks git's COMMIT_EDITMSG by its git-commit language id", async () => {
    const uri = await h.open(".git/COMMIT_EDITMSG", "git-commit", "Add a thing\n\nBecause.\n\n# Please enter the commit message.\n");
    const d = await h.waitForDiagnostics(uri, { version: 1 });
    assert.deepEqual(d.diagnostics.map((x) => [x.code, x.range]), [["commit/missing-signoff", range(0, 0, 0, 11)]]);
  });

  it("completes a sign-off trailer and explains one on hover", async () => {
    await h.openUri(scmUri, "scminput", "Add a thing\n\nBecause.\n\nSig");
    await h.waitForDiagnostics(scmUri, { version: 1 });
    const items = await h.connection.sendRequest(CompletionRequest.type, { textDocument: { uri: scmUri }, position: { line: 4, character: 3 } }) as CompletionItem[];
    const mine = items.find((i) => i.label === SIGNOFF);
    assert.ok(mine, `no ${SIGNOFF} in ${items.map((i) => i.label)}`);
    assert.equal(mine.kind, CompletionItemKind.Snippet);
    assert.deepEqual(mine.textEdit, { range: range(4, 0, 4, 3), newText: SIGNOFF });

    const v = await h.change(scmUri, { range: range(4, 0, 4, 3), text: SIGNOFF });
    await h.waitForDiagnostics(scmUri, { version: v });
    const hover = await h.connection.sendRequest(HoverRequest.type, { textDocument: { uri: scmUri }, position: { line: 4, character: 5 } });
    assert.equal((hover?.contents as MarkupContent).kind, "markdown");
    assert.match((hover?.contents as MarkupContent).value, /Developer Certificate of Origin/);
    assert.deepEqual(hover?.range, range(4, 0, 4, SIGNOFF.length));
    // No hover away from the sign-off.
    assert.equal(await h.connection.sendRequest(HoverRequest.type, { textDocument: { uri: scmUri }, position: { line: 0, character: 2 } }), null);
  });

  it("runs no git in an untrusted workspace: no identity is offered", async () => {
    const untrusted = await LspHarness.start({ root, initializationOptions: { trusted: false } });
    try {
      await untrusted.openUri(scmUri, "scminput", "Add a thing\n\nBecause.\n");
      const d = await untrusted.waitForDiagnostics(scmUri, { version: 1 });
      assert.deepEqual(d.diagnostics.map((x) => x.code), ["commit/missing-signoff"]);
      assert.ok(!messageOf(d.diagnostics[0]).includes(TEST_USER.email), messageOf(d.diagnostics[0]));
    } finally {
      untrusted.kill();
    }
  });
});
