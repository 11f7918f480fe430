/**
 * Quick fixes whose edits are costly to find (a flag rename searches the workspace) come without
 * an edit and get it on codeAction/resolve; a client that cannot resolve gets it at once.
 */
import { strict as assert } from "node:assert";
import {
  CodeActionRequest, CodeActionResolveRequest,
  type CodeAction, type Diagnostic, type TextDocumentEdit,
} from "vscode-languageserver-protocol/node";
import { FULL_CAPABILITIES, LspHarness, removeRepo, tempRepo } from "./lsp-harness";

const MAIN = `package main

import "github.com/spf13/pflag"

func AddFlags(fs *pflag.FlagSet) {
\tfs.Bool("prefix-aware-routing", false, "Experimental: route by prefix-cache hits.")
}
`;
const DOC = "# Flags\n\nTurn on `--prefix-aware-routing` to route by prefix.\n";
const TITLE = "Rename to experimental-prefix-aware-routing here and wherever the workspace spells it";

/** The edits of a workspace edit per URI, sorted by URI. */
function editsByUri(edit: CodeAction["edit"]): [string, number | null, string[]][] {
  return ((edit?.documentChanges ?? []) as TextDocumentEdit[])
    .map((c): [string, number | null, string[]] => [c.textDocument.uri, c.textDocument.version, c.edits.map((e) => `${e.range.start.line}:${e.range.start.character} ${"newText" in e ? e.newText : ""}`)])
    .sort((a, b) => a[0].localeCompare(b[0]));
}

describe("language server: code actions resolved on demand", function () {
  let root: string;
  let h: LspHarness | undefined;

  beforeEach(() => { root = tempRepo({ "cmd/main.go": MAIN, "docs/flags.md": DOC }); });
  afterEach(async () => {
    try { await h?.stop(); } finally { h?.kill(); h = undefined; removeRepo(root); }
  });

  async function renameAction(harness: LspHarness): Promise<{ uri: string; action: CodeAction; diagnostic: Diagnostic }> {
    const uri = await harness.open("cmd/main.go", "go");
    const d = await harness.waitForDiagnostics(uri, { version: 1, accept: (p) => p.diagnostics.some((x) => x.code === "flags/experimental-name") });
    const diagnostic = d.diagnostics.find((x) => x.code === "flags/experimental-name")!;
    assert.deepEqual(diagnostic.range.start, { line: 5, character: 1 });
    const actions = await harness.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic] } }) as CodeAction[];
    const action = actions.find((a) => a.title === TITLE);
    assert.ok(action, `no rename action in ${actions.map((a) => a.title)}`);
    return { uri, action, diagnostic };
  }

  it("offers the rename without an edit and computes it, across files, on resolve", async () => {
    h = await LspHarness.start({ root });
    const { uri, action } = await renameAction(h);
    assert.equal(action.edit, undefined);
    assert.equal(action.isPreferred, true);
    const resolved = await h.connection.sendRequest(CodeActionResolveRequest.type, action);
    assert.deepEqual(editsByUri(resolved.edit), [
      [uri, 1, ["5:10 experimental-prefix-aware-routing"]],
      [h.uri("docs/flags.md"), null, ["2:11 experimental-prefix-aware-routing"]],
    ]);
  });

  it("gives no edit on resolve once the document has changed", async () => {
    h = await LspHarness.start({ root });
    const { uri, action } = await renameAction(h);
    const v = await h.change(uri, { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: "// edited\n" });
    await h.waitForDiagnostics(uri, { version: v });
    const resolved = await h.connection.sendRequest(CodeActionResolveRequest.type, action);
    assert.equal(resolved.edit, undefined);
  });

  it("gives the edit at once to a client that cannot resolve", async () => {
    const caps = structuredClone(FULL_CAPABILITIES);
    delete caps.textDocument!.codeAction!.resolveSupport;
    h = await LspHarness.start({ root, capabilities: caps });
    const { uri, action } = await renameAction(h);
    assert.deepEqual(editsByUri(action.edit), [
      [uri, 1, ["5:10 experimental-prefix-aware-routing"]],
      [h.uri("docs/flags.md"), null, ["2:11 experimental-prefix-aware-routing"]],
    ]);
  });
});
