import { strict as assert } from "node:assert";
import {
  analyze, LineIndex, lintDocument, memoryWorkspace, resolveConfig,
  type Analysis, type Family, type LintInput, type Problem, type RawConfig, type RuleContext,
} from "../../../server/src/engine/index";

interface Parsed { lines: string[]; index: LineIndex }

const seen: { settings?: unknown; options?: unknown; host?: unknown } = {};

/** A family whose rules find words; one throws on THROW, one records its context. */
const fake: Family<Parsed> = {
  name: "fake",
  kinds: ["owners"],
  parse: (doc) => {
    if (doc.text.includes("PARSE-FAIL")) throw new Error("parser broke");
    return { lines: doc.text.split("\n"), index: new LineIndex(doc.text) };
  },
  rules: [
    { id: "fake/wd", description: "", defaultSeverity: "warning",
      check: (p) => p.lines.flatMap((l, line) => l.includes("word") ? [{ range: { start: { line, character: l.indexOf("word") }, end: { line, character: l.indexOf("word") + 4 } }, message: "word" }] : []) },
    { id: "fake/loud", description: "", defaultSeverity: "warning",
      check: (p) => p.lines.flatMap((l, line) => l.includes("LOUD") ? [{ range: p.index.lineRange(line), message: "loud", severity: "error" as const }] : []) },
    { id: "fake/throws", description: "", defaultSeverity: "error",
      check: (p) => { if (p.lines.some((l) => l.includes("THROW"))) throw new Error("kaboom"); return []; } },
    { id: "fake/context", description: "", defaultSeverity: "hint",
      check: (_p, ctx: RuleContext) => { seen.settings = ctx.settings; seen.options = ctx.options; seen.host = ctx.host; return []; } },
  ],
};

function input(text: string, config: RawConfig = {}): LintInput {
  return {
    document: { relPath: "OWNERS", kind: "owners", text },
    workspace: memoryWorkspace({ OWNERS: text }),
    config: resolveConfig(config),
    host: { alwaysSignOff: true },
  };
}

/** analyze() with the fake family in place of the registry's. */
function analyzeFake(i: LintInput): Analysis | { error: Problem } {
  const context = { document: i.document, workspace: i.workspace, host: i.host ?? {}, settings: i.config.families.fake ?? {} };
  try {
    return { family: fake as Family<unknown>, parsed: fake.parse(i.document, context), context };
  } catch (e) {
    return { error: { ruleId: "internal/rule-error", severity: "warning", range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, message: `the fake parser failed (${(e as Error).message})` } };
  }
}

const show = (ps: Problem[]) => ps.map((p) => `${p.ruleId} ${p.severity} ${p.range.start.line + 1}:${p.range.start.character + 1} ${p.message}`);

describe("lintDocument", () => {
  it("runs every rule of the family and sorts by position", () => {
    const i = input("LOUD\nsome word\n");
    assert.deepEqual(show(lintDocument(i, analyzeFake(i))), ["fake/loud error 1:1 loud", "fake/wd warning 2:6 word"]);
  });

  it("isolates a throwing rule as internal/rule-error; the others still run; onRuleError is told", () => {
    const i = input("THROW\nword\n");
    const told: [string, string][] = [];
    const ps = lintDocument({ ...i, onRuleError: (id, e) => told.push([id, (e as Error).message]) }, analyzeFake(i));
    assert.deepEqual(show(ps), [
      "internal/rule-error warning 1:1 rule fake/throws failed on this file (kaboom); the other rules still ran. Please report this.",
      "fake/wd warning 2:1 word",
    ]);
    assert.deepEqual(told, [["fake/throws", "kaboom"]]);
  });

  it("a parse error is the only problem", () => {
    const i = input("PARSE-FAIL word");
    assert.deepEqual(show(lintDocument(i, analyzeFake(i))), ["internal/rule-error warning 1:1 the fake parser failed (parser broke)"]);
  });

  it("configured severities win over the finding's and the default; off skips the rule", () => {
    const i = input("LOUD word\n", { rules: { "fake/loud": "info", "fake/wd": "off" } });
    assert.deepEqual(show(lintDocument(i, analyzeFake(i))), ["fake/loud info 1:1 loud"]);
  });

  it("passes the family settings, the rule's options and the host facts", () => {
    const i = input("x", { rules: { "fake/context": { severity: "error", depth: 3 } }, fake: { a: 1 } } as RawConfig);
    // `fake` is not a family section the config knows, so its settings stay empty.
    lintDocument(i, analyzeFake(i));
    assert.deepEqual(seen, { settings: {}, options: { depth: 3 }, host: { alwaysSignOff: true } });
  });

  it("applies disable comments after the rules ran", () => {
    const i = input("# llm-d-contrib-disable-next-line fake/wd\nword\nword # llm-d-contrib-disable-line\nword\n");
    assert.deepEqual(show(lintDocument(i, analyzeFake(i))), ["fake/wd warning 4:1 word"]);
  });

  it("a document over maxFileBytes is one internal/too-large finding and no rule runs", () => {
    const i = input("THROW word word", { maxFileBytes: 10 });
    assert.deepEqual(show(lintDocument(i, analyzeFake(i))), ["internal/too-large info 1:1 skipped: too large (15 bytes; the limit maxFileBytes is 10)"]);
    const off = input("THROW word word", { maxFileBytes: 10, rules: { "internal/too-large": "off" } });
    assert.deepEqual(lintDocument(off, analyzeFake(off)), []);
  });

  it("internal/rule-error follows its configured severity, like every rule", () => {
    const i = input("THROW\nword\n", { rules: { "internal/rule-error": "off" } });
    assert.deepEqual(show(lintDocument(i, analyzeFake(i))), ["fake/wd warning 2:1 word"]);
    const e = input("THROW\n", { rules: { "internal/rule-error": "error" } });
    assert.deepEqual(show(lintDocument(e, analyzeFake(e))).map((l) => l.slice(0, 31)), ["internal/rule-error error 1:1 r"]);
  });
});
