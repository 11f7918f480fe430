import { strict as assert } from "node:assert";
import { analyze, memoryWorkspace, resolveConfig, type Position, type RuleContext, type SourceDocument } from "../../../server/src/engine/index";
import { ownersFeatures as F } from "../../../server/src/engine/families/owners/features";
import type { OwnersDoc } from "../../../server/src/engine/families/owners/parse";
import { applyEdits } from "../../../server/src/engine/edits";

const ALIASES = "aliases:\n  llm-d-approvers:\n    - alice\n    - bob\n  llm-d-reviewers:\n    - carol\n";
const ROOT = "approvers:\n  - llm-d-approvers\nreviewers:\n  - llm-d-reviewers\n  - dave\n";
const SUB = "approvers:\n  - llm-d-approvers\n  - erin\nreviewers:\n  - \n";
const FILES: Record<string, string> = { OWNERS: ROOT, OWNERS_ALIASES: ALIASES, "pkg/epp/OWNERS": SUB, "docs/OWNERS": "approvers: [dave, llm-d-approvers]\n" };

function open(relPath: string, text = FILES[relPath], files = FILES): { p: OwnersDoc; ctx: RuleContext } {
  const document: SourceDocument = { relPath, kind: relPath.endsWith("OWNERS_ALIASES") ? "owners-aliases" : "owners", text };
  const a = analyze({ document, workspace: memoryWorkspace({ ...files, [relPath]: text }), config: resolveConfig() });
  assert.ok(a && "parsed" in a);
  return { p: a.parsed as OwnersDoc, ctx: { ...a.context, options: {} } };
}
const pos = (line: number, character: number): Position => ({ line, character });

