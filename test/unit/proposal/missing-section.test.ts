import { strict as assert } from "node:assert";
import { lint, lintRule, roundTrip, show } from "../../support/rule-tester";
import { GOOD, TEMPLATE_PATH, guidanceOf, proposalCase, text, variant } from "./support";

const ID = "proposal/missing-section";
const T = "docs/proposals/PROPOSAL_TEMPLATE.md";
const shown = (body: string, extra = {}) => lintRule(ID, proposalCase(body, undefined, extra)).map(show);

describe("proposal/missing-section", () => {
  it("a proposal with every template section has no finding at all", () => {
    assert.deepEqual(lint(proposalCase(text(GOOD))).map(show), []);
  });

  it("reports a missing top-level section on the heading it belongs before", () => {
    assert.deepEqual(shown(variant({ drop: [[23, 26]] })), [
      `${ID} 23:4-23:16 missing section "Design Details" (## Design Details in ${T}); it goes before "Alternatives"`,
    ]);
  });

  it("reports a missing subsection on the section it belongs in", () => {
    assert.deepEqual(shown(variant({ drop: [[11, 14]] })), [
      `${ID} 7:4-7:14 missing section "Goals" (### Goals in ${T}); it goes inside "Motivation", before "Non-Goals"`,
    ]);
    assert.deepEqual(shown(variant({ drop: [[15, 18]] })), [
      `${ID} 7:4-7:14 missing section "Non-Goals" (### Non-Goals in ${T}); it goes inside "Motivation"`,
    ]);
  });

  it("reports the last section on the section it follows", () => {
    assert.deepEqual(shown(variant({ drop: [[27, 30]] })), [
      `${ID} 23:4-23:18 missing section "Alternatives" (## Alternatives in ${T}); it goes after "Design Details"`,
    ]);
  });

  it("reports every missing section once, on the title when nothing else is there", () => {
    const body = "# KV-cache aware routing\n\nThis proposal routes requests by their cached prefix.\n";
    assert.deepEqual(shown(body), ["Summary", "Motivation", "Goals", "Non-Goals", "Proposal", "Design Details", "Alternatives"].map((name) =>
      `${ID} 1:3-1:25 missing section "${name}" (${name === "Goals" || name === "Non-Goals" ? "###" : "##"} ${name} in ${T})`));
  });

  it("uses llm-d's built-in template when the repository has none", () => {
    const findings = lintRule(ID, { path: "proposals/kv_cache_aware_routing.md", text: variant({ drop: [[27, 30]] }) }).map(show);
    assert.deepEqual(findings, [`${ID} 23:4-23:18 missing section "Alternatives" (## Alternatives in llm-d's PROPOSAL_TEMPLATE.md); it goes after "Design Details"`]);
  });

  it("tolerates renamed, numbered, re-cased and re-levelled headings", () => {
    const body = variant({ set: { 3: "## 1. TL;DR", 7: "## Background", 11: "### Goal", 15: "### Non-goals (for this proposal)", 19: "# Proposed Solution", 23: "## 5. Design", 27: "## Alternatives Considered" } });
    assert.deepEqual(shown(body), []);
  });

  it("does not take a Status heading for the Proposal section", () => {
    assert.deepEqual(shown(variant({ set: { 19: "## Proposal Status" } })), [
      `${ID} 23:4-23:18 missing section "Proposal" (## Proposal in ${T}); it goes before "Design Details"`,
    ]);
  });

  it("ignores headings inside code fences and HTML comments", () => {
    const body = variant({ drop: [[27, 30]] }) + "\n```markdown\n## Alternatives\n```\n\n<!--\n## Alternatives\n-->\n";
    assert.deepEqual(shown(body), [`${ID} 23:4-23:18 missing section "Alternatives" (## Alternatives in ${T}); it goes after "Design Details"`]);
  });

  it("follows the repository's own template instead of llm-d's", () => {
    const template = "# Title\n\n## Summary\n\n<!-- one paragraph -->\n\n## Risks\n\n<!-- what could go wrong -->\n";
    const body = "# Faster LoRA loading\n\n## Summary\n\nLoad adapters ahead of time.\n";
    assert.deepEqual(shown(body, { files: { [TEMPLATE_PATH]: template } }), [`${ID} 3:4-3:11 missing section "Risks" (## Risks in ${T}); it goes after "Summary"`]);
    assert.deepEqual(shown(text(GOOD), { files: { [TEMPLATE_PATH]: template } }), [`${ID} 3:4-3:11 missing section "Risks" (## Risks in ${T}); it goes after "Summary"`]);
  });

  it("treats the sections named in its `optional` option as optional", () => {
    const c = proposalCase(variant({ drop: [[23, 30]] }), undefined, { config: { rules: { [ID]: { severity: "warning", optional: ["Design Details", "alternatives"] } } } });
    assert.deepEqual(lintRule(ID, c).map(show), []);
  });

  it("adds the missing section with the template's guidance, changing nothing else", () => {
    const c = proposalCase(variant({ drop: [[23, 26]] }));
    const fixed = roundTrip(ID, c, 'Add the "Design Details" section from the template');
    const expected = variant({ set: { 25: guidanceOf("## Design Details") } });
    assert.equal(fixed, expected);
  });

  it("adds a missing last section at the end and a missing subsection inside its section", () => {
    const last = roundTrip(ID, proposalCase(variant({ drop: [[27, 30]] })));
    assert.equal(last, variant({ drop: [[27, 30]] }) + "\n## Alternatives\n\n" + guidanceOf("## Alternatives") + "\n");
    const sub = roundTrip(ID, proposalCase(variant({ drop: [[15, 18]] })));
    assert.equal(sub, variant({ set: { 17: guidanceOf("### Non-Goals") } }));
  });

  it("closes a code fence left open at the end before adding a section after it", () => {
    const open = variant({ drop: [[27, 30]] }) + "\n```yaml\nscorers: [prefix]\n";
    const fixed = roundTrip(ID, proposalCase(open));
    assert.equal(fixed, open + "```\n\n## Alternatives\n\n" + guidanceOf("## Alternatives") + "\n");
  });

  it("offers to rename a misspelt heading, preferred over adding a second one", () => {
    const c = proposalCase(variant({ set: { 27: "## Alterantives" } }));
    const [p] = lintRule(ID, c);
    assert.deepEqual(p.fixes?.map((f) => [f.title, !!f.isPreferred]), [['Rename "Alterantives" to "Alternatives"', true], ['Add the "Alternatives" section from the template', false]]);
    assert.equal(roundTrip(ID, c), text(GOOD));
  });
});
