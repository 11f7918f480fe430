import * as assert from "node:assert/strict";
import * as vscode from "vscode";
import * as fs from "node:fs";
import { applyAction, closeAll, codeActions, diagnostic, noDiagnostic, open, setSetting, writeWs } from "./helpers";

/**
 * Quick fixes through vscode.executeCodeActionProvider, applied as the editor applies them.
 * The expected texts are those of the unit tests' roundTrip cases (test/unit/owners/unknown-key,
 * test/unit/flags/rules, test/unit/commit/rules), with the fixture repository's identity.
 */
/** A workspace edit as text, for failure messages. */
function describeEdit(edit: vscode.WorkspaceEdit | undefined): string {
  if (!edit) return "(no edit)";
  return JSON.stringify(edit.entries().map(([uri, edits]) => [vscode.workspace.asRelativePath(uri),
    edits.map((e) => `${e.range.start.line + 1}:${e.range.start.character + 1}-${e.range.end.line + 1}:${e.range.end.character + 1} ${JSON.stringify(e.newText)}`)]));
}

/** Applies the quick fix `title` of `rule` to a new file holding `text`; the result must be `expected`. */
async function fixOnce(rel: string, text: string, rule: string, title: string | RegExp, expected: string): Promise<vscode.TextDocument> {
  const uri = writeWs(rel, text);
  const editor = await open(uri);
  const d = await diagnostic(uri, rule);
  const actions = await codeActions(uri, d.range, vscode.CodeActionKind.QuickFix);
  const titles = actions.map((a) => a.title);
  const action = actions.find((a) => (typeof title === "string" ? a.title === title : title.test(a.title)));
  assert.ok(action, `no quick fix ${title} for ${rule}; offered: ${JSON.stringify(titles)}`);
  assert.ok(action.kind && vscode.CodeActionKind.QuickFix.contains(action.kind), `"${action.title}" is not a quick fix (${action.kind?.value})`);
  await applyAction(action);
  assert.equal(editor.document.getText(), expected, `after "${action.title}" (edit ${describeEdit(action.edit)}; document version ${editor.document.version})`);
  return editor.document;
}

describe("quick fixes", () => {
  afterEach(async () => {
    await vscode.commands.executeCommand("workbench.action.files.saveAll");
    await closeAll();
  });

  it("owners/unknown-key: `Rename to reviewers` renames the key and nothing else", async () => {
    const doc = await fixOnce("fix-rename/OWNERS", "approvers:\n- a\nreviwers:\n- b\n- c\n", "owners/unknown-key", "Rename to reviewers",
      "approvers:\n- a\nreviewers:\n- b\n- c\n");
    await noDiagnostic(doc.uri, "owners/unknown-key");
  });

  it("owners/unknown-key: a top-level no_parent_owners moves under options:", async () => {
    const doc = await fixOnce("fix-move/OWNERS", "approvers:\n- a\nno_parent_owners: true\n", "owners/unknown-key", /options/,
      "approvers:\n- a\noptions:\n  no_parent_owners: true\n");
    await noDiagnostic(doc.uri, "owners/unknown-key");
  });

  it("flags/experimental-default-on: `Set the default to off (false)` flips only the literal", async () => {
    const go = 'package p\n\nfunc AddFlags(fs *pflag.FlagSet) {\n\tfs.BoolVar(&o.Turbo, "experimental-turbo", true, "turbo")\n}\n';
    const doc = await fixOnce("fix-flags/options.go", go, "flags/experimental-default-on", "Set the default to off (false)",
      go.replace('"experimental-turbo", true', '"experimental-turbo", false'));
    await noDiagnostic(doc.uri, "flags/experimental-default-on");
  });

  it("flags/experimental-name: the rename fix puts `experimental` into the flag's name", async () => {
    const go = 'package p\n\nfunc AddFlags(fs *pflag.FlagSet) {\n\tfs.IntVar(&o.ChunkSize, "decode-chunk-size", 0, "Experimental: chunked decode budget")\n}\n';
    const doc = await fixOnce("fix-flags-name/options.go", go, "flags/experimental-name", /^Rename to (--)?experimental-decode-chunk-size/,
      go.replace('"decode-chunk-size"', '"experimental-decode-chunk-size"'));
    await noDiagnostic(doc.uri, "flags/experimental-name");
  });

  it("commit/missing-signoff: the fix adds the repository user's sign-off as a new paragraph", async () => {
    const sob = "Signed-off-by: E2E Tester <e2e@example.com>";
    const doc = await fixOnce("fix-commit/COMMIT_EDITMSG", "Fix crash\n\nBecause.\n", "commit/missing-signoff", `Add "${sob}"`,
      `Fix crash\n\nBecause.\n\n${sob}\n`);
    await noDiagnostic(doc.uri, "commit/missing-signoff");
  });

  it("experimentalFixAllOnSave (off by default) applies the safe fixes when the file is saved", async () => {
    const text = "approvers:\n- a\nreviwers:\n- b\n";
    const uri = writeWs("fix-on-save/OWNERS", text);
    const editor = await open(uri);
    await diagnostic(uri, "owners/unknown-key");
    const dirty = async (line: string) => {
      await editor.edit((e) => e.insert(new vscode.Position(editor.document.lineCount - 1, 0), line));
      assert.ok(await editor.document.save(), "save failed");
    };
    await dirty("# off\n");
    assert.equal(editor.document.getText(), `${text}# off\n`, "with the setting off, saving must not fix anything");
    const restore = await setSetting("experimentalFixAllOnSave", true);
    try {
      await dirty("# on\n");
      assert.equal(editor.document.getText(), "approvers:\n- a\nreviewers:\n- b\n# off\n# on\n");
      assert.equal(fs.readFileSync(uri.fsPath, "utf8"), editor.document.getText(), "the fixed text is what was written");
    } finally {
      await restore();
    }
  });

  it("the preferred fix is marked so (auto-fix on Ctrl+. picks it)", async () => {
    const uri = writeWs("fix-preferred/OWNERS", "approvers:\n- a\nreviwers:\n- b\n");
    await open(uri);
    const d = await diagnostic(uri, "owners/unknown-key");
    const actions = await codeActions(uri, d.range, vscode.CodeActionKind.QuickFix);
    assert.deepEqual(actions.filter((a) => a.isPreferred).map((a) => a.title), ["Rename to reviewers"]);
  });
});
