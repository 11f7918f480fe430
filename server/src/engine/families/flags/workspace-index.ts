/**
 * Workspace-wide facts the flags rules need, built once and kept with `workspace.memo`:
 *  - which names the test files mention (experimental-untested);
 *  - which files mention a name at all (the rename fix's edits in other files).
 *
 * Validity (see README.md): the memo depends on the file list (FILE_LIST), so adding or
 * removing a file rebuilds the index. The texts of the test files are dependencies only while
 * there are at most SMALL_TEST_SET of them; past that, reading every test file on every keystroke
 * would cost more than the rule is worth, and an edit inside a test file is seen after the next
 * change to the file list (or a restart). Rename edits are always computed from fresh reads of the
 * files the index names, so they are never applied to stale text.
 */
import { FILE_LIST, type Range, type TextEdit, type WorkspaceView } from "../../types";
import { LineIndex } from "../../text";
import { TokenHashes, type TestMentions } from "./token-hashes";

export const SMALL_TEST_SET = 64;
/** Index builds read many files once: a front end need not cache them. */
const ONCE = { once: true } as const;
const TOKEN = /[A-Za-z0-9_][A-Za-z0-9_-]*/g;
/** Where a flag name is worth renaming; data formats (json, txt, csv) are left out: they can be huge and the host has no size check. */
const TEXT_EXT = /\.(go|py|pyi|js|mjs|cjs|jsx|ts|mts|cts|tsx|ya?ml|md|markdown|sh|bash|toml|tpl|cfg|ini|env|bats|rst)$/i;
const TEST_EXT = /\.(go|py|js|mjs|cjs|jsx|ts|mts|cts|tsx|ya?ml|json|sh|bash|bats)$/i;
const MAX_BYTES = 1024 * 1024;

/** Test files: *_test.go, test_*.py, *_test.py, *.test.*, *.spec.*, and files under test/, tests/, __tests__/, e2e/. */
export function isTestFile(relPath: string): boolean {
  if (!TEST_EXT.test(relPath)) return false;
  const base = relPath.slice(relPath.lastIndexOf("/") + 1);
  if (/_test\.go$/.test(base) || /^test_.*\.py$/.test(base) || /_test\.py$/.test(base) || /\.(test|spec)\.[cm]?[jt]sx?$/.test(base)) return true;
  return /(^|\/)(test|tests|__tests__|e2e)\//.test(relPath);
}

function tokensOf(text: string, into: Set<string>): void {
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(text); m; m = TOKEN.exec(text)) {
    const token = m[0];
    // A substring of 13 or more characters keeps its whole file alive in V8; copy new ones.
    if (token.length >= 13 && !into.has(token)) into.add(JSON.parse(JSON.stringify(token)) as string);
    else into.add(token);
  }
}

/** The test files among a file list, worked out once per list (front ends replace the array when files change). */
const testFilesOf = new WeakMap<readonly string[], string[]>();
function testFiles(ws: WorkspaceView): string[] {
  const all = ws.listFiles();
  let tests = testFilesOf.get(all);
  if (!tests) testFilesOf.set(all, (tests = testFilesAmong(all)));
  return tests;
}

/**
 * The memo key of the test-mention index: a front end may answer it another way (the CLI answers
 * after checking everything else, for just the names asked: cli/lint/test-mentions.ts).
 */
export const TEST_MENTIONS_KEY = "flags/test-tokens";

/** Whether the test-mention index holds the words of a test file with this text (at most 1 MiB). */
export function indexesTestText(text: string): boolean {
  return text.length <= MAX_BYTES;
}

/** Calls `each` with the text of every test file that `read` gives (files over 1 MiB are left out); stops when it answers true. */
export function forEachTestText(files: readonly string[], read: (relPath: string) => string | undefined, each: (text: string) => boolean | void): void {
  for (const p of files) {
    const text = read(p);
    if (text !== undefined && indexesTestText(text) && each(text) === true) return;
  }
}

/** The test files among `files`. */
export function testFilesAmong(files: readonly string[]): string[] {
  return files.filter(isTestFile);
}

/** Every word token any test file of the workspace contains, as hashes (token-hashes.ts). */
export function testMentions(ws: WorkspaceView): TestMentions {
  const tests = testFiles(ws);
  return ws.memo(TEST_MENTIONS_KEY, tests.length <= SMALL_TEST_SET ? [FILE_LIST, ...tests] : [FILE_LIST], () => {
    // Sized for small repositories; the table doubles as it fills. Sizing it by the number of test
    // files (256 words each) overshot: 4,104 test files with 146,523 distinct words got a 16.8 MB
    // table where 1 MB holds them, kept for the server's lifetime.
    const set = new TokenHashes(Math.min(tests.length * 256, 1 << 16));
    forEachTestText(tests, (p) => ws.readFile(p, ONCE), (text) => set.addTokensOf(text));
    return set;
  });
}

