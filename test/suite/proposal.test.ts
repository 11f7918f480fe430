import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import * as vscode from "vscode";
import { activate, closeAll, diagnostic, noDiagnostic, waitFor, workspaceRoot } from "./helpers";

/** Every .md file under the proposal folders (docs/proposals, proposals), relative to the root. */
function proposalFiles(): Set<string> {
  const out = new Set<string>();
  const walk = (rel: string) => {
    const abs = path.join(workspaceRoot(), rel);
    if (!fs.existsSync(abs)) return;
    for (const e of fs.readdirSync(abs, { withFileTypes: true })) {
      const r = path.posix.join(rel, e.name);
      if (e.isDirectory()) walk(r); else if (/\.md$/i.test(e.name)) out.add(r);
    }
  };
  walk("docs/proposals");
  walk("proposals");
  return out;
}

const TITLE = "E2E Fast Path Two";

describe("New Proposal command", () => {
  after(closeAll);

  it("creates a proposal from the template, with the title, and it has no missing sections", async () => {
    await activate();
    const before = proposalFiles();
    // The title goes in as an argument; should the command ask anyway, the input box is
    // answered with the same title (and any other prompt is dismissed).
    const win = vscode.window as { showInputBox: typeof vscode.window.showInputBox; showQuickPick: typeof vscode.window.showQuickPick };
    const originalInput = win.showInputBox, originalPick = win.showQuickPick;
    let asked = 0;
    let returned: vscode.Uri | undefined;
    win.showInputBox = async () => { asked++; return TITLE; };
    win.showQuickPick = (async (items: readonly unknown[] | Thenable<readonly unknown[]>) => (await items)[0]) as typeof vscode.window.showQuickPick;
    try {
      returned = await vscode.commands.executeCommand<vscode.Uri | undefined>("llm-d-contrib.newProposal", { title: TITLE });
    } finally {
      win.showInputBox = originalInput;
      win.showQuickPick = originalPick;
    }
    const created = await waitFor("a new proposal file", () => [...proposalFiles()].find((f) => !before.has(f)), 10_000,
      () => `proposal files: ${[...proposalFiles()].join(", ")}; input boxes shown: ${asked}`);
    assert.match(path.basename(created), /^e2e[-_]fast[-_]path[-_]two\.md$/i, `file name ${created} does not come from the title`);
    assert.equal(asked, 0, "the title was given as an argument, yet an input box was shown");
    const uri = vscode.Uri.file(path.join(workspaceRoot(), created));
    assert.equal(returned?.fsPath, uri.fsPath, "the command returns the new file's URI");
    const doc = await waitFor("the new proposal to be open in an editor",
      () => vscode.workspace.textDocuments.find((d) => d.uri.fsPath === uri.fsPath), 10_000);
    const text = doc.getText();
    assert.match(text, new RegExp(`^# ${TITLE}\\s*$`, "m"), "the title is the H1");
    for (const h of ["## Summary", "## Motivation", "### Goals", "### Non-Goals", "## Proposal", "## Design Details", "## Alternatives"]) {
      assert.match(text, new RegExp(`^${h}\\s*$`, "m"), `the template section ${h} is missing`);
    }
    // The server checks it as a proposal: deleting a section is reported, and with the
    // section back nothing is missing.
    const editor = await vscode.window.showTextDocument(doc);
    const line = doc.getText().split("\n").findIndex((l) => l.trim() === "## Alternatives");
    await editor.edit((e) => e.replace(doc.lineAt(line).range, "## Other thoughts"));
    await diagnostic(uri, "proposal/missing-section", (d) => /Alternatives/.test(d.message));
    await editor.edit((e) => e.replace(doc.lineAt(line).range, "## Alternatives"));
    await noDiagnostic(uri, "proposal/missing-section");
    await vscode.commands.executeCommand("workbench.action.files.save");
  });
});
