import { strict as assert } from "node:assert";
import { detectKind, proposalFolders, resolveConfig } from "../../../server/src/engine/index";

const defaults = resolveConfig();
const kind = (path: string, languageId?: string) => detectKind(path, defaults, languageId);

describe("detectKind", () => {
  it("OWNERS and OWNERS_ALIASES by exact name, at any depth", () => {
    assert.equal(kind("OWNERS"), "owners");
    assert.equal(kind("pkg/x/OWNERS"), "owners");
    assert.equal(kind("OWNERS_ALIASES"), "owners-aliases");
    assert.equal(kind("a/OWNERS_ALIASES"), "owners-aliases");
    assert.equal(kind("owners"), undefined);
    assert.equal(kind("OWNERS.md"), undefined);
    assert.equal(kind("OWNERS.bak"), undefined);
  });

  it("sources by extension, case-insensitive", () => {
    const cases: [string, string][] = [
      ["main.go", "go"], ["a/b.py", "python"], ["x.js", "javascript"], ["x.mjs", "javascript"], ["x.cjs", "javascript"],
      ["x.jsx", "javascript"], ["x.ts", "typescript"], ["x.mts", "typescript"], ["x.cts", "typescript"], ["x.tsx", "typescript"],
      ["values.yaml", "yaml"], ["ci.yml", "yaml"], ["X.GO", "go"], ["Values.YAML", "yaml"],
    ];
    for (const [p, k] of cases) assert.equal(kind(p), k, p);
    for (const p of ["x.txt", "Makefile", ".go", "go", "x.go.orig", "x.json", "README"]) assert.equal(kind(p), undefined, p);
  });

  it("commit messages by git's file names or the editor's language", () => {
    for (const f of ["COMMIT_EDITMSG", ".git/COMMIT_EDITMSG", ".git/MERGE_MSG", "SQUASH_MSG", "TAG_EDITMSG"]) assert.equal(kind(f), "commit-message", f);
    assert.equal(kind("whatever.txt", "git-commit"), "commit-message");
    assert.equal(kind("scm/input", "scminput"), "commit-message");
    assert.equal(kind("x.go", "go"), "go");
  });

  it("markdown in a proposal folder is a proposal, at any depth below it", () => {
    for (const p of ["docs/proposals/x.md", "proposals/x.md", "proposals/2024/x.markdown", "sub/repo/docs/proposals/x.md", "docs/proposals/a/b/X.MD"]) {
      assert.equal(kind(p), "proposal", p);
    }
    for (const p of ["x.md", "docs/x.md", "docs/proposals-old/x.md", "myproposals/x.md", "docs/Proposals/x.md"]) assert.equal(kind(p), undefined, p);
  });

  it("the proposal folder's README and index, and the template, are never proposals", () => {
    for (const p of ["docs/proposals/README.md", "docs/proposals/readme.md", "proposals/index.md", "proposals/_index.md",
      "docs/proposals/PROPOSAL_TEMPLATE.md", "docs/proposals/template.md", "proposals/README.markdown",
      "docs/proposals/043-x/index.md", "docs/proposals/043-x/PROPOSAL_TEMPLATE.md", "docs/README.md"]) {
      assert.equal(kind(p), undefined, p);
    }
    assert.equal(kind("docs/proposals/readme-first.md"), "proposal");
  });

  it("a README one folder down is a proposal of its own (GIE style NNN-name/README.md)", () => {
    for (const p of ["docs/proposals/043-model-selection/README.md", "proposals/006-scheduler/readme.md", "third_party/gie/docs/proposals/002-api/README.md"]) {
      assert.equal(kind(p), "proposal", p);
    }
  });

  it("proposal folders come from proposal.folders when set", () => {
    const c = resolveConfig({ proposal: { folders: ["./design/", "rfcs"] } });
    assert.deepEqual(proposalFolders(c), ["design", "rfcs"]);
    assert.equal(detectKind("design/x.md", c), "proposal");
    assert.equal(detectKind("rfcs/0001-x.md", c), "proposal");
    assert.equal(detectKind("docs/proposals/x.md", c), undefined);
    assert.deepEqual(proposalFolders(resolveConfig({ proposal: { folders: "design" } })), ["docs/proposals", "proposals"], "a bad value keeps the defaults");
  });
});
