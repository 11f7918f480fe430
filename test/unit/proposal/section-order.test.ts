import { strict as assert } from "node:assert";
import { lintRule, show } from "../../support/rule-tester";
import { GOOD, proposalCase, text, variant } from "./support";

const ID = "proposal/section-order";
const T = "docs/proposals/PROPOSAL_TEMPLATE.md";
const shown = (body: string) => lintRule(ID, proposalCase(body)).map(show);
/** GOOD with the one-based line ranges [a1,a2] and [b1,b2] (a before b) swapped. */
function swap([a1, a2]: [number, number], [b1, b2]: [number, number]): string {
  const l = GOOD;
  return text([...l.slice(0, a1 - 1), ...l.slice(b1 - 1, b2), ...l.slice(a2, b1 - 1), ...l.slice(a1 - 1, a2), ...l.slice(b2)]);
}

describe("proposal/section-order", () => {
  it("is quiet on the template's order, extra sections and optional ones anywhere", () => {
    assert.deepEqual(shown(text(GOOD)), []);
    const extra = variant({ set: { 2: "\n## Status: Accepted\n\n## Definitions\n\nTerms.\n", 26: "\n### User Stories (Optional)\n\nAn operator routes by prefix.\n" } });
    assert.deepEqual(shown(extra), []);
  });

  it("reports a top-level section that comes before one the template puts first", () => {
    assert.deepEqual(shown(swap([19, 22], [23, 26])), [
      `${ID} 19:4-19:18 "Design Details" comes before "Proposal"; ${T} puts Design Details after Proposal`,
    ]);
    assert.equal(lintRule(ID, proposalCase(swap([19, 22], [23, 26])))[0].severity, "info");
  });

  it("reports a section that comes after one the template puts later", () => {
    assert.deepEqual(shown(swap([3, 6], [7, 18])), [
      `${ID} 3:4-3:14 "Motivation" comes before "Summary"; ${T} puts Motivation after Summary`,
    ]);
  });

  it("orders subsections within their section, and leaves one outside its section to section-level", () => {
    assert.deepEqual(shown(swap([11, 14], [15, 18])), [
      `${ID} 11:5-11:14 "Non-Goals" comes before "Goals"; ${T} puts Non-Goals after Goals`,
    ]);
    // Goals moved below Proposal, as a level-2 heading: a nesting problem, not an order one.
    const moved = text([...GOOD.slice(0, 10), ...GOOD.slice(14, 22), "## Goals", "", "- Fewer recomputed prefixes.", "", ...GOOD.slice(22)]);
    assert.deepEqual(shown(moved), []);
  });
});
