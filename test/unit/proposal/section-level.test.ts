import { strict as assert } from "node:assert";
import { lintRule, roundTrip, show } from "../../support/rule-tester";
import { GOOD, proposalCase, text, variant } from "./support";

const ID = "proposal/section-level";
const T = "docs/proposals/PROPOSAL_TEMPLATE.md";
const shown = (body: string) => lintRule(ID, proposalCase(body)).map(show);

describe("proposal/section-level", () => {
  it("is quiet when levels and nesting follow the template, or subsections sit deeper inside their section", () => {
    assert.deepEqual(shown(text(GOOD)), []);
    assert.deepEqual(shown(variant({ set: { 11: "#### Goals", 15: "#### Non-Goals" } })), []);
  });

  it("does not check optional sections or subsections whose section is missing", () => {
    assert.deepEqual(shown(variant({ set: { 22: "\n## User Stories (Optional)\n\nAn operator routes by prefix.\n" } })), []);
    assert.deepEqual(shown(variant({ drop: [[7, 10]] })), []);
  });

  it("reports Goals and Non-Goals written beside Motivation instead of inside it", () => {
    assert.deepEqual(shown(variant({ set: { 11: "## Goals", 15: "## Non-Goals" } })), [
      `${ID} 11:4-11:9 "Goals" is not inside "Motivation" (a level-2 heading beside it); ${T} nests Goals in Motivation as ### Goals`,
      `${ID} 15:4-15:13 "Non-Goals" is not inside "Motivation" (a level-2 heading beside it); ${T} nests Non-Goals in Motivation as ### Non-Goals`,
    ]);
  });

  it("names the section a misplaced subsection sits in", () => {
    const body = text([...GOOD.slice(0, 10), ...GOOD.slice(14, 22), "### Goals", "", "- Fewer recomputed prefixes.", "", ...GOOD.slice(22)]);
    assert.deepEqual(shown(body), [
      `${ID} 19:5-19:10 "Goals" is not inside "Motivation" (inside "Proposal"); ${T} nests Goals in Motivation as ### Goals`,
    ]);
    assert.deepEqual(lintRule(ID, proposalCase(body))[0].fixes ?? [], [], "moving a block is left to the author");
  });

  it("reports a top-level section nested in another one, and re-levels it", () => {
    const c = proposalCase(variant({ set: { 23: "### Design Details" } }));
    assert.deepEqual(lintRule(ID, c).map(show), [
      `${ID} 23:5-23:19 "Design Details" is a level-3 heading inside "Proposal"; ${T} has Design Details at level 2 (## Design Details)`,
    ]);
    assert.equal(roundTrip(ID, c), text(GOOD));
  });

  it("reports a section written at the title's level, and re-levels it", () => {
    const c = proposalCase(variant({ set: { 3: "# Summary" } }));
    assert.deepEqual(lintRule(ID, c).map(show), [
      `${ID} 3:3-3:10 "Summary" is a level-1 heading, the title's level; ${T} has Summary at level 2 (## Summary)`,
    ]);
    assert.equal(roundTrip(ID, c), text(GOOD));
  });

  it("offers no re-level fix that would pull its subsections out from under it", () => {
    const p = lintRule(ID, proposalCase(variant({ set: { 7: "# Motivation", 11: "## Goals", 15: "## Non-Goals" } })));
    assert.deepEqual(p.map(show), [`${ID} 7:3-7:13 "Motivation" is a level-1 heading, the title's level; ${T} has Motivation at level 2 (## Motivation)`]);
    assert.deepEqual(p[0].fixes, []);
  });
});
