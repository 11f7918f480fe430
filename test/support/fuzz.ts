/**
 * Property checks shared by the short fuzz run inside `npm test` and the long `npm run test:fuzz`:
 * for any text of any kind the engine never throws, answers in bounded time, keeps every range
 * inside the document, and every fix it offers removes its finding.
 */
import { readdirSync, readFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import {
  analyze, applyEdits, detectKind, LineIndex, lintDocument, memoryWorkspace, resolveConfig,
  type Problem, type Range, type SourceDocument,
} from "../../server/src/engine/index";

export const repoRoot = join(__dirname, "..", "..");
const corpus = join(repoRoot, "..", "shared", "corpus");

/** One target per parser: where the document sits in the repository and how it is opened. */
export interface Target { name: string; path: string; languageId?: string; seeds: string[]; tokens: string[] }

function files(dir: string, filter: (name: string) => boolean, limit: number): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).filter(filter).sort().slice(0, limit).map((f) => readFileSync(join(dir, f), "utf8"));
}

const COMMIT_SEEDS = [
  "Fix the scorer\n\nThe scorer divided by zero when no pod was ready.\n\nSigned-off-by: Ada Lovelace <ada@example.com>\n",
  "Add a flag\nSigned-off-by:Ada <ada@example.com>\n",
  "Title only",
  "A title that goes on and on and on well past the seventy-two characters git log shows\n\nbody\n\nSigned-off-by: Ada <ada@example.com> extra\n# Please enter the commit message\n# ------------------------ >8 ------------------------\ndiff --git a/x b/x\n",
  "Merge branch 'main'\n\nCo-authored-by: Bob <bob@example.com>\n  Signed-off-by: Bob bob@example.com\n",
];

export function targets(): Target[] {
  const owners = files(join(corpus, "owners"), (f) => f.endsWith("__OWNERS"), 60);
  const aliases = files(join(corpus, "owners"), (f) => f.endsWith("OWNERS_ALIASES"), 30);
  const proposals = files(join(corpus, "proposals"), (f) => f.endsWith(".md"), 25);
  const go = files(join(corpus, "flags"), (f) => f.endsWith(".go"), 20);
  const py = files(join(corpus, "flags"), (f) => f.endsWith(".py"), 10);
  const yaml = files(join(corpus, "flags"), (f) => f.endsWith(".yaml"), 15);
  const template = readFileSync(join(repoRoot, "..", "shared", "reference", "PROPOSAL_TEMPLATE.md"), "utf8");
  const yamlTokens = ["\n", "  ", "- ", "-", ":", ": ", "\t", "@", "&a ", "*a", "'", "\"", "#", "[", "]", "{", "}", ",", "---\n", "...\n", "? ", "|", ">", "!!str ", "yes", "null", "0755", "\\", "é", "\u0000", "\r\n"];
  return [
    { name: "OWNERS", path: "pkg/OWNERS", seeds: owners, tokens: [...yamlTokens, "approvers", "reviewers", "reviwers", "options", "no_parent_owners", "filters", "\".*\"", "labels", "alice", "sig-foo-leads", "emeritus_approvers"] },
    { name: "root OWNERS", path: "OWNERS", seeds: [...owners.slice(0, 20), ...files(join(corpus, "owners"), (f) => f.startsWith("llm-d__") && f.endsWith("__OWNERS"), 100).filter((t) => t.includes("auto-assign:")).slice(0, 5)], tokens: [...yamlTokens, "approvers", "reviewers", "filters", "alice", "auto-assign:", "Auto-Assign:", "  - ", "# lead", "'@bob'", "[bob, carol]"] },
    { name: "OWNERS_ALIASES", path: "OWNERS_ALIASES", seeds: aliases, tokens: [...yamlTokens, "aliases", "sig-a", "alice", "bob"] },
    { name: "proposal", path: "docs/proposals/fuzzed_proposal.md", seeds: [template, ...proposals], tokens: ["\n", "# ", "## ", "### ", "Summary", "Motivation", "Goals", "Non-Goals", "Proposal", "Design Details", "Alternatives", "(Optional)", "<!--", "-->", "```", "~~~", "> ", "- ", "1. ", "---\n", "|", "*", "_", "[", "](", ")", "\\", "<details>", "\t", "é"] },
    { name: "Go", path: "cmd/epp/main.go", seeds: go, tokens: ["\n", "fs.Bool(", "flag.BoolVar(&x, ", "pflag.StringP(", "\"experimental-x\"", "\"fast\"", "true", "false", ", ", ")", "(", "{", "}", "//", "/*", "*/", "`", "\"", "'", "\\", "Experimental", "alpha", "featuregate.FeatureSpec{Default: true, PreRelease: featuregate.Alpha}", "os.Getenv(", "const x = true\n"] },
    { name: "Python", path: "tools/launcher.py", seeds: py, tokens: ["\n", "parser.add_argument(", "\"--fast\"", "action=\"store_true\"", "default=True", "help=\"Experimental\"", ")", "(", "#", "\"\"\"", "'''", "\"", "'", "\\", "    ", "@click.option(", "os.environ.get(", "f\"", "{", "}"] },
    { name: "TypeScript", path: "src/cli.ts", seeds: [], tokens: ["\n", "program.option(", "'--fast'", "'Experimental: x'", "true", "false", ", ", ")", "(", "//", "/*", "*/", "`", "${", "}", "\"", "'", "\\", "yargs.option(", "{ default: true, describe: 'alpha' }"] },
    { name: "YAML values", path: "charts/llm-d/values.yaml", seeds: yaml, tokens: [...yamlTokens, "experimental", "enabled", "true", "false", "# experimental"] },
    { name: "commit message", path: ".git/COMMIT_EDITMSG", languageId: "git-commit", seeds: COMMIT_SEEDS, tokens: ["\n", "Signed-off-by:", "Signed-off-by: ", "signed-off-by: ", "Ada", "<ada@example.com>", "<", ">", "#", " ", "\t", "Co-authored-by: ", "------------------------ >8 ------------------------", "x".repeat(80)] },
    { name: "SCM input", path: "scm-input", languageId: "scminput", seeds: COMMIT_SEEDS, tokens: ["\n", "Signed-off-by: ", "Ada <ada@example.com>", "#", "  "] },
  ];
}

