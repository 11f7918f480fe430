import { strict as assert } from "node:assert";
import { lintRule, roundTrip, show } from "../../support/rule-tester";
import { GOOD, proposalCase, text, variant } from "./support";

const ID = "proposal/placeholder";
const shown = (body: string) => lintRule(ID, proposalCase(body)).map(show);
const STORIES = "\n### User Stories (Optional)\n\n#### Story 1\n\nAn operator routes chat traffic by prefix.\n\n#### Story 2\n\n#### Story 3\n";

describe("proposal/placeholder", () => {
  it("is quiet on a real title and on stories with text", () => {
    assert.deepEqual(shown(text(GOOD)), []);
    assert.deepEqual(shown(variant({ set: { 22: "\n### User Stories (Optional)\n\n#### Story 1\n\nAn operator routes chat traffic by prefix.\n" } })), []);
  });

  it("reports the template's placeholder title", () => {
    const p = lintRule(ID, proposalCase(variant({ set: { 1: "# Your short, descriptive title" } })));
    assert.deepEqual(p.map(show), [`${ID} 1:3-1:32 the title is still the template's placeholder "Your short, descriptive title"; give the proposal its own title`]);
    assert.equal(p[0].severity, "warning");
  });

  it("reports each empty Story heading, numbered like the template's or not", () => {
    assert.deepEqual(shown(variant({ set: { 22: STORIES } })), [
      `${ID} 29:6-29:13 "Story 2" is the template's empty example heading; write the story under it or remove it`,
      `${ID} 31:6-31:13 "Story 3" is the template's empty example heading; write the story under it or remove it`,
    ]);
  });

  it("removes an empty stub, and nothing else", () => {
    const c = proposalCase(variant({ set: { 22: STORIES } }));
    assert.equal(roundTrip(ID, c), variant({ set: { 22: "\n### User Stories (Optional)\n\n#### Story 1\n\nAn operator routes chat traffic by prefix.\n\n#### Story 3\n" } }));
  });
});
