import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as vscode from "vscode";
import { diagnostic, extension, open, packageJson, waitFor, wsPath, wsUri } from "./helpers";

/**
 * Runs only in the runner's one-kind workspaces, which carry .e2e-activation.json (index.ts then
 * runs nothing else): the extension must stay inactive until a file of that kind is opened, and
 * then check it (a window marked activeAtStartup holds a root file that workspaceContains
 * activates on). In the main workspace an OWNERS file activates it at startup, which would hide
 * a missing activation event.
 */
interface Marker { open: string; languageId: string; rule: string; activeAtStartup: boolean }

export const MARKER = ".e2e-activation.json";

describe("activation in a fresh window", function () {
  let marker: Marker;
  before(function () {
    if (!vscode.workspace.workspaceFolders?.length || !fs.existsSync(wsPath(MARKER))) this.skip();
    marker = JSON.parse(fs.readFileSync(wsPath(MARKER), "utf8")) as Marker;
  });

  it("activates when the first file of its kind is opened (or at startup where a root file says so), and checks it", async () => {
    const ext = extension();
    if (marker.activeAtStartup) {
      await waitFor(`activation at startup by a root ${marker.open}`, () => ext.isActive, 30_000);
    } else {
      assert.equal(ext.isActive, false, `active before any ${marker.languageId} file was opened`);
    }
    const uri = wsUri(marker.open);
    const editor = await open(uri);
    assert.equal(editor.document.languageId, marker.languageId);
    assert.ok((packageJson().activationEvents ?? []).includes(`onLanguage:${marker.languageId}`));
    await waitFor(`activation by opening a ${marker.languageId} file`, () => ext.isActive, 30_000);
    await diagnostic(uri, marker.rule, undefined, 30_000);
  });
});
