/**
 * The trailer injection grammar (syntaxes/git-commit-trailers.injection.json), tokenised with
 * vscode-textmate + oniguruma as VS Code does, injected into a stand-in for VS Code's
 * git-commit grammar (comment lines scoped comment.line.number-sign.git-commit).
 */
import { strict as assert } from "node:assert";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import * as oniguruma from "vscode-oniguruma";
import * as textmate from "vscode-textmate";

const root = join(__dirname, "../../..");
const injection = JSON.parse(readFileSync(join(root, "syntaxes/git-commit-trailers.injection.json"), "utf8"));
const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
const BASE = {
  scopeName: "text.git-commit",
  patterns: [{ match: "^#.*$", name: "comment.line.number-sign.git-commit" }],
};

let grammar: textmate.IGrammar;

function scopesOf(line: string): { text: string; scopes: string[] }[] {
  const r = grammar.tokenizeLine(line, textmate.INITIAL);
  return r.tokens.map((t) => ({ text: line.slice(t.startIndex, t.endIndex), scopes: t.scopes }));
}
const scopeAt = (line: string, text: string) => scopesOf(line).find((t) => t.text === text)?.scopes ?? [];

describe("git commit trailer grammar", () => {
  before(async () => {
    const wasm = readFileSync(join(root, "node_modules/vscode-oniguruma/release/onig.wasm")).buffer;
    await oniguruma.loadWASM(wasm);
    const registry = new textmate.Registry({
      onigLib: Promise.resolve({ createOnigScanner: (s: string[]) => new oniguruma.OnigScanner(s), createOnigString: (s: string) => new oniguruma.OnigString(s) }),
      loadGrammar: async (scope) => (scope === "text.git-commit" ? BASE : scope === injection.scopeName ? injection : null) as any,
      getInjections: (scope) => (scope === "text.git-commit" ? [injection.scopeName] : undefined),
    });
    grammar = (await registry.loadGrammar("text.git-commit"))!;
  });

  it("is the grammar package.json declares, injected into git-commit and the input box", () => {
    const decl = pkg.contributes.grammars.find((g: any) => g.path === "./syntaxes/git-commit-trailers.injection.json");
    assert.equal(decl.scopeName, injection.scopeName);
    assert.deepEqual(decl.injectTo, ["text.git-commit", "source.scminput"]);
  });

  it("marks up a sign-off the DCO check accepts", () => {
    const line = "Signed-off-by: Jane Dev <jane@example.com>";
    assert.ok(scopeAt(line, "Signed-off-by").includes("keyword.other.trailer.signoff.git-commit"));
    assert.ok(scopeAt(line, "Jane Dev").includes("entity.name.person.git-commit"));
    assert.ok(scopeAt(line, "jane@example.com").includes("markup.underline.link.email.git-commit"));
    assert.ok(scopeAt("signed-off-by: Jane Dev <jane@example.com>", "signed-off-by").includes("keyword.other.trailer.signoff.git-commit"));
  });

  it("leaves a sign-off the check rejects unhighlighted, so it looks wrong", () => {
    for (const bad of ["Signed-off-by:Jane Dev <jane@example.com>", "  Signed-off-by: Jane Dev <jane@example.com>", "Signed-off-by: Jane Dev jane@example.com", "Signed-off-by: Jane Dev <jane@example.com> (work)"]) {
      assert.ok(!scopesOf(bad).some((t) => t.scopes.some((s) => s.startsWith("keyword.other.trailer"))), bad);
    }
  });

  it("does not reach into comment lines", () => {
    const tokens = scopesOf("# Signed-off-by: Jane Dev <jane@example.com>");
    assert.ok(tokens.every((t) => t.scopes.includes("comment.line.number-sign.git-commit")));
    assert.ok(!tokens.some((t) => t.scopes.includes("keyword.other.trailer.signoff.git-commit")));
  });

  it("marks other well-known trailers, not ordinary prose with a colon", () => {
    assert.ok(scopeAt("Co-authored-by: Bob <bob@example.com>", "Co-authored-by").includes("keyword.other.trailer.git-commit"));
    assert.ok(scopeAt("Fixes: #12", "Fixes").includes("keyword.other.trailer.git-commit"));
    assert.ok(!scopesOf("Note: this matters").some((t) => t.scopes.some((s) => s.includes("trailer"))));
  });

  it("the git-commit snippets are valid and the sign-off snippet has the DCO form", () => {
    const snippets = JSON.parse(readFileSync(join(root, "snippets/git-commit.code-snippets"), "utf8"));
    const sob = snippets["Signed-off-by trailer"];
    assert.deepEqual(sob.body, ["Signed-off-by: ${1:Your Name} <${2:you@example.com}>"]);
    for (const [name, s] of Object.entries<any>(snippets)) {
      assert.ok(Array.isArray(s.prefix) && s.prefix.length > 0 && Array.isArray(s.body) && typeof s.description === "string", name);
    }
    const declared = pkg.contributes.snippets.filter((x: any) => x.path === "./snippets/git-commit.code-snippets").map((x: any) => x.language);
    assert.deepEqual(declared.sort(), ["git-commit", "scminput"]);
  });
});
