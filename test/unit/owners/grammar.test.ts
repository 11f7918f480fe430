/** The OWNERS and OWNERS_ALIASES TextMate grammars, tokenized with VS Code's own engine. */
import { strict as assert } from "node:assert";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import * as onig from "vscode-oniguruma";
import * as tm from "vscode-textmate";

const repoRoot = join(__dirname, "..", "..", "..");
let registry: tm.Registry;

before(async () => {
  const wasm = readFileSync(join(repoRoot, "node_modules", "vscode-oniguruma", "release", "onig.wasm"));
  await onig.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength) as ArrayBuffer);
  registry = new tm.Registry({
    onigLib: Promise.resolve({ createOnigScanner: (p: string[]) => new onig.OnigScanner(p), createOnigString: (s: string) => new onig.OnigString(s) }),
    loadGrammar: async (scope: string) => {
      const file = { "source.owners": "owners.tmLanguage.json", "source.owners-aliases": "owners-aliases.tmLanguage.json" }[scope];
      return file ? tm.parseRawGrammar(readFileSync(join(repoRoot, "syntaxes", file), "utf8"), join(repoRoot, "syntaxes", file)) : null;
    },
  });
});

/** Tokenizes a text; `scopes(needle, nth)` gives the scopes shared by every token of that occurrence. */
async function tokens(scope: string, text: string) {
  const grammar = await registry.loadGrammar(scope);
  assert.ok(grammar, `grammar ${scope}`);
  let state = tm.INITIAL;
  const toks: { start: number; end: number; scopes: string[] }[] = [];
  let offset = 0;
  for (const line of text.split("\n")) {
    const r = grammar.tokenizeLine(line, state);
    for (const t of r.tokens) toks.push({ start: offset + t.startIndex, end: offset + t.endIndex, scopes: t.scopes });
    state = r.ruleStack;
    offset += line.length + 1;
  }
  return {
    /** Scopes every token covering the nth occurrence of `needle` carries (the innermost last). */
    scopes(needle: string, nth = 0): string[] {
      let at = -1;
      for (let i = 0; i <= nth; i++) at = text.indexOf(needle, at + 1);
      assert.ok(at >= 0, `no ${needle}`);
      const covering = toks.filter((t) => t.end > at && t.start < at + needle.length);
      return covering[0].scopes.filter((s) => covering.every((t) => t.scopes.includes(s)));
    },
    /** The innermost scope shared by the whole occurrence. */
    innermost(needle: string, nth = 0): string {
      const s = this.scopes(needle, nth);
      return s[s.length - 1];
    },
  };
}

describe("owners TextMate grammars", () => {
  it("package.json declares both grammars with their scopes", () => {
    const pkg = JSON.parse(readFileSync(join(repoRoot, "package.json"), "utf8"));
    const grammars = pkg.contributes.grammars as { language?: string; scopeName: string; path: string }[];
    for (const [language, scopeName] of [["owners", "source.owners"], ["owners-aliases", "source.owners-aliases"]]) {
      const g = grammars.find((x) => x.language === language);
      assert.equal(g?.scopeName, scopeName);
      assert.equal(JSON.parse(readFileSync(join(repoRoot, g!.path), "utf8")).scopeName, scopeName);
    }
  });

  it("highlights OWNERS keys, logins, aliases, teams, labels, options, filters and comments", async () => {
    const t = await tokens("source.owners", [
      "# See the OWNERS docs",
      "approvers:",
      "  - alice",
      "  - llm-d-approvers # the maintainers",
      "required_reviewers: [llm-d/release-team, \"@bob\"]",
      "labels:",
      "- area/router",
      "options:",
      "  no_parent_owners: true",
      "filters:",
      "  '\\.go$':",
      "    reviewers:",
      "    - carol",
      "reviwers:",
      "- dave",
    ].join("\n"));
    assert.equal(t.innermost("# See the OWNERS docs"), "comment.line.number-sign.owners");
    assert.equal(t.innermost("approvers"), "keyword.other.key.owners");
    assert.equal(t.innermost("alice"), "variable.other.login.owners");
    assert.equal(t.innermost("llm-d-approvers"), "entity.name.type.alias.owners");
    assert.equal(t.innermost("# the maintainers"), "comment.line.number-sign.owners");
    assert.equal(t.innermost("llm-d/release-team"), "entity.name.type.team.owners");
    assert.equal(t.innermost("bob"), "string.quoted.double.login.owners");
    assert.equal(t.innermost("area/router"), "string.unquoted.label.owners");
    assert.equal(t.innermost("no_parent_owners"), "keyword.other.option.owners");
    assert.equal(t.innermost("true"), "constant.language.boolean.owners");
    assert.equal(t.innermost("\\.go$"), "string.regexp.filter.owners");
    assert.equal(t.innermost("reviewers", 1), "keyword.other.key.owners");
    assert.equal(t.innermost("required_reviewers"), "keyword.other.key.owners");
    assert.equal(t.innermost("carol"), "variable.other.login.owners");
    assert.equal(t.innermost("reviwers"), "entity.name.tag.unknown-key.owners");
    assert.ok(!t.scopes("dave").some((x) => x.startsWith("variable.other.login")), "items of an unknown key are not people");
  });

  it("highlights flow lists of labels and indentless people lists up to the next key", async () => {
    const t = await tokens("source.owners", "labels: [area/x, kind/bug]\nreviewers:\n- erin\noptions:\n  auto_approve_unowned_subfolders: yes\n");
    assert.equal(t.innermost("area/x"), "string.unquoted.label.owners");
    assert.equal(t.innermost("kind/bug"), "string.unquoted.label.owners");
    assert.equal(t.innermost("erin"), "variable.other.login.owners");
    assert.equal(t.innermost("options"), "keyword.other.key.owners");
    assert.equal(t.innermost("yes"), "constant.language.boolean.owners");
  });

  it("marks an unquoted @ as a YAML error", async () => {
    const t = await tokens("source.owners", "approvers:\n  - @alice\n");
    assert.equal(t.innermost("@"), "invalid.illegal.reserved-at.owners");
    assert.equal(t.innermost("alice"), "variable.other.login.owners");
  });

  it("highlights OWNERS_ALIASES alias definitions and members", async () => {
    const t = await tokens("source.owners-aliases", "# aliases\naliases:\n  llm-d-maintainers:\n    - alice\n    - sig-x-leads\n  triage: [bob]\n");
    assert.equal(t.innermost("aliases", 1), "keyword.other.key.owners-aliases");
    assert.equal(t.innermost("llm-d-maintainers"), "entity.name.type.alias.definition.owners-aliases");
    assert.equal(t.innermost("triage"), "entity.name.type.alias.definition.owners-aliases");
    assert.equal(t.innermost("alice"), "variable.other.login.owners-aliases");
    assert.equal(t.innermost("bob"), "variable.other.login.owners-aliases");
    assert.equal(t.innermost("sig-x-leads"), "entity.name.type.alias.owners-aliases");
    assert.equal(t.innermost("# aliases"), "comment.line.number-sign.owners-aliases");
  });
});
