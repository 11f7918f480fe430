import { strict as assert } from "node:assert";
import { mkdirSync, symlinkSync, truncateSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { DiskWorkspace, readTextBounded, walkFiles } from "../../../server/src/host/repo";
import { tempRepo } from "./fake";

describe("walkFiles", () => {
  it("lists every file, sorted, relative to the root, skipping .git and node_modules", () => {
    const root = tempRepo({ "b.go": "", "a/z.go": "", "a/b/c.py": "", "node_modules/x/OWNERS": "", "sub/node_modules/y.js": "" });
    writeFileSync(join(root, ".git", "HEAD"), "ref\n");
    assert.deepEqual(walkFiles(root), ["a/b/c.py", "a/z.go", "b.go"]);
  });

  it("honours .gitignore at every level, anchored to its own folder", () => {
    const root = tempRepo({
      ".gitignore": "*.log\n/build/\n",
      "build/OWNERS": "", "src/build/OWNERS": "", "x.log": "", "src/y.log": "",
      "src/.gitignore": "/gen\nlocal.yaml\n",
      "src/gen/a.go": "", "src/deep/gen/a.go": "", "src/local.yaml": "", "src/deep/local.yaml": "", "src/keep.go": "",
    });
    assert.deepEqual(walkFiles(root), [".gitignore", "src/.gitignore", "src/build/OWNERS", "src/deep/gen/a.go", "src/keep.go"]);
  });

  it("a deeper .gitignore can re-include what a shallower one ignores, but not inside an ignored folder", () => {
    const root = tempRepo({
      ".gitignore": "*.yaml\nvendor/\n",
      "a/.gitignore": "!values.yaml\n",
      "a/values.yaml": "", "a/other.yaml": "", "b/values.yaml": "",
      "vendor/.gitignore": "!*\n", "vendor/x.go": "",
    });
    assert.deepEqual(walkFiles(root), [".gitignore", "a/.gitignore", "a/values.yaml"]);
  });

  it(".git/info/exclude is weakest; the configured patterns have the last word", () => {
    const root = tempRepo({ ".gitignore": "!notes.go\n", "notes.go": "", "tmp.go": "", "gen/x.go": "", "keep.go": "" });
    mkdirSync(join(root, ".git", "info"));
    writeFileSync(join(root, ".git", "info", "exclude"), "notes.go\ntmp.go\n");
    assert.deepEqual(walkFiles(root), [".gitignore", "gen/x.go", "keep.go", "notes.go"]);
    assert.deepEqual(walkFiles(root, root, ["gen/", "*.go", "!keep.go"]), [".gitignore", "keep.go"]);
  });

  it("walks a subfolder with the rules of its ancestors; an ignored start folder lists nothing", () => {
    const root = tempRepo({ ".gitignore": "*.tmp\nout/\n", "a/.gitignore": "skip/\n", "a/b/x.go": "", "a/b/x.tmp": "", "a/skip/y.go": "", "out/z.go": "" });
    assert.deepEqual(walkFiles(root, join(root, "a")), ["a/.gitignore", "a/b/x.go"]);
    assert.deepEqual(walkFiles(root, join(root, "a", "b")), ["a/b/x.go"]);
    assert.deepEqual(walkFiles(root, join(root, "out")), []);
    assert.deepEqual(walkFiles(root, join(root, "a", "skip")), []);
  });

  it("with nestedRoots, does not enter a folder that is a repository of its own, and names it", () => {
    const root = tempRepo({ "a.go": "", "inner/.llm-d-contrib.yaml": "", "inner/x.go": "", "deep/sub/.git/HEAD": "", "deep/sub/y.go": "", "deep/z.go": "" });
    const nested: string[] = [];
    assert.deepEqual(walkFiles(root, root, [], nested), ["a.go", "deep/z.go"]);
    assert.deepEqual(nested.sort(), ["deep/sub", "inner"]);
    assert.deepEqual(walkFiles(root), ["a.go", "deep/sub/y.go", "deep/z.go", "inner/.llm-d-contrib.yaml", "inner/x.go"], "without it, everything is listed");
    assert.deepEqual(walkFiles(join(root, "inner"), join(root, "inner"), [], []), [".llm-d-contrib.yaml", "x.go"], "the start folder itself is walked");
  });

  it("lists symbolic links as files and does not follow them", () => {
    const root = tempRepo({ "real/OWNERS": "" });
    symlinkSync(join(root, "real"), join(root, "linkdir"));
    symlinkSync(join(root, "nowhere"), join(root, "dangling.go"));
    assert.deepEqual(walkFiles(root), ["dangling.go", "linkdir", "real/OWNERS"]);
  });
});

describe("DiskWorkspace and readTextBounded", () => {
  it("reads text, drops a BOM, lets the overlay win, and reads too-large or odd files as missing", () => {
    const root = tempRepo({ "a.txt": "\ufeffhello", "big.txt": "x".repeat(50), "dir/x": "" });
    const ws = new DiskWorkspace(root);
    assert.equal(ws.readFile("a.txt"), "hello");
    ws.overlay.set("a.txt", "edited");
    assert.equal(ws.readFile("a.txt"), "edited");
    assert.equal(ws.readFile("big.txt")?.length, 50);
    ws.maxFileBytes = 49;
    assert.equal(ws.readFile("big.txt"), undefined);
    assert.equal(ws.readFile("dir"), undefined);
    assert.equal(ws.readFile("missing"), undefined);
    truncateSync(join(root, "big.txt"), 5 * 1024 ** 3);
    const started = Date.now();
    assert.equal(readTextBounded(join(root, "big.txt"), 2 * 1024 * 1024), undefined);
    assert.ok(Date.now() - started < 1000);
  });
});
