/**
 * Random sequences of incremental didChange edits leave the server's copy of a document equal
 * to the client's. The client's text is kept here with plain string slicing and positions are
 * computed independently (UTF-16, "\r\n" and "\n" line breaks, never inside a surrogate pair or
 * a CRLF, as editors send them). After each sequence the diagnostics the server publishes for
 * the final version, and its document symbols, must equal what the engine gives in-process for
 * the client's final text.
 */
import { strict as assert } from "node:assert";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { DocumentSymbolRequest, type DocumentSymbol, type Position, type TextDocumentContentChangeEvent } from "vscode-languageserver-protocol/node";
import {
  analyze, detectKind, lintDocument, resolveConfig, type LanguageFeatures, type LintInput,
} from "../../../server/src/engine/index";
import { DiskWorkspace, walkFiles } from "../../../server/src/host/repo";
import { toDiagnostic, toDocumentSymbol } from "../../../server/src/lsp/convert";
import { LspHarness, REPO_ROOT, messageOf, removeRepo, tempRepo } from "../lsp-harness";

const RUNS = 30;
const MAX_CHANGES = 20;

// --- the client's side: offsets → LSP positions, without the engine's or the server's helpers

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/** Moves an offset back until it is not inside a surrogate pair or between "\r" and "\n". */
function snap(text: string, offset: number): number {
  let o = Math.max(0, Math.min(offset, text.length));
  while (o > 0 && o < text.length && ((isLow(text.charCodeAt(o)) && isHigh(text.charCodeAt(o - 1))) || (text[o - 1] === "\r" && text[o] === "\n"))) o--;
  return o;
}

function positionAt(text: string, offset: number): Position {
  let line = 0, lineStart = 0;
  for (let i = 0; i < offset; i++) {
    const c = text[i];
    if (c === "\r" && text[i + 1] === "\n") { i++; line++; lineStart = i + 1; }
    else if (c === "\n" || c === "\r") { line++; lineStart = i + 1; }
  }
  return { line, character: offset - lineStart };
}

// --- edits as data, resolved against the text they apply to

interface Edit { kind: "replace" | "deleteToEnd" | "insertAtEnd" | "emptyInsert" | "deleteLines"; at: number; length: number; text: string }

/** Editors never send a lone "\r" of their own; one typed is a line break in the buffer's EOL. */
const clean = (s: string) => s.replace(/\r(?!\n)/g, "");

function fragments(kind: "owners" | "proposal"): string[] {
  const common = ["\n", "\r\n", "", " ", "  ", "😀", "𝒜𝒷", "é", "e\u0301", "#", "# note 🚀\n", "\t", "\u200b", "-", ":"];
  return kind === "owners"
    ? [...common, "approvers:\n  - alice\n", "reviewers:\r\n  - bob\r\n", "reviwers:", "  - carol\n", "- ", "options:\n  no_parent_owners: true\n", "filters:\n  \".*\":\n    approvers: [dave]\n", "labels:", "emeritus_approvers:\n  - eve\n", "@alice", "Alice", "\"", "'", "&a ", "*a"]
    : [...common, "## Summary\n", "## Motivation\r\n\r\nWhy.\r\n", "### Goals\n", "# Title\n", "## Design Details\n", "```\ncode\n```\n", "<!-- note -->\n", "- item\n", "1. step\n", "> quote\n", "Text with 😀 and 𝒜.", "| a | b |\n|---|---|\n", "(Optional)", "TODO", "## Alternatives\n\n"];
}

function editArbitrary(kind: "owners" | "proposal"): fc.Arbitrary<Edit> {
  const text = fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...fragments(kind)) },
    { weight: 1, arbitrary: fc.string({ unit: "grapheme", maxLength: 4 }) },
    { weight: 1, arbitrary: fc.array(fc.constantFrom(...fragments(kind)), { maxLength: 4 }).map((a) => a.join("")) },
  ).map(clean);
  return fc.record({
    kind: fc.constantFrom<Edit["kind"]>("replace", "replace", "replace", "deleteToEnd", "insertAtEnd", "emptyInsert", "deleteLines"),
    at: fc.nat(),
    length: fc.oneof(fc.constant(0), fc.nat({ max: 8 }), fc.nat({ max: 200 })),
    text,
  });
}

/** The LSP change for one edit of `text`, and the text after it. */
function resolveEdit(text: string, e: Edit): { change: TextDocumentContentChangeEvent; next: string } {
  let start = snap(text, e.at % (text.length + 1));
  let end = snap(text, Math.min(text.length, start + e.length));
  let insert = e.text;
  if (e.kind === "deleteToEnd") { end = text.length; insert = ""; }
  else if (e.kind === "insertAtEnd") { start = end = text.length; }
  else if (e.kind === "emptyInsert") { end = start; insert = ""; }
  else if (e.kind === "deleteLines") {
    // Whole lines, from the start of the line holding `start` past several line breaks.
    while (start > 0 && text[start - 1] !== "\n") start--;
    let breaks = 1 + (e.length % 4);
    end = start;
    while (end < text.length && breaks > 0) { if (text[end] === "\n") breaks--; end++; }
    insert = "";
  }
  if (end < start) end = start;
  const change = { range: { start: positionAt(text, start), end: positionAt(text, end) }, text: insert };
  return { change, next: text.slice(0, start) + insert + text.slice(end) };
}

