import { strict as assert } from "node:assert";
import { CompletionItemKind, DiagnosticSeverity, InsertTextFormat, SymbolKind } from "vscode-languageserver/node";
import { snippetToPlain, toCompletionItem, toDiagnostic, toDocumentSymbol } from "../../../server/src/lsp/convert";

const r = (sl: number, sc: number, el: number, ec: number) => ({ start: { line: sl, character: sc }, end: { line: el, character: ec } });

describe("lsp conversions", () => {
  it("turns a problem into a diagnostic with code, doc link, source and severity", () => {
    assert.deepEqual(toDiagnostic({ ruleId: "owners/unknown-key", severity: "hint", range: r(1, 2, 1, 5), message: "m" }, "file:///ext/"), {
      range: r(1, 2, 1, 5), severity: DiagnosticSeverity.Hint, code: "owners/unknown-key",
      codeDescription: { href: "file:///ext/docs/rules/owners-unknown-key.md" }, source: "llm-d-contrib", message: "m",
    });
    assert.equal(toDiagnostic({ ruleId: "owners/unknown-key", severity: "info", range: r(0, 0, 0, 0), message: "m" }, undefined).codeDescription?.href,
      "https://github.com/llm-d/llm-d-contrib-tools/blob/main/docs/rules/owners-unknown-key.md");
  });

  it("keeps snippets for clients that expand them and gives the plain default text to the others", () => {
    const entry = { label: "Signed-off-by:", kind: "snippet" as const, insertText: "Signed-off-by: ${1:Name} <${2:email}>$0", snippet: true, range: r(4, 0, 4, 3) };
    assert.deepEqual(toCompletionItem(entry), { label: "Signed-off-by:", kind: CompletionItemKind.Snippet, insertTextFormat: InsertTextFormat.Snippet, textEdit: { range: r(4, 0, 4, 3), newText: "Signed-off-by: ${1:Name} <${2:email}>$0" } });
    assert.deepEqual(toCompletionItem(entry, false).textEdit, { range: r(4, 0, 4, 3), newText: "Signed-off-by: Name <email>" });
    assert.equal(toCompletionItem(entry, false).insertTextFormat, InsertTextFormat.PlainText);
  });

  it("expands nested placeholders, empty tab stops and escapes to plain text", () => {
    assert.equal(snippetToPlain("approvers:\n  - ${1}"), "approvers:\n  - ");
    assert.equal(snippetToPlain("${1:a ${2:b}} \\$HOME \\}"), "a b $HOME }");
    assert.equal(snippetToPlain("\"${1:\\\\.go$}\":"), "\"\\.go$\":");
  });

  it("never gives a symbol an empty name (VS Code rejects those)", () => {
    assert.deepEqual(toDocumentSymbol({ name: "", kind: "section", range: r(0, 0, 1, 0), selectionRange: r(0, 0, 0, 1) }),
      { name: " ", kind: SymbolKind.String, range: r(0, 0, 1, 0), selectionRange: r(0, 0, 0, 1) });
  });
});
