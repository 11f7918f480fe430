import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import * as vscode from "vscode";
import { activate, closeAll, completions, extension, label, open, packageJson, writeWs } from "./helpers";

describe("completion", () => {
  before(activate);
  after(closeAll);

  it("OWNERS: completion under approvers offers the aliases of OWNERS_ALIASES", async () => {
    const uri = writeWs("complete/OWNERS", "approvers:\n- \n");
    const editor = await open(uri);
    const items = await completions(uri, new vscode.Position(1, 2));
    const labels = items.map(label);
    for (const alias of ["fixture-approvers", "fixture-reviewers"]) {
      assert.ok(labels.includes(alias), `alias ${alias} not offered; got ${JSON.stringify(labels.slice(0, 30))}`);
    }
    assert.equal(editor.document.getText(), "approvers:\n- \n", "asking for completions must not edit");
  });

  it("OWNERS: completion at the top level offers the keys Prow reads", async () => {
    const uri = writeWs("complete-keys/OWNERS", "approvers:\n- alice\n\n");
    await open(uri);
    const labels = (await completions(uri, new vscode.Position(2, 0))).map(label);
    for (const key of ["reviewers", "labels", "options"]) {
      assert.ok(labels.some((l) => l.replace(/:$/, "") === key), `key ${key} not offered; got ${JSON.stringify(labels.slice(0, 30))}`);
    }
  });

  it("proposal: completion on a new line offers the template sections that are missing, not those present", async () => {
    const uri = writeWs("docs/proposals/complete-me.md", "# Complete me\n\n## Summary\n\nA summary.\n\n");
    await open(uri);
    const labels = (await completions(uri, new vscode.Position(6, 0))).map(label);
    const offered = (name: string) => labels.some((l) => new RegExp(`^(#+ )?${name}$`).test(l.trim()));
    for (const section of ["Motivation", "Proposal", "Design Details", "Alternatives"]) {
      assert.ok(offered(section), `missing section ${section} not offered; got ${JSON.stringify(labels.slice(0, 40))}`);
    }
    assert.ok(!offered("Summary"), "Summary is already present and must not be offered");
  });
});

interface SnippetFile { language: string; file: string }
type Snippets = Record<string, { prefix: string | string[]; body: string | string[] }>;

/** The snippet files package.json contributes. */
function contributedSnippetFiles(): SnippetFile[] {
  const root = extension().extensionPath;
  return (packageJson().contributes?.snippets ?? []).map((s: { language: string; path: string }) => ({ language: s.language, file: path.join(root, s.path) }));
}

/** A .code-snippets file parsed (JSON with comments and trailing commas). */
function readSnippets(file: string): Snippets {
  const text = fs.readFileSync(file, "utf8")
    .replace(/("(?:[^"\\]|\\.)*")|\/\/[^\n]*|\/\*[\s\S]*?\*\//g, (m, str) => str ?? "")
    .replace(/,(\s*[}\]])/g, "$1");
  return JSON.parse(text) as Snippets;
}

/**
 * The text a snippet body inserts when every placeholder keeps its default: `${1:x}` → x,
 * `${1|a,b|}` → a, `$1` → "", escapes resolved. Undefined when it uses variables ($TM_…),
 * whose values depend on the editor.
 */
function expandSnippet(body: string | string[]): string | undefined {
  let text = Array.isArray(body) ? body.join("\n") : body;
  if (/(^|[^\\])\$\{?[A-Z_]{2,}/.test(text)) return undefined;
  for (let prev = ""; prev !== text;) {
    prev = text;
    text = text.replace(/\$\{\d+:((?:[^{}\\]|\\.)*)\}/g, "$1").replace(/\$\{\d+\|([^,|}]*)[^}]*\|\}/g, "$1")
      .replace(/\$\{\d+\}/g, "").replace(/(^|[^\\])\$\d+/g, "$1");
  }
  return text.replace(/\\([$}\\])/g, "$1");
}

const squash = (s: string) => s.replace(/[ \t]+/g, " ").replace(/ ?\n ?/g, "\n").trim();

describe("snippets", () => {
  afterEach(async () => {
    await vscode.commands.executeCommand("workbench.action.closeAllEditors");
  });

  it("contributes snippets for OWNERS, OWNERS_ALIASES, proposals, flags and commit messages", () => {
    const languages = new Set(contributedSnippetFiles().map((f) => f.language));
    for (const l of ["owners", "owners-aliases", "markdown", "go", "git-commit"]) assert.ok(languages.has(l), `no snippets for ${l}`);
  });

  // Every snippet of every contributed file, inserted by name through editor.action.insertSnippet
  // ({ langId, name }): VS Code must have loaded the contribution for that language.
  const seen = new Set<string>();
  for (const { language, file } of (() => { try { return contributedSnippetFiles(); } catch { return []; } })()) {
    if (language === "scminput" || seen.has(file)) continue; // scminput exists only as the SCM input box
    seen.add(file);
    it(`${path.basename(file)}: every snippet parses and inserts its text in a ${language} editor`, async function () {
      this.timeout(180_000);
      assert.ok(fs.existsSync(file), `package.json contributes ${file}, which does not exist`);
      const snippets = Object.entries(readSnippets(file));
      assert.ok(snippets.length > 0, "no snippets in the file");
      const wrong: string[] = [];
      const doc = await vscode.workspace.openTextDocument({ language, content: "" });
      const editor = await vscode.window.showTextDocument(doc);
      for (const [name, snippet] of snippets) {
        assert.ok(snippet.prefix && snippet.body, `snippet "${name}" lacks a prefix or a body`);
        await editor.edit((e) => e.delete(new vscode.Range(0, 0, doc.lineCount, 0)));
        await vscode.commands.executeCommand("editor.action.insertSnippet", { langId: language, name });
        const got = doc.getText();
        const want = expandSnippet(snippet.body);
        if (want === undefined ? got.trim() === "" : squash(got) !== squash(want)) {
          wrong.push(`"${name}": inserted ${JSON.stringify(got)}${want === undefined ? "" : `, expected ${JSON.stringify(want)}`}`);
        }
      }
      await vscode.commands.executeCommand("workbench.action.revertAndCloseActiveEditor");
      assert.deepEqual(wrong, []);
    });
  }
});
