/**
 * The bundle and the .vsix: the build made dist/extension.js and dist/server.js, and
 * `vsce package` makes an extension under 1 MB holding exactly what it needs (bundles, manifest,
 * rule docs for offline links, every file package.json contributes) and nothing else.
 */
import { strict as assert } from "node:assert";
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { inflateRawSync } from "node:zlib";
import { LspHarness, REPO_ROOT, removeRepo, tempRepo } from "./lsp-harness";

/** Names and contents of the entries of a zip file (stored or deflated), read from its central directory. */
function readZip(bytes: Buffer): Map<string, Buffer> {
  let eocd = bytes.length - 22;
  while (eocd >= 0 && bytes.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  assert.ok(eocd >= 0, "not a zip file");
  const count = bytes.readUInt16LE(eocd + 10);
  let at = bytes.readUInt32LE(eocd + 16);
  const out = new Map<string, Buffer>();
  for (let i = 0; i < count; i++) {
    const method = bytes.readUInt16LE(at + 10);
    const size = bytes.readUInt32LE(at + 20);
    const nameLen = bytes.readUInt16LE(at + 28);
    const extraLen = bytes.readUInt16LE(at + 30);
    const commentLen = bytes.readUInt16LE(at + 32);
    const local = bytes.readUInt32LE(at + 42);
    const name = bytes.toString("utf8", at + 46, at + 46 + nameLen);
    const dataAt = local + 30 + bytes.readUInt16LE(local + 26) + bytes.readUInt16LE(local + 28);
    const raw = bytes.subarray(dataAt, dataAt + size);
    out.set(name, method === 8 ? inflateRawSync(raw) : raw);
    at += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}

/** Every file path package.json's `contributes` points at. */
function contributedPaths(manifest: { contributes?: Record<string, unknown> }): string[] {
  const c = manifest.contributes ?? {};
  const list = (k: string) => (c[k] as { path?: string; configuration?: string }[] | undefined) ?? [];
  return [
    ...list("languages").map((l) => l.configuration),
    ...list("grammars").map((g) => g.path),
    ...list("snippets").map((s) => s.path),
  ].filter((p): p is string => typeof p === "string").map((p) => p.replace(/^\.\//, ""));
}

describe("bundle and .vsix", function () {
  this.timeout(120000);
  let dir: string;
  let entries: Map<string, Buffer>;
  let size: number;

  before(function () {
    dir = mkdtempSync(join(tmpdir(), "llm-d-contrib-vsix-"));
    const out = join(dir, "llm-d-contrib.vsix");
    execFileSync(join(REPO_ROOT, "node_modules", ".bin", "vsce"), ["package", "--no-dependencies", "--allow-missing-repository", "-o", out], { cwd: REPO_ROOT, stdio: "pipe" });
    size = statSync(out).size;
    entries = readZip(readFileSync(out));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it("was built: dist/extension.js and dist/server.js exist", () => {
    for (const f of ["dist/extension.js", "dist/server.js"]) assert.ok(existsSync(join(REPO_ROOT, f)), `${f} is missing`);
  });

  it("packages under 1 MB", () => {
    assert.ok(size < 1024 * 1024, `${size} bytes`);
  });

  it("holds the bundles, the manifest, the licence and every rule's doc page, and no sources or node_modules", () => {
    const names = [...entries.keys()].filter((n) => n.startsWith("extension/")).map((n) => n.slice("extension/".length));
    for (const f of ["package.json", "dist/extension.js", "dist/server.js", "LICENSE.txt"]) assert.ok(names.includes(f), `${f} missing from ${names.join(", ")}`);
    assert.deepEqual(names.filter((n) => /^(node_modules|server\/src|client\/src|test)\//.test(n) || n.endsWith(".map") || n.endsWith(".ts")), []);
    const docs = names.filter((n) => n.startsWith("docs/rules/"));
    assert.ok(docs.includes("docs/rules/owners-unknown-key.md"), "the rule docs are shipped for offline links");
  });

  it("holds every file package.json contributes (language configurations, grammars, snippets)", () => {
    const manifest = JSON.parse(entries.get("extension/package.json")!.toString("utf8"));
    assert.equal(manifest.main, "./dist/extension.js");
    const missing = contributedPaths(manifest).filter((p) => !entries.has(`extension/${p}`));
    assert.deepEqual(missing, [], "contributed files missing from the .vsix");
  });

  it("runs the packaged server on its own (no node_modules, no sources beside it)", async () => {
    const serverPath = join(dir, "server.js");
    writeFileSync(serverPath, entries.get("extension/dist/server.js")!);
    const root = tempRepo({ "OWNERS": "approvers:\n  - alice\nreviwers:\n  - bob\n" });
    const h = await LspHarness.start({ root, serverPath });
    try {
      const uri = await h.open("OWNERS", "owners");
      const d = await h.waitForDiagnostics(uri, { version: 1 });
      assert.deepEqual(d.diagnostics.map((x) => x.code), ["owners/unknown-key"]);
      assert.equal(await h.stop(), 0);
    } finally {
      h.kill();
      removeRepo(root);
    }
  });
});
