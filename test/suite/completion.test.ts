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

/** The snippet files package.json contributes, parsed (JSON with comments and trailing commas). */
function contributedSnippets(): { language: string; file: string; snippets: Record<string, { prefix: string | string[]; body: string | string[] }> }[] {
  const root = extension().extensionPath;
  return (packageJson().contributes?.snippets ?? []).map((s: { language: string; path: string }) => {
    const file = path.join(root, s.path);
    const text = fs.readFileSync(file, "utf8")
      .replace(/("(?:[^"\\]|\\.)*")|\/\/[^\n]*|\/\*[\s\S]*?\*\//g, (m, str) => str ?? "")
      .replace(/,(\s*[}\]])/g, "$1");
    return { language: s.language, file, snippets: JSON.parse(text) };
  });
}

/** The literal text the first line of a snippet body starts with (before any $ construct). */
function literalStart(body: string | string[]): string {
  const first = (Array.isArray(body) ? body.join("\n") : body).split("\n")[0]!;
  return first.split("$")[0]!.replace(/\\(.)/g, "$1").trim();
}

describe("snippets", () => {
  afterEach(async () => {
    await vscode.commands.executeCommand("workbench.action.revertAndCloseActiveEditor");
  });

  it("every contributed snippet file exists, parses and has snippets with a prefix and a body", () => {
    const files = contributedSnippets();
    assert.ok(files.length >= 5, `expected snippets for OWNERS, OWNERS_ALIASES, proposals, flags and commits; got ${files.length}`);
    for (const f of files) {
      const entries = Object.entries(f.snippets);
      assert.ok(entries.length > 0, `${f.file} has no snippets`);
      for (const [name, s] of entries) {
        assert.ok(s.prefix && s.body, `${path.basename(f.file)}: snippet "${name}" lacks a prefix or body`);
      }
    }
  });

  // One insertion per (language, file): VS Code must have loaded the contribution for the
  // language, which editor.action.insertSnippet with { langId, name } looks up by name.
  const seen = new Set<string>();
  for (const { language, file } of (() => { try { return contributedSnippets(); } catch { return []; } })()) {
    if (language === "scminput" || seen.has(file)) continue; // scminput only exists as the SCM input box
    seen.add(file);
    it(`a ${language} snippet from ${path.basename(file)} inserts`, async () => {
      const entry = contributedSnippets().find((f) => f.file === file)!;
      const [name, snippet] = Object.entries(entry.snippets)[0]!;
      const doc = await vscode.workspace.openTextDocument({ language, content: "" });
      const editor = await vscode.window.showTextDocument(doc);
      await vscode.commands.executeCommand("editor.action.insertSnippet", { langId: language, name });
      const text = editor.document.getText();
      assert.ok(text.length > 0, `snippet "${name}" inserted nothing`);
      assert.ok(text.startsWith(literalStart(snippet.body)) || text.includes(literalStart(snippet.body)),
        `snippet "${name}" inserted ${JSON.stringify(text.slice(0, 80))}, expected it to start with ${JSON.stringify(literalStart(snippet.body))}`);
    });
  }
});
