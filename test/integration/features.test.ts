/**
 * Editor features through the server, routed to the family of the document (here the owners
 * family): completion, hover, definition, references, prepareRename/rename across files, and
 * document symbols, converted to LSP types.
 */
import { strict as assert } from "node:assert";
import {
  CompletionItemKind, CompletionRequest, DefinitionRequest, DocumentSymbolRequest, HoverRequest, InsertTextFormat,
  PrepareRenameRequest, ReferencesRequest, RenameRequest, SymbolKind,
  type CompletionItem, type DocumentSymbol, type Location, type MarkupContent,
} from "vscode-languageserver-protocol/node";
import { FULL_CAPABILITIES, LspHarness, removeRepo, tempRepo } from "./lsp-harness";

const range = (sl: number, sc: number, el: number, ec: number) => ({ start: { line: sl, character: sc }, end: { line: el, character: ec } });

describe("language server: editor features", function () {
  let h: LspHarness;
  let root: string;
  let uri: string;
  const at = (line: number, character: number) => ({ textDocument: { uri }, position: { line, character } });

  beforeEach(async () => {
    root = tempRepo({
      "OWNERS_ALIASES": "aliases:\n  sig-router-leads:\n    - alice\n    - bob\n",
      "OWNERS": "approvers:\n  - sig-router-leads\n",
      "pkg/OWNERS": "reviewers:\n  - sig-router-leads\n  - carol\n",
    });
    h = await LspHarness.start({ root });
    uri = await h.open("OWNERS", "owners");
    await h.waitForDiagnostics(uri, { version: 1 });
  });
  afterEach(async () => {
    try { await h?.stop(); } finally { h?.kill(); removeRepo(root); }
  });

  it("completes aliases and known logins in a people list", async () => {
    const v = await h.change(uri, { range: range(2, 0, 2, 0), text: "reviewers:\n  - " });
    await h.waitForDiagnostics(uri, { version: v });
    const items = await h.connection.sendRequest(CompletionRequest.type, at(3, 4)) as CompletionItem[];
    const here = range(3, 4, 3, 4);
    assert.deepEqual(items.map((i) => [i.label, i.kind, i.textEdit]), [
      ["sig-router-leads", CompletionItemKind.Reference, { range: here, newText: "sig-router-leads" }],
      ["alice", CompletionItemKind.Value, { range: here, newText: "alice" }],
      ["bob", CompletionItemKind.Value, { range: here, newText: "bob" }],
      ["carol", CompletionItemKind.Value, { range: here, newText: "carol" }],
    ]);
    assert.deepEqual(items[0].documentation, { kind: "markdown", value: "- alice\n- bob" });
  });

  it("completes keys as snippets, and as plain text for a client without snippet support", async () => {
    const v = await h.change(uri, { range: range(2, 0, 2, 0), text: "rev" });
    await h.waitForDiagnostics(uri, { version: v });
    const items = await h.connection.sendRequest(CompletionRequest.type, at(2, 3)) as CompletionItem[];
    const reviewers = items.find((i) => i.label === "reviewers");
    assert.deepEqual([reviewers?.insertTextFormat, reviewers?.textEdit], [InsertTextFormat.Snippet, { range: range(2, 0, 2, 3), newText: "reviewers:\n  - ${1}" }]);

    const caps = structuredClone(FULL_CAPABILITIES);
    caps.textDocument!.completion = {};
    const plain = await LspHarness.start({ root, capabilities: caps });
    try {
      const u = await plain.open("OWNERS", "owners", "approvers:\n  - sig-router-leads\nrev");
      await plain.waitForDiagnostics(u, { version: 1 });
      const got = await plain.connection.sendRequest(CompletionRequest.type, { textDocument: { uri: u }, position: { line: 2, character: 3 } }) as CompletionItem[];
      const r = got.find((i) => i.label === "reviewers");
      assert.deepEqual([r?.insertTextFormat, r?.textEdit], [InsertTextFormat.PlainText, { range: range(2, 0, 2, 3), newText: "reviewers:\n  - " }]);
    } finally {
      plain.kill();
    }
  });

  it("shows an alias's members on hover", async () => {
    const hover = await h.connection.sendRequest(HoverRequest.type, at(1, 6));
    assert.deepEqual(hover?.range, range(1, 4, 1, 20));
    assert.equal((hover?.contents as MarkupContent).kind, "markdown");
    assert.match((hover?.contents as MarkupContent).value, /alias `sig-router-leads`.*2 members[\s\S]*`alice`[\s\S]*`bob`/);
  });

  it("goes to the alias's definition in OWNERS_ALIASES, and finds its references in every OWNERS file", async () => {
    assert.deepEqual(await h.connection.sendRequest(DefinitionRequest.type, at(1, 6)), [{ uri: h.uri("OWNERS_ALIASES"), range: range(1, 2, 1, 18) }]);
    const refs = await h.connection.sendRequest(ReferencesRequest.type, { ...at(1, 6), context: { includeDeclaration: true } }) as Location[];
    const byFile = refs.map((r) => [r.uri, r.range]).sort((a, b) => String(a[0]).localeCompare(String(b[0])));
    assert.deepEqual(byFile, [
      [h.uri("OWNERS"), range(1, 4, 1, 20)],
      [h.uri("OWNERS_ALIASES"), range(1, 2, 1, 18)],
      [h.uri("pkg/OWNERS"), range(1, 4, 1, 20)],
    ]);
  });

  it("prepares and renames an alias across the repository, versioning the open document", async () => {
    assert.deepEqual(await h.connection.sendRequest(PrepareRenameRequest.type, at(1, 6)), { range: range(1, 4, 1, 20), placeholder: "sig-router-leads" });
    assert.equal(await h.connection.sendRequest(PrepareRenameRequest.type, at(0, 2)), null, "a key is not renameable");
    const edit = await h.connection.sendRequest(RenameRequest.type, { ...at(1, 6), newName: "sig-gateway-leads" });
    const changes = (edit?.documentChanges ?? []) as { textDocument: { uri: string; version: number | null }; edits: { range: unknown; newText: string }[] }[];
    assert.deepEqual(changes.map((c) => [c.textDocument.uri, c.textDocument.version, c.edits]).sort((a, b) => String(a[0]).localeCompare(String(b[0]))), [
      [h.uri("OWNERS"), 1, [{ range: range(1, 4, 1, 20), newText: "sig-gateway-leads" }]],
      [h.uri("OWNERS_ALIASES"), null, [{ range: range(1, 2, 1, 18), newText: "sig-gateway-leads" }]],
      [h.uri("pkg/OWNERS"), null, [{ range: range(1, 4, 1, 20), newText: "sig-gateway-leads" }]],
    ]);
  });

  it("lists the document's keys and entries as symbols", async () => {
    const symbols = await h.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } }) as DocumentSymbol[];
    const shape = (s: DocumentSymbol): unknown => [s.name, s.kind, s.selectionRange, (s.children ?? []).map(shape)];
    assert.deepEqual(symbols.map(shape), [["approvers", SymbolKind.String, range(0, 0, 0, 9), [["sig-router-leads", SymbolKind.Constant, range(1, 4, 1, 20), []]]]]);
  });
});
