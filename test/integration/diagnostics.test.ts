/**
 * The real server process over stdio: published diagnostics (rule ids, ranges, codes, links,
 * versions), incremental edits, code actions, configuration and settings.
 */
import { strict as assert } from "node:assert";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import {
  CodeActionRequest, DiagnosticSeverity, FileChangeType, TextDocumentSyncKind,
  type CodeAction, type Diagnostic,
} from "vscode-languageserver-protocol/node";
import { LspHarness, messageOf, removeRepo, tempRepo } from "./lsp-harness";

const DOCS_BASE = "file:///opt/llm-d-contrib/";
const range = (sl: number, sc: number, el: number, ec: number) => ({ start: { line: sl, character: sc }, end: { line: el, character: ec } });
/** The parts of a diagnostic a test pins exactly (the message is matched separately). */
const shape = (d: Diagnostic) => ({ code: d.code, range: d.range, severity: d.severity, source: d.source, href: d.codeDescription?.href });

describe("language server: diagnostics", function () {
  let h: LspHarness;
  let root: string;

  beforeEach(async () => {
    root = tempRepo({ "OWNERS": "approvers:\n  - alice\nreviwers:\n  - bob\n" });
    h = await LspHarness.start({ root, initializationOptions: { docsBase: DOCS_BASE } });
  });
  afterEach(async () => {
    try { await h?.stop(); } finally { h?.kill(); removeRepo(root); }
  });

  it("announces incremental sync, the code action kinds and the completion triggers", () => {
    const caps = h.initializeResult.capabilities;
    assert.deepEqual(caps.textDocumentSync, { openClose: true, change: TextDocumentSyncKind.Incremental });
    assert.deepEqual(caps.codeActionProvider, { codeActionKinds: ["quickfix", "source.fixAll.llm-d-contrib"], resolveProvider: true });
    assert.deepEqual(caps.completionProvider?.triggerCharacters, ["#", "-", " ", ":"]);
    assert.equal(h.initializeResult.serverInfo?.name, "llm-d-contrib");
  });

  it("registers file watchers for the configuration, OWNERS data and checked sources", async () => {
    const reg = await h.until("watcher registration", () => h.registrations.find((r) => r.method === "workspace/didChangeWatchedFiles"));
    const globs = (reg.registerOptions as { watchers: { globPattern: string }[] }).watchers.map((w) => w.globPattern);
    for (const g of ["**/.llm-d-contrib.yaml", "**/OWNERS", "**/OWNERS_ALIASES", "**/PROPOSAL_TEMPLATE.md"]) assert.ok(globs.includes(g), `${g} in ${globs}`);
  });

  it("publishes a real rule's finding with its id, range, severity, source and doc link", async () => {
    const uri = await h.open("OWNERS", "owners");
    const d = await h.waitForDiagnostics(uri, { version: 1 });
    assert.deepEqual(d.diagnostics.map(shape), [{
      code: "owners/unknown-key", range: range(2, 0, 2, 8), severity: DiagnosticSeverity.Error, source: "llm-d-contrib",
      href: `${DOCS_BASE}docs/rules/owners-unknown-key.md`,
    }]);
    assert.match(messageOf(d.diagnostics[0]), /`reviwers`.*did you mean `reviewers`\?/);
  });

  it("offers the rule's fix as a preferred quick fix and as source.fixAll, versioned", async () => {
    const uri = await h.open("OWNERS", "owners");
    const d = await h.waitForDiagnostics(uri, { version: 1 });
    const actions = await h.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: d.diagnostics[0].range, context: { diagnostics: d.diagnostics } }) as CodeAction[];
    const expectedEdit = { documentChanges: [{ textDocument: { uri, version: 1 }, edits: [{ range: range(2, 0, 2, 8), newText: "reviewers" }] }] };
    assert.deepEqual(actions.map((a) => ({ title: a.title, kind: a.kind, isPreferred: a.isPreferred, diagnostics: a.diagnostics?.map((x) => x.code) })),
      [{ title: "Rename to reviewers", kind: "quickfix", isPreferred: true, diagnostics: ["owners/unknown-key"] }]);
    assert.deepEqual(actions[0].edit, expectedEdit);

    const fixAll = await h.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: range(0, 0, 0, 0), context: { diagnostics: [], only: ["source.fixAll"] } }) as CodeAction[];
    assert.deepEqual(fixAll.map((a) => a.kind), ["source.fixAll.llm-d-contrib"]);
    assert.deepEqual(fixAll[0].edit, expectedEdit);

    // The client applies the edit: the next version has no finding.
    const edit = expectedEdit.documentChanges[0].edits[0];
    const v = await h.change(uri, { range: edit.range, text: edit.newText });
    assert.deepEqual((await h.waitForDiagnostics(uri, { version: v })).diagnostics, []);
  });

  it("checks incremental edits and publishes only the newest of a burst of versions", async () => {
    await h.scanEnded(); // settled: no re-check from start-up can interleave
    const uri = await h.open("OWNERS", "owners", "approvers:\n  - alice\nreviewers:\n  - bob\n");
    assert.deepEqual((await h.waitForDiagnostics(uri, { version: 1 })).diagnostics, []);
    const before = h.publishesFor(uri).length;
    // Sent in one burst, well inside the server's debounce.
    const [, , last] = await Promise.all([
      h.change(uri, { range: range(2, 0, 2, 9), text: "reviwers" }),   // v2: unknown key
      h.change(uri, { range: range(1, 0, 1, 2), text: "\t" }),          // v3: and a tab
      h.change(uri, { range: range(1, 0, 1, 1), text: "  " }),         // v4: tab gone again
    ]);
    const d = await h.waitForDiagnostics(uri, { version: last });
    assert.deepEqual(d.diagnostics.map((x) => [x.code, x.range]), [["owners/unknown-key", range(2, 0, 2, 8)]]);
    assert.deepEqual(h.publishesFor(uri).slice(before).map((p) => p.version), [last], "superseded versions were published");
  });

  it("reports configuration errors on .llm-d-contrib.yaml, uses defaults, and re-reads the file when it changes", async () => {
    writeFileSync(join(root, ".llm-d-contrib.yaml"), "rules:\n  owners/unknown-key: loud\n");
    await h.filesChanged({ uri: h.uri(".llm-d-contrib.yaml"), type: FileChangeType.Created });
    const cfg = await h.waitForDiagnostics(h.uri(".llm-d-contrib.yaml"), { accept: (p) => p.diagnostics.length > 0 });
    assert.deepEqual(cfg.diagnostics.map(shape), [{ code: "internal/config-error", range: range(1, 22, 1, 26), severity: DiagnosticSeverity.Error, source: "llm-d-contrib", href: `${DOCS_BASE}docs/rules/internal-config-error.md` }]);
    assert.equal(messageOf(cfg.diagnostics[0]), 'rule "owners/unknown-key": severity must be one of off, error, warning, info, hint (got "loud")');

    const uri = await h.open("OWNERS", "owners");
    assert.deepEqual((await h.waitForDiagnostics(uri, { version: 1 })).diagnostics.map((x) => x.severity), [DiagnosticSeverity.Error]);

    writeFileSync(join(root, ".llm-d-contrib.yaml"), "rules:\n  owners/unknown-key: hint\n");
    await h.filesChanged({ uri: h.uri(".llm-d-contrib.yaml"), type: FileChangeType.Changed });
    assert.deepEqual((await h.waitForDiagnostics(h.uri(".llm-d-contrib.yaml"), { accept: (p) => p.diagnostics.length === 0 })).diagnostics, []);
    const after = await h.waitForDiagnostics(uri, { version: 1, accept: (p) => p.diagnostics[0]?.severity === DiagnosticSeverity.Hint });
    assert.deepEqual(after.diagnostics.map(shape)[0].range, range(2, 0, 2, 8));
  });

  it("reports configuration errors of an open, unsaved .llm-d-contrib.yaml as it is edited", async () => {
    const cfgUri = await h.open(".llm-d-contrib.yaml", "llm-d-contrib-config", "rules:\n  owners/unknown-key: off\n");
    const uri = await h.open("OWNERS", "owners");
    await h.waitForDiagnostics(uri, { version: 1, accept: (p) => p.diagnostics.length === 0 });
    await h.change(cfgUri, { range: range(0, 0, 0, 5), text: "rulez" });
    const cfg = await h.waitForDiagnostics(cfgUri, { accept: (p) => p.diagnostics.length > 0 });
    assert.deepEqual(cfg.diagnostics.map((x) => [x.code, x.range, messageOf(x)]), [["internal/config-error", range(0, 0, 0, 5), 'unknown setting "rulez" (known: rules, ignore, maxFileBytes, owners, proposal, flags, commit)']]);
    // The broken part falls back to defaults: the rule is on again.
    await h.waitForDiagnostics(uri, { version: 1, accept: (p) => p.diagnostics.some((x) => x.code === "owners/unknown-key") });
  });

  it("layers editor settings over the file (settings win) and follows setting changes", async () => {
    writeFileSync(join(root, ".llm-d-contrib.yaml"), "rules:\n  owners/unknown-key: info\n");
    await h.filesChanged({ uri: h.uri(".llm-d-contrib.yaml"), type: FileChangeType.Created });
    await h.changeSettings({ rules: { "owners/unknown-key": "hint" } });
    const uri = await h.open("OWNERS", "owners");
    await h.waitForDiagnostics(uri, { version: 1, accept: (p) => p.diagnostics.length === 1 && p.diagnostics[0].severity === DiagnosticSeverity.Hint });
    await h.changeSettings({ rules: { "owners/unknown-key": "off" } });
    await h.waitForDiagnostics(uri, { version: 1, accept: (p) => p.diagnostics.length === 0 });
    await h.changeSettings({});
    await h.waitForDiagnostics(uri, { version: 1, accept: (p) => p.diagnostics.length === 1 && p.diagnostics[0].severity === DiagnosticSeverity.Information });
  });

  it("answers internal/too-large instead of checking a document over maxFileBytes", async () => {
    await h.changeSettings({ maxFileBytes: 20 });
    const uri = await h.open("OWNERS", "owners");
    const d = await h.waitForDiagnostics(uri, { version: 1, accept: (p) => p.diagnostics.some((x) => x.code === "internal/too-large") });
    assert.deepEqual(d.diagnostics.map((x) => [x.code, x.range, x.severity]), [["internal/too-large", range(0, 0, 0, 0), DiagnosticSeverity.Information]]);
  });
});
