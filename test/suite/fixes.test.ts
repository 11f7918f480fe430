import * as assert from "node:assert/strict";
import * as vscode from "vscode";
import { applyAction, closeAll, codeActions, diagnostic, noDiagnostic, open, writeWs } from "./helpers";

/**
 * Quick fixes through vscode.executeCodeActionProvider, applied as the editor applies them.
 * The expected texts are those of test/unit/owners/unknown-key.test.ts (roundTrip).
 */
async function fixOnce(rel: string, text: string, rule: string, title: string | RegExp): Promise<vscode.TextDocument> {
  const uri = writeWs(rel, text);
  const editor = await open(uri);
  const d = await diagnostic(uri, rule);
  const actions = await codeActions(uri, d.range, vscode.CodeActionKind.QuickFix);
  const titles = actions.map((a) => a.title);
  const action = actions.find((a) => (typeof title === "string" ? a.title === title : title.test(a.title)));
  assert.ok(action, `no quick fix ${title} for ${rule}; offered: ${JSON.stringify(titles)}`);
  assert.ok(action.kind && vscode.CodeActionKind.QuickFix.contains(action.kind), `"${action.title}" is not a quick fix (${action.kind?.value})`);
  await applyAction(action);
  return editor.document;
}

describe("quick fixes", () => {
  afterEach(async () => {
    await vscode.commands.executeCommand("workbench.action.files.saveAll");
    await closeAll();
  });

  it("owners/unknown-key: `Rename to reviewers` renames the key and nothing else", async () => {
    const doc = await fixOnce("fix-rename/OWNERS", "approvers:\n- a\nreviwers:\n- b\n- c\n", "owners/unknown-key", "Rename to reviewers");
    assert.equal(doc.getText(), "approvers:\n- a\nreviewers:\n- b\n- c\n");
    await noDiagnostic(doc.uri, "owners/unknown-key");
  });

  it("owners/unknown-key: a top-level no_parent_owners moves under options:", async () => {
    const doc = await fixOnce("fix-move/OWNERS", "approvers:\n- a\nno_parent_owners: true\n", "owners/unknown-key", /options/);
    assert.equal(doc.getText(), "approvers:\n- a\noptions:\n  no_parent_owners: true\n");
    await noDiagnostic(doc.uri, "owners/unknown-key");
  });

  it("the preferred fix is marked so (auto-fix on Ctrl+. picks it)", async () => {
    const uri = writeWs("fix-preferred/OWNERS", "approvers:\n- a\nreviwers:\n- b\n");
    await open(uri);
    const d = await diagnostic(uri, "owners/unknown-key");
    const actions = await codeActions(uri, d.range, vscode.CodeActionKind.QuickFix);
    assert.deepEqual(actions.filter((a) => a.isPreferred).map((a) => a.title), ["Rename to reviewers"]);
  });
});
