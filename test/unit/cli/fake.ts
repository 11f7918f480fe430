/**
 * A fake family on the "owners" kind whose rules the CLI tests control, so they never depend
 * on the real families (being written alongside). Its rules:
 *  - fake/no-error   (error)   each line "ERROR", no fix
 *  - fake/double-x   (warning) each "xx", safe fix to "x" (so "xxxx" needs two passes)
 *  - fake/unsafe     (warning) each "UNSAFE", a fix that is not safe
 *  - fake/hint       (hint)    each "HINT"
 *  - fake/alias      (error)   each "@name" absent from OWNERS_ALIASES (read through the workspace)
 *  - fake/throws     (warning) throws when the text holds "THROW"
 *  - fake/root-mark  (warning) "ROOTMARK" in the root OWNERS, safe fix deleting it
 *  - fake/memo       (info)    on every file while the root OWNERS holds ROOTMARK (read through workspace.memo)
 *  - fake/listed     (info)    when the document is missing from workspace.listFiles()
 */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import {
  INTERNAL_RULES, LineIndex, lintDocument,
  type Family, type Finding, type LintInput, type Problem, type RuleMeta,
} from "../../../server/src/engine/index";
import type { CliEngine } from "../../../server/src/cli/engine";
import type { CliIo } from "../../../server/src/cli/io";

interface Parsed { text: string; index: LineIndex }

function each(re: RegExp, p: Parsed, make: (start: number, end: number, m: RegExpExecArray) => Finding | undefined): Finding[] {
  const out: Finding[] = [];
  for (const m of p.text.matchAll(new RegExp(re.source, re.flags + "g"))) {
    const f = make(m.index!, m.index! + m[0].length, m as RegExpExecArray);
    if (f) out.push(f);
  }
  return out;
}

/** How often fake/memo's memo computed its value. */
export const memoComputations = { count: 0 };

export const fakeFamily: Family<Parsed> = {
  name: "fake",
  kinds: ["owners"],
  parse: (doc) => ({ text: doc.text, index: new LineIndex(doc.text) }),
  rules: [
    { id: "fake/no-error", description: "no ERROR", defaultSeverity: "error",
      check: (p) => each(/^ERROR$/m, p, (s, e) => ({ range: p.index.range(s, e), message: "ERROR found" })) },
    { id: "fake/double-x", description: "no xx", defaultSeverity: "warning", fixable: true,
      check: (p) => each(/xx/, p, (s, e) => {
        const range = p.index.range(s, e);
        return { range, message: "double x", fixes: [{ title: "make it one x", edits: [{ range, newText: "x" }], safe: true }] };
      }) },
    { id: "fake/unsafe", description: "no UNSAFE", defaultSeverity: "warning", fixable: true,
      check: (p) => each(/UNSAFE/, p, (s, e) => {
        const range = p.index.range(s, e);
        return { range, message: "UNSAFE found", fixes: [{ title: "make it safe", edits: [{ range, newText: "SAFE" }] }] };
      }) },
    { id: "fake/hint", description: "HINT", defaultSeverity: "hint",
      check: (p) => each(/HINT/, p, (s, e) => ({ range: p.index.range(s, e), message: "a hint" })) },
    { id: "fake/alias", description: "aliases exist", defaultSeverity: "error",
      check: (p, ctx) => {
        const aliases = new Set((ctx.workspace.readFile("OWNERS_ALIASES") ?? "").split("\n"));
        return each(/@([a-z]+)/, p, (s, e, m) => aliases.has(m[1]) ? undefined : { range: p.index.range(s, e), message: `unknown alias ${m[1]}` });
      } },
    { id: "fake/throws", description: "throws", defaultSeverity: "warning",
      check: (p) => { if (p.text.includes("THROW")) throw new Error("boom"); return []; } },
    { id: "fake/root-mark", description: "no ROOTMARK", defaultSeverity: "warning", fixable: true,
      check: (p, ctx) => ctx.document.relPath !== "OWNERS" ? [] : each(/ROOTMARK\n?/, p, (s, e) => {
        const range = p.index.range(s, e);
        return { range, message: "root mark", fixes: [{ title: "drop it", edits: [{ range, newText: "" }], safe: true }] };
      }) },
    { id: "fake/memo", description: "root marked", defaultSeverity: "info",
      check: (_p, ctx) => {
        const marked = ctx.workspace.memo("fake/root", ["OWNERS"], () => { memoComputations.count++; return (ctx.workspace.readFile("OWNERS") ?? "").includes("ROOTMARK"); });
        return marked ? [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, message: "the root OWNERS is marked" }] : [];
      } },
    { id: "fake/listed", description: "listed", defaultSeverity: "info",
      check: (_p, ctx) => ctx.workspace.listFiles().includes(ctx.document.relPath) ? [] : [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, message: "not listed" }] },
  ],
};

/** lintDocument with the fake family standing in for the registry's (the real families never run). */
export function fakeLint(input: LintInput): Problem[] {
  if (!fakeFamily.kinds.includes(input.document.kind)) return [];
  const context = { document: input.document, workspace: input.workspace, host: input.host ?? {}, settings: input.config.families.fake ?? {} };
  return lintDocument(input, { family: fakeFamily as Family<unknown>, parsed: fakeFamily.parse(input.document, context), context });
}

export const fakeRules: RuleMeta[] = [
  ...fakeFamily.rules.map((r) => ({ id: r.id, description: r.description, defaultSeverity: r.defaultSeverity, fixable: !!r.fixable, family: "fake" })),
  ...INTERNAL_RULES.map((r) => ({ ...r, fixable: false, family: "internal" })),
];

export const fakeEngine: CliEngine = { lint: fakeLint, rules: () => fakeRules };

/** An in-memory CliIo; `out`/`err` collect what was written. */
export function memoryIo(cwd: string, opts: { stdin?: string; env?: Record<string, string>; tty?: boolean; now?: () => number } = {}) {
  const captured = { out: "", err: "" };
  const io: CliIo = {
    cwd,
    env: opts.env ?? {},
    stdout: { write: (s: string) => { captured.out += s; }, isTTY: opts.tty },
    stderr: { write: (s: string) => { captured.err += s; }, isTTY: opts.tty },
    readStdin: async () => opts.stdin ?? "",
    now: opts.now ?? (() => 0),
  };
  return { io, captured };
}

const made: string[] = [];
// Root-level hook (this module is loaded once): remove every temporary repository at the end.
after(() => { for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true }); });

/** A temporary repository (with a .git folder) holding `files`; returns its absolute path. */
export function tempRepo(files: Record<string, string | Buffer>): string {
  const root = mkdtempSync(join(tmpdir(), "llm-d-contrib-cli-"));
  made.push(root);
  mkdirSync(join(root, ".git"));
  for (const [rel, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, rel)), { recursive: true });
    writeFileSync(join(root, rel), content);
  }
  return root;
}