/** The token the index knows a name by: the last segment of a dotted YAML path. */
export function leaf(name: string): string {
  const i = name.lastIndexOf(".");
  return i === -1 ? name : name.slice(i + 1);
}

/** For each token, the files that contain it (text files of the workspace up to 1 MiB). */
function tokenFiles(ws: WorkspaceView): Map<string, string[]> {
  return ws.memo("flags/token-files", [FILE_LIST], () => {
    const files = ws.listFiles().filter((p) => TEXT_EXT.test(p));
    const map = new Map<string, string[]>();
    const set = new Set<string>();
    for (const p of files) {
      const text = ws.readFile(p, ONCE);
      if (text === undefined || text.length > MAX_BYTES) continue;
      set.clear();
      tokensOf(text, set);
      for (const tok of set) { const l = map.get(tok); if (l) l.push(p); else map.set(tok, [p]); }
    }
    return map;
  });
}

function isWordChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
}

/**
 * Offsets of `name` in `text` as a whole name: not glued to a longer identifier or flag name
 * (`--name`, `"name"`, `name=1` match; `my-name`, `name_2`, `name-x` do not).
 */
export function occurrences(text: string, name: string): number[] {
  const out: number[] = [];
  if (!name) return out;
  for (let i = text.indexOf(name); i !== -1; i = text.indexOf(name, i + 1)) {
    const p = i > 0 ? text.charCodeAt(i - 1) : 32;
    const pp = i > 1 ? text.charCodeAt(i - 2) : 32;
    const e = i + name.length;
    const n = e < text.length ? text.charCodeAt(e) : 32;
    const nn = e + 1 < text.length ? text.charCodeAt(e + 1) : 32;
    if (isWordChar(p) || (p === 45 && isWordChar(pp))) continue;
    if (isWordChar(n) || (n === 45 && isWordChar(nn))) continue;
    out.push(i);
  }
  return out;
}

/**
 * Whole-name occurrences of several names in one pass (one regex over the text, not one scan per
 * name): a file with many findings pays for its text once.
 */
export function occurrencesOfAll(text: string, names: readonly string[]): Map<string, number[]> {
  const out = new Map<string, number[]>();
  const uniq = [...new Set(names.filter((n) => n))].sort((a, b) => b.length - a.length);
  for (const n of uniq) out.set(n, []);
  if (uniq.length === 0) return out;
  if (uniq.length === 1) { out.set(uniq[0], occurrences(text, uniq[0])); return out; }
  const re = new RegExp(uniq.map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|"), "g");
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const i = m.index;
    re.lastIndex = i + 1;
    for (const name of uniq) {
      if (!text.startsWith(name, i)) continue;
      const p = i > 0 ? text.charCodeAt(i - 1) : 32;
      const pp = i > 1 ? text.charCodeAt(i - 2) : 32;
      const e = i + name.length;
      const n = e < text.length ? text.charCodeAt(e) : 32;
      const nn = e + 1 < text.length ? text.charCodeAt(e + 1) : 32;
      if (isWordChar(p) || (p === 45 && isWordChar(pp)) || isWordChar(n) || (n === 45 && isWordChar(nn))) continue;
      out.get(name)!.push(i);
    }
  }
  return out;
}

/** Edits renaming every whole occurrence of `oldName` in the workspace's other files. */
export function renameInOtherFiles(ws: WorkspaceView, self: string, oldName: string, newName: string, only?: (relPath: string) => boolean): { relPath: string; edits: TextEdit[] }[] {
  const out: { relPath: string; edits: TextEdit[] }[] = [];
  const token = oldName.replace(/^[^A-Za-z0-9_]+/, "");
  const files = tokenFiles(ws).get(leaf(token)) ?? [];
  for (const p of files) {
    if (p === self || (only && !only(p))) continue;
    const text = ws.readFile(p, ONCE);
    if (text === undefined) continue;
    const offsets = occurrences(text, oldName);
    if (offsets.length === 0) continue;
    const index = new LineIndex(text);
    out.push({ relPath: p, edits: offsets.map((o): TextEdit => ({ range: index.range(o, o + oldName.length) as Range, newText: newName })) });
  }
  return out;
}
