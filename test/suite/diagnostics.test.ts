import * as assert from "node:assert/strict";
import * as vscode from "vscode";
import { closeAll, diagnostic, noDiagnostic, open, ruleId, setSetting, writeWs, wsUri } from "./helpers";

describe("diagnostics", () => {
  after(closeAll);

  it("OWNERS: an unknown key is reported as owners/unknown-key on that key", async () => {
    const uri = wsUri("OWNERS");
    await open(uri);
    const d = await diagnostic(uri, "owners/unknown-key");
    assert.equal(d.range.start.line, 4, "the typo `reviwers:` is on line 5");
    assert.equal(d.range.start.character, 0);
    assert.match(d.message, /reviwers/);
    assert.match(d.message, /reviewers/, "the message should suggest the key Prow reads");
    assert.equal(d.source, "llm-d-contrib");
  });

  it("OWNERS: a YAML syntax error is reported as owners/yaml-syntax as an error", async () => {
    const uri = wsUri("broken", "OWNERS");
    await open(uri);
    const d = await diagnostic(uri, "owners/yaml-syntax");
    assert.equal(d.severity, vscode.DiagnosticSeverity.Error);
    assert.equal(d.range.start.line, 1, "the unquoted `@alice` is on line 2");
  });

  it("proposal: missing template sections are reported as proposal/missing-section, present ones are not", async () => {
    const uri = wsUri("docs", "proposals", "fast-path.md");
    await open(uri);
    await diagnostic(uri, "proposal/missing-section", (d) => /Design Details/.test(d.message));
    await diagnostic(uri, "proposal/missing-section", (d) => /Alternatives/.test(d.message));
    // The fixture has Summary, Motivation, Goals, Non-Goals and Proposal: exactly two are missing.
    const missing = vscode.languages.getDiagnostics(uri).filter((d) => ruleId(d) === "proposal/missing-section").map((d) => d.message);
    assert.equal(missing.length, 2, `expected only Design Details and Alternatives, got ${JSON.stringify(missing)}`);
  });

  it("Go: an experimental flag without `experimental` in its name is flags/experimental-name", async () => {
    const uri = wsUri("cmd", "server", "options.go");
    const editor = await open(uri);
    const d = await diagnostic(uri, "flags/experimental-name");
    assert.match(editor.document.lineAt(d.range.start.line).text, /"enable-fast-path"/);
  });

  it("Go: an experimental flag that defaults to on is flags/experimental-default-on", async () => {
    const uri = wsUri("cmd", "server", "options.go");
    const editor = await open(uri);
    const d = await diagnostic(uri, "flags/experimental-default-on");
    assert.match(editor.document.lineAt(d.range.start.line).text, /"experimental-prefetch"/);
  });

  it("Go: flags that follow the rules get no flags/* diagnostic", async () => {
    const uri = wsUri("cmd", "server", "options.go");
    const editor = await open(uri);
    await diagnostic(uri, "flags/experimental-name");
    const onPort = vscode.languages.getDiagnostics(uri).filter((d) =>
      /^flags\//.test(ruleId(d) ?? "") && /"port"/.test(editor.document.lineAt(d.range.start.line).text));
    assert.deepEqual(onPort.map((d) => d.message), []);
  });

  it("commit message: a message without sign-off is commit/missing-signoff", async () => {
    const uri = writeWs("msg/unsigned/COMMIT_EDITMSG", "Add the fast path\n\nIt skips scoring for short prompts.\n");
    const editor = await open(uri);
    assert.equal(editor.document.languageId, "git-commit");
    await diagnostic(uri, "commit/missing-signoff");
  });

  it("commit message: a signed-off message gets no commit/missing-signoff", async () => {
    const uri = writeWs("msg/signed/COMMIT_EDITMSG",
      "Add the fast path\n\nIt skips scoring for short prompts.\n\nSigned-off-by: E2E Tester <e2e@example.com>\n");
    await open(uri);
    // Wait for the server to have looked at the file (the unsigned twin proves it answers), then
    // require the absence.
    const twin = writeWs("msg/twin/COMMIT_EDITMSG", "Twin\n");
    await open(twin);
    await diagnostic(twin, "commit/missing-signoff");
    await noDiagnostic(uri, "commit/missing-signoff", 5_000);
  });

  it("turning a rule off in the settings removes its diagnostic, turning it on brings it back", async () => {
    const uri = wsUri("OWNERS");
    await open(uri);
    await diagnostic(uri, "owners/unknown-key");
    const restore = await setSetting("rules", { "owners/unknown-key": "off" });
    try {
      await noDiagnostic(uri, "owners/unknown-key");
    } finally {
      await restore();
    }
    await diagnostic(uri, "owners/unknown-key");
  });

  it("a severity override in the settings changes the diagnostic's severity", async () => {
    const uri = wsUri("OWNERS");
    await open(uri);
    const restore = await setSetting("rules", { "owners/unknown-key": "hint" });
    try {
      await diagnostic(uri, "owners/unknown-key", (d) => d.severity === vscode.DiagnosticSeverity.Hint);
    } finally {
      await restore();
    }
    await diagnostic(uri, "owners/unknown-key", (d) => d.severity !== vscode.DiagnosticSeverity.Hint);
  });

  it("an edit in the editor is checked at once, without saving", async () => {
    const uri = writeWs("edited/OWNERS", "approvers:\n  - alice\n");
    const editor = await open(uri);
    await editor.edit((e) => e.insert(new vscode.Position(2, 0), "aprovers:\n  - bob\n"));
    await diagnostic(uri, "owners/unknown-key", (d) => d.range.start.line === 2);
    await vscode.commands.executeCommand("workbench.action.files.revert");
    await noDiagnostic(uri, "owners/unknown-key");
  });
});