/** A text: a seed mutated a few times, or a soup of the kind's own tokens. */
export function textArbitrary(t: Target): fc.Arbitrary<string> {
  const soup = fc.array(fc.oneof(fc.constantFrom(...t.tokens), fc.string({ maxLength: 6 }), fc.string({ unit: "grapheme", maxLength: 3 })), { maxLength: 80 }).map((a) => a.join(""));
  if (t.seeds.length === 0) return soup;
  const op = fc.record({
    at: fc.nat(), len: fc.nat({ max: 40 }),
    kind: fc.constantFrom("insert", "delete", "duplicate-line", "replace"),
    text: fc.oneof(fc.constantFrom(...t.tokens), fc.string({ maxLength: 8 })),
  });
  const mutated = fc.tuple(fc.nat({ max: t.seeds.length - 1 }), fc.array(op, { minLength: 1, maxLength: 6 })).map(([i, ops]) => {
    let s = t.seeds[i];
    for (const o of ops) {
      const at = s.length === 0 ? 0 : o.at % (s.length + 1);
      if (o.kind === "insert") s = s.slice(0, at) + o.text + s.slice(at);
      else if (o.kind === "delete") s = s.slice(0, at) + s.slice(at + o.len);
      else if (o.kind === "replace") s = s.slice(0, at) + o.text + s.slice(at + o.text.length);
      else { const ls = s.split("\n"); const l = at % Math.max(1, ls.length); ls.splice(l, 0, ls[l] ?? ""); s = ls.join("\n"); }
    }
    return s;
  });
  return fc.oneof({ weight: 3, arbitrary: mutated }, { weight: 1, arbitrary: soup });
}

const config = resolveConfig();

function inside(r: Range, index: LineIndex): boolean {
  const ok = (p: { line: number; character: number }) =>
    Number.isInteger(p.line) && Number.isInteger(p.character) && p.line >= 0 && p.character >= 0 &&
    p.line < index.lineCount && p.character <= index.lineEnd(p.line) - index.lineStart(p.line);
  return ok(r.start) && ok(r.end) && (r.start.line < r.end.line || (r.start.line === r.end.line && r.start.character <= r.end.character));
}

const key = (p: Problem) => `${p.ruleId}\u0000${p.message}`;
const stable = (ps: Problem[]) => JSON.stringify(ps.map((p) => [p.ruleId, p.range, p.message, p.severity, p.fixes]));

