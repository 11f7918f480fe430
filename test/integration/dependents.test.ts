/**
 * Dependants: a document is re-checked when a file its last check read changes — on disk
 * (a watched-file event) or in an open, unsaved buffer (the server's overlay).
 * OWNERS files read the root OWNERS_ALIASES (owners/unknown-alias).
 */
import { strict as assert } from "node:assert";
import { rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { FileChangeType } from "vscode-languageserver-protocol/node";
import { LspHarness, messageOf, removeRepo, tempRepo } from "./lsp-harness";

const range = (sl: number, sc: number, el: number, ec: number) => ({ start: { line: sl, character: sc }, end: { line: el, character: ec } });
const ALIASES = "aliases:\n  sig-router-leads:\n    - alice\n";
const unknownAlias = (p: { diagnostics: { code?: unknown; range: unknown }[] }) =>
  p.diagnostics.filter((d) => d.code === "owners/unknown-alias").map((d) => d.range);

describe("language server: dependants", function () {
  let h: LspHarness;
  let root: string;

  beforeEach(async () => {
    root = tempRepo({
      "OWNERS": "approvers:\n  - sig-router-leads\n",
      "OWNERS_ALIASES": ALIASES,
      "pkg/OWNERS": "approvers:\n  - sig-router-leads\nreviewers:\n  - sig-router-leads\n",
    });
    h = await LspHarness.start({ root });
  });
  afterEach(async () => {
    try { await h?.stop(); } finally { h?.kill(); removeRepo(root); }
  });

  it("re-checks OWNERS files (open and scanned) when OWNERS_ALIASES changes on disk", async () => {
    const uri = await h.open("OWNERS", "owners");
    assert.deepEqual(unknownAlias(await h.waitForDiagnostics(uri, { version: 1 })), []);
    await h.scanEnded();

    writeFileSync(join(root, "OWNERS_ALIASES"), "aliases:\n  sig-gateway-leads:\n    - alice\n");
    await h.filesChanged({ uri: h.uri("OWNERS_ALIASES"), type: FileChangeType.Changed });
    const open = await h.waitForDiagnostics(uri, { version: 1, accept: (p) => unknownAlias(p).length > 0 });
    assert.deepEqual(unknownAlias(open), [range(1, 4, 1, 20)]);
    const scanned = await h.waitForDiagnostics(h.uri("pkg/OWNERS"), { accept: (p) => unknownAlias(p).length > 0 });
    assert.equal(scanned.version, undefined);
    assert.deepEqual(unknownAlias(scanned), [range(1, 4, 1, 20), range(3, 4, 3, 20)]);

    writeFileSync(join(root, "OWNERS_ALIASES"), ALIASES);
    await h.filesChanged({ uri: h.uri("OWNERS_ALIASES"), type: FileChangeType.Changed });
    await h.waitForDiagnostics(uri, { version: 1, accept: (p) => unknownAlias(p).length === 0 });
    await h.waitForDiagnostics(h.uri("pkg/OWNERS"), { accept: (p) => unknownAlias(p).length === 0 });
  });

  it("reads the unsaved text of an open OWNERS_ALIASES, and disk again once it is closed", async () => {
    const owners = await h.open("OWNERS", "owners");
    await h.waitForDiagnostics(owners, { version: 1 });
    const aliases = await h.open("OWNERS_ALIASES", "owners-aliases");
    await h.waitForDiagnostics(aliases, { version: 1 });

    // Rename the alias in the buffer only: the OWNERS file now names an undefined alias.
    await h.change(aliases, { range: range(1, 6, 1, 12), text: "gateway" });
    const changed = await h.waitForDiagnostics(owners, { version: 1, accept: (p) => unknownAlias(p).length > 0 });
    assert.deepEqual(unknownAlias(changed), [range(1, 4, 1, 20)]);
    assert.match(messageOf(changed.diagnostics.find((d) => d.code === "owners/unknown-alias")!), /sig-router-leads/);

    // Closing without saving: the file on disk still defines it.
    await h.close(aliases);
    await h.waitForDiagnostics(owners, { version: 1, accept: (p) => unknownAlias(p).length === 0 });
  });

  it("re-checks when the file it read is deleted and created again", async () => {
    const uri = await h.open("pkg/OWNERS", "owners");
    assert.deepEqual(unknownAlias(await h.waitForDiagnostics(uri, { version: 1 })), []);
    rmSync(join(root, "OWNERS_ALIASES"));
    await h.filesChanged({ uri: h.uri("OWNERS_ALIASES"), type: FileChangeType.Deleted });
    const gone = await h.waitForDiagnostics(uri, { version: 1, accept: (p) => unknownAlias(p).length > 0 });
    assert.match(messageOf(gone.diagnostics.find((d) => d.code === "owners/unknown-alias")!), /no OWNERS_ALIASES at the repository root/);
    writeFileSync(join(root, "OWNERS_ALIASES"), ALIASES);
    await h.filesChanged({ uri: h.uri("OWNERS_ALIASES"), type: FileChangeType.Created });
    await h.waitForDiagnostics(uri, { version: 1, accept: (p) => unknownAlias(p).length === 0 });
  });
});
