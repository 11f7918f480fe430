import { strict as assert } from "node:assert";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { URI } from "vscode-uri";
import { RepoRoot, Roots } from "../../../server/src/lsp/roots";

describe("lsp roots and document identity", () => {
  let base: string;
  let repo: string;
  let roots: Roots;
  const uri = (p: string) => URI.file(p).toString();

  beforeEach(() => {
    base = mkdtempSync(join(tmpdir(), "lsp-roots-"));
    repo = join(base, "repo");
    mkdirSync(join(repo, ".git"), { recursive: true });
    mkdirSync(join(repo, "docs", "proposals"), { recursive: true });
    writeFileSync(join(repo, ".llm-d-contrib.yaml"), "proposal:\n  folders: [design]\n");
    roots = new Roots();
    roots.addFolder(uri(repo));
  });
  afterEach(() => rmSync(base, { recursive: true, force: true }));

  it("maps a file under the folder to its repository-relative path and kind", () => {
    const id = roots.identify(uri(join(repo, "pkg", "OWNERS")), "owners");
    assert.deepEqual({ relPath: id?.relPath, kind: id?.kind, root: id?.root?.path, key: id?.key }, { relPath: "pkg/OWNERS", kind: "owners", root: repo, key: join(repo, "pkg", "OWNERS") });
  });

  it("detects proposals with the repository's configured folders", () => {
    const root = roots.all()[0];
    root.reloadConfig();
    assert.equal(roots.identify(uri(join(repo, "design", "x.md")), "markdown")?.kind, "proposal");
    assert.equal(roots.identify(uri(join(repo, "docs", "proposals", "x.md")), "markdown"), undefined);
  });

  it("ignores files outside every workspace folder, unknown kinds and the configuration file", () => {
    assert.equal(roots.identify(uri(join(base, "elsewhere", "OWNERS")), "owners"), undefined);
    assert.equal(roots.identify(uri(join(repo, "README.txt")), "plaintext"), undefined);
    assert.equal(roots.identify(uri(join(repo, ".llm-d-contrib.yaml")), "yaml"), undefined);
    assert.equal(roots.rootOfConfig(join(repo, ".llm-d-contrib.yaml"))?.path, repo);
  });

  it("reads git's commit message file and the SCM input box as commit messages", () => {
    const file = roots.identify(uri(join(repo, ".git", "COMMIT_EDITMSG")), "git-commit");
    assert.deepEqual([file?.relPath, file?.kind, file?.languageId, file?.root?.path], [".git/COMMIT_EDITMSG", "commit-message", "git-commit", repo]);
    const scmUri = `vscode-scm:git/scm0/input?rootUri=${encodeURIComponent(uri(repo))}`;
    const scm = roots.identify(scmUri, "scminput");
    assert.deepEqual([scm?.relPath, scm?.kind, scm?.languageId, scm?.root?.path, scm?.onDisk], [".git/COMMIT_EDITMSG", "commit-message", "scminput", repo, false]);
  });

  it("identifies untitled buffers by language id only", () => {
    assert.deepEqual([roots.identify("untitled:Untitled-1", "owners")?.kind, roots.identify("untitled:Untitled-1", "owners")?.relPath], ["owners", "OWNERS"]);
    assert.equal(roots.identify("untitled:Untitled-2", "markdown"), undefined);
  });

  it("uses a repository nested in the folder as the root of its files", () => {
    const nested = join(repo, "third_party", "lib");
    mkdirSync(join(nested, ".git"), { recursive: true });
    const id = roots.identify(uri(join(nested, "OWNERS")), "owners");
    assert.deepEqual([id?.root?.path, id?.relPath], [nested, "OWNERS"]);
  });
});

describe("lsp tracked workspace", () => {
  let root: string;
  beforeEach(() => { root = mkdtempSync(join(tmpdir(), "lsp-ws-")); });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it("prefers the open buffer, and sees every change on disk despite its read cache", async () => {
    const ws = new RepoRoot(root).workspace;
    writeFileSync(join(root, "OWNERS_ALIASES"), "one\n");
    assert.equal(ws.readFile("OWNERS_ALIASES"), "one\n");
    writeFileSync(join(root, "OWNERS_ALIASES"), "two, longer\n");
    assert.equal(ws.readFile("OWNERS_ALIASES"), "two, longer\n");
    ws.overlay.set("OWNERS_ALIASES", "unsaved\n");
    assert.equal(ws.readFile("OWNERS_ALIASES"), "unsaved\n");
    ws.overlay.delete("OWNERS_ALIASES");
    rmSync(join(root, "OWNERS_ALIASES"));
    assert.equal(ws.readFile("OWNERS_ALIASES"), undefined);
    assert.deepEqual([...ws.takeReads()], ["OWNERS_ALIASES"]);
  });

  it("notes when a rule lists the files, and walks again after files come or go", () => {
    const ws = new RepoRoot(root).workspace;
    writeFileSync(join(root, "a.go"), "package a\n");
    assert.deepEqual(ws.listFiles(), ["a.go"]);
    assert.equal(ws.listed, true);
    writeFileSync(join(root, "b.go"), "package a\n");
    assert.deepEqual(ws.listFiles(), ["a.go"], "the list is kept until a file event");
    ws.invalidateFiles();
    assert.deepEqual(ws.listFiles(), ["a.go", "b.go"]);
  });
});
