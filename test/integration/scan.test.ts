/**
 * The workspace scan: files that are not open get diagnostics, .gitignore is respected, closing
 * a file keeps its diagnostics from disk, created and deleted files are followed.
 */
import { strict as assert } from "node:assert";
import { rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { FileChangeType } from "vscode-languageserver-protocol/node";
import { LspHarness, removeRepo, tempRepo, writeFiles } from "./lsp-harness";

const range = (sl: number, sc: number, el: number, ec: number) => ({ start: { line: sl, character: sc }, end: { line: el, character: ec } });
const codesAndRanges = (p: { diagnostics: { code?: unknown; range: unknown }[] }) => p.diagnostics.map((d) => [d.code, d.range]);

describe("language server: workspace scan", function () {
  let h: LspHarness;
  let root: string;

  beforeEach(async () => {
    root = tempRepo({
      "OWNERS": "approvers:\n  - alice\n",
      "pkg/api/OWNERS": "reviewers:\n  - bob\nreviwers:\n  - carol\n",
      "vendor/lib/OWNERS": "approver:\n  - dave\n",
      ".gitignore": "vendor/\n",
      "pkg/blob/OWNERS": "approvers:\n  - \u0000\u0001binary\n",
    });
    h = await LspHarness.start({ root });
  });
  afterEach(async () => {
    try { await h?.stop(); } finally { h?.kill(); removeRepo(root); }
  });

  it("publishes diagnostics for files that were never opened, without a version", async () => {
    const d = await h.waitForDiagnostics(h.uri("pkg/api/OWNERS"));
    assert.equal(d.version, undefined);
    assert.deepEqual(codesAndRanges(d), [["owners/unknown-key", range(2, 0, 2, 8)]]);
    const bin = await h.waitForDiagnostics(h.uri("pkg/blob/OWNERS"));
    assert.deepEqual(codesAndRanges(bin), [["internal/binary-file", range(0, 0, 0, 0)]]);
  });

  it("reports progress while it scans", async () => {
    await h.waitForDiagnostics(h.uri("pkg/api/OWNERS"));
    await h.scanEnded();
    assert.deepEqual(h.progress.map((p) => (p as { value: { kind: string } }).value.kind).filter((k) => k !== "report"), ["begin", "end"]);
  });

  it("skips files .gitignore excludes", async () => {
    // Every scanned file is published before the scan ends; the ignored one never is.
    await h.waitForDiagnostics(h.uri("pkg/api/OWNERS"));
    await h.scanEnded();
    assert.deepEqual(h.publishesFor(h.uri("vendor/lib/OWNERS")), []);
    // A clean file that is not open needs no message at all.
    assert.deepEqual(h.publishesFor(h.uri("OWNERS")), []);
  });

  it("keeps a closed file's diagnostics, re-read from disk, after its unsaved edits are dropped", async () => {
    const uri = await h.open("pkg/api/OWNERS", "owners");
    await h.waitForDiagnostics(uri, { version: 1 });
    const v = await h.change(uri, { range: range(2, 0, 2, 8), text: "approvers" });
    assert.deepEqual((await h.waitForDiagnostics(uri, { version: v })).diagnostics, []);
    const mark = performance.now();
    await h.close(uri);
    const d = await h.waitForDiagnostics(uri, { after: mark, accept: (p) => p.version === undefined });
    assert.deepEqual(codesAndRanges(d), [["owners/unknown-key", range(2, 0, 2, 8)]]);
  });

  it("checks created files and clears deleted ones", async () => {
    await h.waitForDiagnostics(h.uri("pkg/api/OWNERS"));
    writeFiles(root, { "cmd/OWNERS": "labels:\n  - x\nlables: []\n" });
    await h.filesChanged({ uri: h.uri("cmd/OWNERS"), type: FileChangeType.Created });
    const created = await h.waitForDiagnostics(h.uri("cmd/OWNERS"));
    assert.deepEqual(codesAndRanges(created), [["owners/unknown-key", range(2, 0, 2, 6)]]);

    writeFileSync(join(root, "cmd/OWNERS"), "labels:\n  - x\n");
    await h.filesChanged({ uri: h.uri("cmd/OWNERS"), type: FileChangeType.Changed });
    await h.waitForDiagnostics(h.uri("cmd/OWNERS"), { accept: (p) => p.diagnostics.length === 0 });

    rmSync(join(root, "pkg/api/OWNERS"));
    await h.filesChanged({ uri: h.uri("pkg/api/OWNERS"), type: FileChangeType.Deleted });
    await h.waitForDiagnostics(h.uri("pkg/api/OWNERS"), { accept: (p) => p.diagnostics.length === 0 });
  });

  it("clears the files of a deleted folder, which comes as one event", async () => {
    await h.waitForDiagnostics(h.uri("pkg/api/OWNERS"), { accept: (p) => p.diagnostics.length === 1 });
    rmSync(join(root, "pkg"), { recursive: true });
    await h.filesChanged({ uri: h.uri("pkg"), type: FileChangeType.Deleted });
    await h.waitForDiagnostics(h.uri("pkg/api/OWNERS"), { accept: (p) => p.diagnostics.length === 0 });
    await h.waitForDiagnostics(h.uri("pkg/blob/OWNERS"), { accept: (p) => p.diagnostics.length === 0 });
  });

  it("drops the scan's diagnostics when workspaceScan is turned off, and scans again when it is back on", async () => {
    await h.waitForDiagnostics(h.uri("pkg/api/OWNERS"), { accept: (p) => p.diagnostics.length === 1 });
    await h.changeSettings({ workspaceScan: false });
    await h.waitForDiagnostics(h.uri("pkg/api/OWNERS"), { accept: (p) => p.diagnostics.length === 0 });
    await h.changeSettings({ workspaceScan: true });
    await h.waitForDiagnostics(h.uri("pkg/api/OWNERS"), { accept: (p) => p.diagnostics.length === 1 });
  });
});
