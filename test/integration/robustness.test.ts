/**
 * The server keeps answering: handlers that throw answer with an empty result and log, requests
 * for documents it does not know answer empty, untitled buffers are checked by language id,
 * and shutdown/exit ends the process with code 0.
 */
import { strict as assert } from "node:assert";
import {
  CodeActionRequest, CompletionRequest, DefinitionRequest, DocumentSymbolRequest, HoverRequest,
  PrepareRenameRequest, ReferencesRequest, RenameRequest,
} from "vscode-languageserver-protocol/node";
import { LspHarness, removeRepo, tempRepo } from "./lsp-harness";

describe("language server: robustness", function () {
  let h: LspHarness;
  let root: string;

  beforeEach(async () => {
    root = tempRepo({ "OWNERS": "approvers:\n  - alice\n" });
    h = await LspHarness.start({ root });
  });
  afterEach(async () => {
    h?.kill();
    removeRepo(root);
  });

  it("answers a request whose handler throws with an empty result, logs it, and keeps serving", async () => {
    const uri = await h.open("OWNERS", "owners", "approver:\n  - alice\n");
    await h.waitForDiagnostics(uri, { version: 1 });
    // No `context`: the code action handler fails on it.
    const result = await h.connection.sendRequest("textDocument/codeAction", { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } });
    assert.deepEqual(result, []);
    await h.until("the error in the log", () => h.logs.find((l) => l.startsWith("codeAction failed: TypeError")));
    // Still alive: edits are checked and published.
    const v = await h.change(uri, { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 8 } }, text: "approvers" });
    assert.deepEqual((await h.waitForDiagnostics(uri, { version: v })).diagnostics, []);
  });

  it("answers empty for documents it does not know", async () => {
    const uri = h.uri("nowhere/OWNERS");
    const at = { textDocument: { uri }, position: { line: 0, character: 0 } };
    assert.deepEqual(await h.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: { start: at.position, end: at.position }, context: { diagnostics: [] } }), []);
    assert.deepEqual(await h.connection.sendRequest(CompletionRequest.type, at), []);
    assert.equal(await h.connection.sendRequest(HoverRequest.type, at), null);
    assert.deepEqual(await h.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } }), []);
    assert.deepEqual(await h.connection.sendRequest(DefinitionRequest.type, at), []);
    assert.deepEqual(await h.connection.sendRequest(ReferencesRequest.type, { ...at, context: { includeDeclaration: true } }), []);
    assert.equal(await h.connection.sendRequest(RenameRequest.type, { ...at, newName: "x" }), null);
    assert.equal(await h.connection.sendRequest(PrepareRenameRequest.type, at), null);
  });

  it("checks an untitled buffer by its language id", async () => {
    const uri = await h.openUri("untitled:Untitled-1", "owners", "approvers:\n  - alice\nreviwers:\n  - bob\n");
    const d = await h.waitForDiagnostics(uri, { version: 1 });
    assert.deepEqual(d.diagnostics.map((x) => [x.code, x.range.start.line]), [["owners/unknown-key", 2]]);
  });

  it("ignores documents outside the workspace and kinds it does not know", async () => {
    const outside = await h.openUri("file:///elsewhere/OWNERS", "owners", "approver:\n");
    const text = await h.open("notes.txt", "plaintext", "approver:\n");
    const known = await h.open("OWNERS", "owners", "approver:\n");
    await h.waitForDiagnostics(known, { version: 1 });
    assert.deepEqual([h.publishesFor(outside), h.publishesFor(text)], [[], []]);
  });

  it("exits with code 0 after shutdown and exit", async () => {
    assert.equal(await h.stop(), 0);
  });
});