/** CPU milliseconds this process has used: a time bound that other jobs on the machine (or a paused process) cannot trip. */
export function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

/** The text's violations of the engine's promises (empty when all hold); `slowMs` is the time bound, in CPU time. */
export function violations(t: Target, text: string, slowMs = 2000): string[] {
  const out: string[] = [];
  const kind = detectKind(t.path, config, t.languageId);
  if (!kind) return [`no kind for ${t.path}`];
  const document: SourceDocument = { relPath: t.path, kind, text, languageId: t.languageId };
  const lint = (doc: SourceDocument) => {
    // An llm-d repository: aliases, a root OWNERS, and /approve by prow-github-actions (owners/prow-actions-ignored).
    const workspace = memoryWorkspace({
      "OWNERS_ALIASES": "aliases:\n  sig-a:\n    - alice\n", "OWNERS": "approvers:\n- alice\n",
      ".github/workflows/prow-github.yaml": "jobs:\n  prow:\n    uses: llm-d/llm-d-infra/.github/workflows/reusable-prow-commands.yaml@main\n",
      [doc.relPath]: doc.text,
    });
    const errors: string[] = [];
    const problems = lintDocument({ document: doc, workspace, config, host: { gitAuthor: { name: "Ada", email: "ada@example.com" } }, onRuleError: (id, e) => errors.push(`${id} threw: ${e instanceof Error ? e.message : e}`) });
    return { problems, errors, workspace };
  };
  const started = cpuMs();
  let first;
  try { first = lint(document); } catch (e) { return [`lintDocument threw: ${e instanceof Error ? e.stack : e}`]; }
  const ms = cpuMs() - started;
  if (ms > slowMs) out.push(`took ${ms.toFixed(0)} ms of CPU`);
  out.push(...first.errors);
  const index = new LineIndex(text);
  for (const p of first.problems) {
    if (!inside(p.range, index)) out.push(`range outside the document: ${p.ruleId} ${JSON.stringify(p.range)}`);
    for (const fix of p.fixes ?? []) {
      for (const e of fix.edits) if (!inside(e.range, index)) out.push(`fix "${fix.title}" edits outside the document: ${JSON.stringify(e.range)}`);
      if (fix.edits.length === 0) continue;
      const fixed = applyEdits(text, fix.edits);
      let again;
      try { again = lint({ ...document, text: fixed }); } catch (e) { out.push(`re-lint after fix "${fix.title}" threw: ${e}`); continue; }
      out.push(...again.errors);
      const before = first.problems.filter((q) => key(q) === key(p)).length;
      const after = again.problems.filter((q) => key(q) === key(p)).length;
      if (after >= before) out.push(`fix "${fix.title}" did not remove: ${p.ruleId} ${p.message}`);
      if (stable(again.problems) !== stable(lint({ ...document, text: fixed }).problems)) out.push(`re-check after fix "${fix.title}" is not stable`);
    }
  }
  if (stable(first.problems) !== stable(lint(document).problems)) out.push("re-check is not stable");
  // Editor features: never throw, ranges inside.
  const analysis = analyze({ document, workspace: first.workspace, config });
  if (analysis && !("error" in analysis) && analysis.family.features) {
    const f = analysis.family.features;
    const ctx = { ...analysis.context, options: {} };
    const at = index.positionAt(Math.floor(text.length / 2));
    try {
      for (const c of f.completions?.(analysis.parsed, at, ctx) ?? []) if (c.range && !inside(c.range, index)) out.push(`completion range outside: ${c.label}`);
      const h = f.hover?.(analysis.parsed, at, ctx);
      if (h?.range && !inside(h.range, index)) out.push("hover range outside");
      const walk = (ss: ReturnType<NonNullable<typeof f.symbols>>) => { for (const s of ss) { if (!inside(s.range, index) || !inside(s.selectionRange, index)) out.push(`symbol range outside: ${s.name}`); walk(s.children ?? []); } };
      walk(f.symbols?.(analysis.parsed, ctx) ?? []);
      f.definition?.(analysis.parsed, at, ctx);
      f.references?.(analysis.parsed, at, ctx);
      f.rename?.(analysis.parsed, at, "renamed-x", ctx);
    } catch (e) { out.push(`an editor feature threw: ${e instanceof Error ? e.stack : e}`); }
  }
  return out;
}
