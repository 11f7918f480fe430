import { strict as assert } from "node:assert";
import type { Fix, Problem, TextEdit } from "../../../server/src/engine/index";
import { fixToEdit, safeFixes } from "../../../server/src/lsp/codeActions";
import type { Entry } from "../../../server/src/lsp/diagnostics";
import { RepoRoot } from "../../../server/src/lsp/roots";

const edit = (line: number, from: number, to: number, newText: string): TextEdit =>
  ({ range: { start: { line, character: from }, end: { line, character: to } }, newText });
const problem = (line: number, fixes: Fix[]): Problem =>
  ({ ruleId: "owners/unknown-key", severity: "warning", message: "m", range: edit(line, 0, 1, "").range, fixes });

const root = new RepoRoot("/repo");
const entry: Entry = { key: "/repo/sub/OWNERS", uri: "file:///repo/sub/OWNERS", root, relPath: "sub/OWNERS", kind: "owners", onDisk: true, open: true, reads: new Set(), listed: false };
const versionOf = (uri: string) => (uri === entry.uri ? 7 : null);

describe("lsp code actions", () => {
  describe("safeFixes", () => {
    it("takes one safe fix per problem, the preferred one first", () => {
      const a: Fix = { title: "a", edits: [edit(0, 0, 1, "x")], safe: true };
      const b: Fix = { title: "b", edits: [edit(0, 0, 1, "y")], safe: true, isPreferred: true };
      assert.deepEqual(safeFixes([problem(0, [a, b])]).map((f) => f.title), ["b"]);
    });
    it("skips unsafe fixes and fixes that touch other files or rename", () => {
      const unsafe: Fix = { title: "unsafe", edits: [edit(0, 0, 1, "x")] };
      const other: Fix = { title: "other", edits: [edit(1, 0, 1, "x")], safe: true, otherFiles: [{ relPath: "OWNERS_ALIASES", edits: [edit(0, 0, 0, "z")] }] };
      const rename: Fix = { title: "rename", edits: [], safe: true, renameTo: "OWNERS" };
      assert.deepEqual(safeFixes([problem(0, [unsafe]), problem(1, [other]), problem(2, [rename])]), []);
    });
    it("drops a fix whose edits overlap an earlier chosen one, keeps the rest", () => {
      const first: Fix = { title: "first", edits: [edit(0, 0, 5, "x")], safe: true };
      const overlapping: Fix = { title: "overlapping", edits: [edit(0, 3, 8, "y")], safe: true };
      const separate: Fix = { title: "separate", edits: [edit(2, 0, 1, "z")], safe: true };
      assert.deepEqual(safeFixes([problem(0, [first]), problem(0, [overlapping]), problem(2, [separate])]).map((f) => f.title), ["first", "separate"]);
    });
  });

  describe("fixToEdit", () => {
    const caps = { documentChanges: true, renameFile: true };
    it("versions the document's own edits and maps other files to URIs under the root", () => {
      const fix: Fix = { title: "t", edits: [edit(0, 0, 1, "a")], otherFiles: [{ relPath: "OWNERS_ALIASES", edits: [edit(3, 2, 4, "b")] }] };
      assert.deepEqual(fixToEdit(entry, fix, caps, versionOf), { documentChanges: [
        { textDocument: { uri: entry.uri, version: 7 }, edits: [edit(0, 0, 1, "a")] },
        { textDocument: { uri: "file:///repo/OWNERS_ALIASES", version: null }, edits: [edit(3, 2, 4, "b")] },
      ] });
    });
    it("renames after editing when the client supports it", () => {
      const fix: Fix = { title: "t", edits: [edit(0, 0, 1, "a")], renameTo: "sub/OWNERS_ALIASES" };
      const result = fixToEdit(entry, fix, caps, versionOf);
      assert.deepEqual(result?.documentChanges?.[1], { kind: "rename", oldUri: entry.uri, newUri: "file:///repo/sub/OWNERS_ALIASES", options: { overwrite: false, ignoreIfExists: false } });
    });
    it("offers no rename fix to a client that cannot rename files", () => {
      const fix: Fix = { title: "t", edits: [], renameTo: "x/OWNERS" };
      assert.equal(fixToEdit(entry, fix, { documentChanges: true, renameFile: false }, versionOf), undefined);
      assert.equal(fixToEdit(entry, fix, { documentChanges: false, renameFile: false }, versionOf), undefined);
    });
    it("falls back to `changes` for clients without documentChanges", () => {
      const fix: Fix = { title: "t", edits: [edit(0, 0, 1, "a")], otherFiles: [{ relPath: "sub/OWNERS", edits: [edit(2, 0, 0, "b")] }] };
      assert.deepEqual(fixToEdit(entry, fix, { documentChanges: false, renameFile: false }, versionOf), { changes: { [entry.uri]: [edit(0, 0, 1, "a"), edit(2, 0, 0, "b")] } });
    });
  });
});
