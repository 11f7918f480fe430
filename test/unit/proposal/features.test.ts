import { strict as assert } from "node:assert";
import { analyze, memoryWorkspace, resolveConfig, type Position, type SymbolEntry } from "../../../server/src/engine/index";
import { proposalFeatures } from "../../../server/src/engine/families/proposal/features";
import type { ParsedProposal } from "../../../server/src/engine/families/proposal/parse";
import { GOOD, TEMPLATE, TEMPLATE_PATH, guidanceOf, text, variant } from "./support";

function parsed(body: string, withTemplate = true) {
  const relPath = "docs/proposals/kv_cache_aware_routing.md";
  const a = analyze({ document: { relPath, kind: "proposal", text: body }, workspace: memoryWorkspace(withTemplate ? { [TEMPLATE_PATH]: TEMPLATE } : {}), config: resolveConfig({}) });
  assert.ok(a && !("error" in a));
  return { p: a.parsed as ParsedProposal, ctx: { ...a.context, options: {} } };
}
const at = (line: number, character: number): Position => ({ line, character });

describe("proposal editor features", () => {
  it("completes the missing sections after # at the level they belong, with the template's guidance", () => {
    const { p, ctx } = parsed(variant({ set: { 26: "##" }, drop: [[27, 30]] }));
    const items = proposalFeatures.completions!(p, at(25, 2), ctx);
    assert.deepEqual(items.map((i) => i.label), ["### User Stories (Optional)", "## Alternatives"]);
    const alt = items[1];
    assert.equal(alt.insertText, `## Alternatives\n\n${guidanceOf("## Alternatives")}\n`);
    assert.deepEqual(alt.range, { start: at(25, 0), end: at(25, 2) });
    assert.equal(alt.detail, "missing section of docs/proposals/PROPOSAL_TEMPLATE.md");
    assert.match(alt.documentation ?? "", /^What other approaches did you consider/);
    assert.equal(items[0].detail, "optional section of docs/proposals/PROPOSAL_TEMPLATE.md");
  });

  it("completes on an empty line too, still offering a heading being typed, and nowhere else", () => {
    const { p, ctx } = parsed("# Title\n\n## Summary\n\nText.\n\n## Desig\n");
    const labels = (pos: Position) => proposalFeatures.completions!(p, pos, ctx).map((i) => i.label);
    assert.deepEqual(labels(at(5, 0)), ["## Motivation", "### Goals", "### Non-Goals", "## Proposal", "### User Stories (Optional)", "## Design Details", "## Alternatives"]);
    assert.ok(labels(at(6, 8)).includes("## Design Details"));
    assert.deepEqual(labels(at(4, 3)), [], "not inside prose");
    const typed = parsed("# Title\n\n## Summary\n\nText.\n\n## Design\n");
    assert.ok(proposalFeatures.completions!(typed.p, at(6, 9), typed.ctx).map((i) => i.label).includes("## Design Details"),
      "a heading being typed that already matches a section is still completed");
  });

  it("shows the template's guidance on hover over a section heading", () => {
    const { p, ctx } = parsed(variant({ set: { 27: "## Alternatives Considered" } }));
    const h = proposalFeatures.hover!(p, at(26, 5), ctx);
    assert.ok(h);
    assert.equal(h.markdown.split("\n\n")[0], '**Alternatives**: required section of `docs/proposals/PROPOSAL_TEMPLATE.md` — the heading "Alternatives Considered" is taken for it');
    assert.match(h.markdown, /\n\nWhat other approaches did you consider, and why did you rule them out\?/);
    assert.doesNotMatch(h.markdown, /<!--|-->/);
    assert.deepEqual(h.range, { start: at(26, 3), end: at(26, 26) });
    assert.equal(proposalFeatures.hover!(p, at(28, 3), ctx), undefined, "prose has no hover");
    assert.equal(proposalFeatures.hover!(p, at(0, 3), ctx), undefined, "the title is no section");
    const builtin = parsed(text(GOOD), false);
    assert.match(proposalFeatures.hover!(builtin.p, at(2, 4), builtin.ctx)!.markdown, /^\*\*Summary\*\*: required section of `llm-d's PROPOSAL_TEMPLATE.md`\n\nThis section is incredibly important/);
  });

  it("lists the headings as nested document symbols", () => {
    const { p, ctx } = parsed(text(GOOD));
    const shape = (s: SymbolEntry): unknown => s.children ? [s.name, s.children.map(shape)] : s.name;
    const symbols = proposalFeatures.symbols!(p, ctx);
    assert.deepEqual(symbols.map(shape), [["KV-cache aware routing", ["Summary", ["Motivation", ["Goals", "Non-Goals"]], "Proposal", "Design Details", "Alternatives"]]]);
    const motivation = symbols[0].children![1];
    assert.deepEqual(motivation.range, { start: at(6, 0), end: at(17, 0) });
    assert.deepEqual(motivation.selectionRange, { start: at(6, 3), end: at(6, 13) });
  });
});
