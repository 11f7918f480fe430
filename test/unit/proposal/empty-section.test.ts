import { strict as assert } from "node:assert";
import { lintRule, show } from "../../support/rule-tester";
import { GOOD, guidanceOf, proposalCase, text, variant } from "./support";

const ID = "proposal/empty-section";
const shown = (body: string) => lintRule(ID, proposalCase(body)).map(show);

describe("proposal/empty-section", () => {
  it("is quiet on sections with prose, lists, code or subsections with content", () => {
    assert.deepEqual(shown(text(GOOD)), []);
    assert.deepEqual(shown(variant({ drop: [[9, 10]] })), [], "Motivation holding only Goals and Non-Goals is not empty");
    assert.deepEqual(shown(variant({ set: { 25: "### Components\n\nThe scorer and the indexer." } })), []);
    assert.deepEqual(shown(variant({ set: { 29: "```yaml\nscorer: prefix\n```" } })), []);
    assert.deepEqual(shown(variant({ set: { 29: "| Option | Verdict |\n|---|---|\n| Round robin | rejected |" } })), []);
  });

  it("reports a section that still holds only the template's guidance", () => {
    const p = lintRule(ID, proposalCase(variant({ set: { 25: guidanceOf("## Design Details") } })));
    assert.deepEqual(p.map(show), [`${ID} 23:4-23:18 section "Design Details" still holds only the template's guidance comment (it does not render); write it`]);
    assert.equal(p[0].severity, "warning");
  });

  it("reports a section with nothing, or only a comment of the author's, under it", () => {
    assert.deepEqual(shown(variant({ set: { 25: "" } })), [`${ID} 23:4-23:18 section "Design Details" is empty; write it`]);
    assert.deepEqual(shown(variant({ set: { 29: "<!-- TODO: compare with round robin -->" } })), [`${ID} 27:4-27:16 section "Alternatives" is empty; write it`]);
  });

  it("reports the empty subsections rather than their section", () => {
    assert.deepEqual(shown(variant({ set: { 9: "", 13: "", 17: "" } })), [
      `${ID} 11:5-11:10 section "Goals" is empty; write it`,
      `${ID} 15:5-15:14 section "Non-Goals" is empty; write it`,
    ]);
  });

  it("tells an empty optional section may go", () => {
    assert.deepEqual(shown(variant({ set: { 22: "\n### User Stories (Optional)\n" } })), [
      `${ID} 23:5-23:28 section "User Stories (Optional)" is empty; fill it in or remove it (it is optional)`,
    ]);
  });

  it("leaves a section holding the template's empty Story stubs to proposal/placeholder", () => {
    assert.deepEqual(shown(variant({ set: { 22: "\n### User Stories (Optional)\n\n#### Story 1\n\n#### Story 2\n" } })), []);
  });
});