// --- the engine's view of the client's text

interface Shape { code: unknown; range: unknown; severity: unknown; message: string }
const shape = (d: { code?: unknown; range: unknown; severity?: unknown; message: string | { value: string } }): Shape =>
  ({ code: d.code, range: d.range, severity: d.severity, message: messageOf(d) });

function engineView(root: string, relPath: string, languageId: string, text: string): { diagnostics: Shape[]; symbols: DocumentSymbol[] } {
  const config = resolveConfig();
  const workspace = new DiskWorkspace(root);
  workspace.files = walkFiles(root);
  workspace.overlay.set(relPath, text);
  const kind = detectKind(relPath, config, languageId)!;
  const input: LintInput = { document: { relPath, kind, text, languageId }, workspace, config, host: {} };
  const analysis = analyze(input);
  const diagnostics = lintDocument(input, analysis).map((p) => shape(toDiagnostic(p, undefined)));
  let symbols: DocumentSymbol[] = [];
  if (analysis && !("error" in analysis)) {
    const features = analysis.family.features as LanguageFeatures<unknown> | undefined;
    symbols = (features?.symbols?.(analysis.parsed, { ...analysis.context, options: {} }) ?? []).map(toDocumentSymbol);
  }
  return { diagnostics, symbols };
}

describe("reliability: random incremental edits keep the server's document equal to the client's", function () {
  this.timeout(120_000);
  let root: string;
  let h: LspHarness;
  const template = readFileSync(join(REPO_ROOT, "..", "shared", "reference", "PROPOSAL_TEMPLATE.md"), "utf8");

  before(async () => {
    root = tempRepo({
      "OWNERS": "approvers:\n  - alice\n",
      "OWNERS_ALIASES": "aliases:\n  sig-a:\n    - alice\n    - bob\n",
      "docs/proposals/PROPOSAL_TEMPLATE.md": template,
    });
    h = await LspHarness.start({ root, initializationOptions: { debounceMs: 0 } });
  });
  after(() => {
    h?.kill();
    if (root) removeRepo(root);
  });

  const cases = [
    { kind: "owners" as const, relPath: "pkg/OWNERS", languageId: "owners", seeds: [
      "approvers:\n  - alice\nreviwers:\n  - bob # 😀\n",
      "approvers:\r\n  - alice\r\n  - Alice\r\nreviewers:\r\n  - sig-a\r\n",
      "options:\n  no_parent_owners: true\nfilters:\n  \".*\":\n    approvers:\n      - 𝒜lice\n",
      "",
    ] },
    { kind: "proposal" as const, relPath: "docs/proposals/fast-path.md", languageId: "markdown", seeds: [
      template,
      template.replace(/\n/g, "\r\n"),
      "# Fast path 🚀\n\n## Summary\n\nA summary.\n\n## Motivation\n\nWhy 𝒜.\n",
    ] },
  ];

  for (const c of cases) {
    it(`${c.kind}: ${RUNS} sequences of up to ${MAX_CHANGES} didChange notifications`, async () => {
      const uri = await h.open(c.relPath, c.languageId, c.seeds[0]);
      await h.waitForDiagnostics(uri, { version: 1 });
      let clientText = c.seeds[0];
      let changes = 0, multiChange = 0;
      await fc.assert(fc.asyncProperty(
        fc.constantFrom(...c.seeds),
        fc.array(fc.array(editArbitrary(c.kind), { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: MAX_CHANGES }),
        async (seed, notifications) => {
          // Start from the seed with one incremental change over the whole current text.
          await h.change(uri, { range: { start: { line: 0, character: 0 }, end: positionAt(clientText, clientText.length) }, text: seed });
          clientText = seed;
          let version = 0;
          for (const edits of notifications) {
            const contentChanges: TextDocumentContentChangeEvent[] = [];
            for (const e of edits) {
              const { change, next } = resolveEdit(clientText, e);
              contentChanges.push(change);
              clientText = next;
            }
            changes += contentChanges.length;
            if (contentChanges.length > 1) multiChange++;
            version = await h.change(uri, ...contentChanges);
          }
          const published = await h.waitForDiagnostics(uri, { version });
          const expected = engineView(root, c.relPath, c.languageId, clientText);
          assert.deepEqual(published.diagnostics.map(shape), expected.diagnostics, `diagnostics differ for the client's text ${JSON.stringify(clientText)}`);
          const symbols = await h.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } });
          assert.deepEqual(symbols, expected.symbols, `symbols differ for the client's text ${JSON.stringify(clientText)}`);
        },
      ), { numRuns: RUNS, endOnFailure: true });
      assert.ok(changes >= RUNS && multiChange > 0, `the sequences carried ${changes} changes, ${multiChange} notifications with several`);
      await h.close(uri);
    });
  }
});