describe("owners editor features", () => {
  it("completes top-level keys that are not there yet, with snippets", () => {
    const { p, ctx } = open("pkg/x/OWNERS", "approvers:\n  - a\nre");
    const labels = F.completions!(p, pos(2, 2), ctx).map((c) => c.label);
    assert.deepEqual(labels, ["reviewers", "required_reviewers", "labels", "options", "filters", "emeritus_approvers", "emeritus_reviewers", "auto-assign", "emeritus"]);
    const rev = F.completions!(p, pos(2, 2), ctx)[0];
    assert.equal(rev.insertText, "reviewers:\n  - ${1}");
    assert.deepEqual(rev.range, { start: pos(2, 0), end: pos(2, 2) });
  });

  it("completes option names under options: and list keys inside a filter", () => {
    const { p, ctx } = open("pkg/x/OWNERS", "options:\n  no\nfilters:\n  '.*':\n    ap\n");
    assert.deepEqual(F.completions!(p, pos(1, 4), ctx).map((c) => c.label), ["no_parent_owners", "auto_approve_unowned_subfolders"]);
    assert.deepEqual(F.completions!(p, pos(4, 6), ctx).map((c) => c.label), ["approvers", "reviewers", "required_reviewers", "labels"]);
  });

  it("completes aliases (with their members) and logins used in the repository, most used first", () => {
    const { p, ctx } = open("pkg/epp/OWNERS");
    const items = F.completions!(p, pos(4, 4), ctx);
    assert.deepEqual(items.map((c) => `${c.label} (${c.kind})`), ["llm-d-approvers (reference)", "llm-d-reviewers (reference)", "dave (value)", "alice (value)", "bob (value)", "carol (value)", "erin (value)"]);
    assert.equal(items[0].documentation, "- alice\n- bob");
    assert.equal(items[2].detail, "login · used 2 times in OWNERS files");
  });

  it("completes logins for alias members in OWNERS_ALIASES, and inside a flow list", () => {
    const { p, ctx } = open("OWNERS_ALIASES", ALIASES + "  new-team:\n    - \n");
    assert.ok(F.completions!(p, pos(7, 6), ctx).some((c) => c.label === "dave"));
    const flow = open("pkg/x/OWNERS", "approvers: [da");
    assert.ok(F.completions!(flow.p, pos(0, 14), flow.ctx).some((c) => c.label === "dave"));
  });

  it("shows an alias's members on hover, and a key's meaning", () => {
    const { p, ctx } = open("OWNERS");
    const h = F.hover!(p, pos(1, 6), ctx);
    assert.equal(h?.markdown, "**alias `llm-d-approvers`** — 2 members (OWNERS_ALIASES, line 2)\n\n- `alice`\n- `bob`");
    assert.deepEqual(h?.range, { start: pos(1, 4), end: pos(1, 19) });
    assert.match(F.hover!(p, pos(0, 3), ctx)!.markdown, /^\*\*approvers\*\* — People \(logins or aliases\) who can `\/approve`/);
    assert.equal(F.hover!(p, pos(4, 5), ctx), undefined);
  });

  it("goes from an alias to its definition in OWNERS_ALIASES", () => {
    const { p, ctx } = open("pkg/epp/OWNERS");
    assert.deepEqual(F.definition!(p, pos(1, 8), ctx), [{ relPath: "OWNERS_ALIASES", range: { start: pos(1, 2), end: pos(1, 17) } }]);
    assert.deepEqual(F.definition!(p, pos(2, 5), ctx), []);
  });

  it("finds the references of an alias and of a login across every OWNERS file", () => {
    const { p, ctx } = open("OWNERS");
    const refs = F.references!(p, pos(1, 6), ctx).map((l) => `${l.relPath}:${l.range.start.line + 1}:${l.range.start.character + 1}`).sort();
    assert.deepEqual(refs, ["OWNERS:2:5", "OWNERS_ALIASES:2:3", "docs/OWNERS:1:19", "pkg/epp/OWNERS:2:5"]);
    const dave = F.references!(p, pos(4, 5), ctx).map((l) => `${l.relPath}:${l.range.start.line + 1}`).sort();
    assert.deepEqual(dave, ["OWNERS:5", "docs/OWNERS:1"]);
  });

  it("renames an alias in OWNERS_ALIASES and every OWNERS file", () => {
    const { p, ctx } = open("pkg/epp/OWNERS");
    const edits = F.rename!(p, pos(1, 8), "llm-d-maintainers", ctx)!;
    const out = Object.fromEntries(edits.map((e) => [e.relPath, applyEdits(FILES[e.relPath], e.edits)]));
    assert.deepEqual(Object.keys(out).sort(), ["OWNERS", "OWNERS_ALIASES", "docs/OWNERS", "pkg/epp/OWNERS"]);
    assert.equal(out.OWNERS_ALIASES, ALIASES.replace("llm-d-approvers", "llm-d-maintainers"));
    assert.equal(out["docs/OWNERS"], "approvers: [dave, llm-d-maintainers]\n");
    assert.equal(F.rename!(p, pos(2, 5), "x", ctx), undefined, "a login is not renamed");
  });

  it("renames from the alias definition too", () => {
    const { p, ctx } = open("OWNERS_ALIASES");
    const edits = F.rename!(p, pos(4, 5), "llm-d-triage", ctx)!;
    assert.deepEqual(edits.map((e) => e.relPath).sort(), ["OWNERS", "OWNERS_ALIASES"]);
  });

  it("lists document symbols: keys with their people, filters, and alias groups", () => {
    const { p, ctx } = open("OWNERS");
    const s = F.symbols!(p, ctx);
    assert.deepEqual(s.map((x) => `${x.name}:${x.kind}[${(x.children ?? []).map((c) => `${c.name}:${c.kind}`).join(",")}]`), [
      "approvers:section[llm-d-approvers:alias]", "reviewers:section[llm-d-reviewers:alias,dave:person]",
    ]);
    const f = open("pkg/x/OWNERS", "options:\n  no_parent_owners: true\nfilters:\n  '.*':\n    approvers: [a]\n");
    const fs = F.symbols!(f.p, f.ctx);
    assert.deepEqual(fs.map((x) => x.name), ["options", "filters"]);
    assert.equal(fs[1].children?.[0].name, ".*");
    assert.equal(fs[1].children?.[0].children?.[0].children?.[0].name, "a");
    const a = open("OWNERS_ALIASES");
    assert.deepEqual(F.symbols!(a.p, a.ctx)[0].children?.map((c) => `${c.name}:${c.children?.length}`), ["llm-d-approvers:2", "llm-d-reviewers:1"]);
  });

  it("completes at the end of the line for a position inside a CRLF", () => {
    const { p, ctx } = open("pkg/x/OWNERS", "o\r\n\n\n");
    const items = F.completions!(p, pos(0, 2), ctx);
    assert.ok(items.length > 0 && items.every((c) => c.range?.end.character === 1));
  });

  it("never throws on a broken file", () => {
    const { p, ctx } = open("OWNERS", "approvers:\n\t- @x\n  : [\n");
    for (let line = 0; line < 4; line++) for (let ch = 0; ch < 6; ch++) {
      F.completions!(p, pos(line, ch), ctx); F.hover!(p, pos(line, ch), ctx); F.definition!(p, pos(line, ch), ctx);
      F.references!(p, pos(line, ch), ctx); F.rename!(p, pos(line, ch), "y", ctx);
    }
    F.symbols!(p, ctx);
  });
});
