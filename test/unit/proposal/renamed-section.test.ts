import { strict as assert } from "node:assert";
import { lintRule, roundTrip, show } from "../../support/rule-tester";
import { GOOD, proposalCase, text, variant } from "./support";

const ID = "proposal/renamed-section";
const T = "docs/proposals/PROPOSAL_TEMPLATE.md";
const shown = (body: string) => lintRule(ID, proposalCase(body)).map(show);

describe("proposal/renamed-section", () => {
  it("is quiet on the template's names, whatever their case, numbering or (Optional)", () => {
    assert.deepEqual(shown(text(GOOD)), []);
    assert.deepEqual(shown(variant({ set: { 3: "## 1. summary", 15: "### Non-goals", 27: "## ALTERNATIVES (Optional)" } })), []);
  });

  it("says, as a hint, which template section a renamed heading is taken for", () => {
    const p = lintRule(ID, proposalCase(variant({ set: { 7: "## Background", 27: "## Alternatives Considered" } })));
    assert.deepEqual(p.map(show), [
      `${ID} 7:4-7:14 "Background" is treated as the template's "Motivation" section (${T})`,
      `${ID} 27:4-27:27 "Alternatives Considered" is treated as the template's "Alternatives" section (${T})`,
    ]);
    assert.deepEqual(p.map((x) => x.severity), ["hint", "hint"]);
  });

  it("renames to the template's wording, keeping the numbering", () => {
    assert.equal(roundTrip(ID, proposalCase(variant({ set: { 7: "## Background" } }))), text(GOOD));
    const numbered = proposalCase(variant({ set: { 23: "## 5. Design" } }));
    assert.equal(lintRule(ID, numbered)[0].fixes?.[0].title, 'Rename to "5. Design Details"');
    assert.equal(roundTrip(ID, numbered), variant({ set: { 23: "## 5. Design Details" } }));
  });
});
