import { strict as assert } from "node:assert";
import { isMetadataHeading, matchQuality, sectionKey } from "../../../server/src/engine/families/proposal/match";

const q = (heading: string, section: string) => matchQuality(sectionKey(heading), sectionKey(section));

describe("proposal heading matching", () => {
  it("normalises case, numbering, punctuation, plurals, emoji and (Optional)", () => {
    assert.equal(sectionKey("2. Non-Goals (Optional)"), "non goal");
    assert.equal(sectionKey("User Stories [optional]"), "user story");
    assert.equal(sectionKey("B.1 Design Details"), "design detail");
    assert.equal(sectionKey("iv. Goals 🎯"), "goal");
    assert.equal(sectionKey("TL;DR"), "tl dr");
    assert.equal(sectionKey("Status"), "status", "a final s that is no plural stays");
    assert.equal(sectionKey("2PC design"), "2pc design", "a number that is part of a word stays");
  });

  it("matches the template's names exactly, whatever their form", () => {
    for (const [h, s] of [["Non-goals", "Non-Goals"], ["1. Summary", "Summary"], ["Goal", "Goals"], ["ALTERNATIVES (Optional)", "Alternatives"], ["Design details", "Design Details"]]) {
      assert.equal(q(h, s), "exact", `${h} / ${s}`);
    }
  });

  it("takes suffixed names and known synonyms as renamed", () => {
    for (const [h, s] of [
      ["Alternatives Considered", "Alternatives"], ["Alternative: Manual Deployment", "Alternatives"], ["Alternatives to OpenCost", "Alternatives"],
      ["Non-Goals (for this proposal)", "Non-Goals"], ["Explicit non-goals", "Non-Goals"], ["Design Details & Scope", "Design Details"],
      ["Background", "Motivation"], ["Problem Statement", "Motivation"], ["TL;DR", "Summary"], ["Overview", "Summary"],
      ["Proposed Solution", "Proposal"], ["Design", "Design Details"], ["5. Design", "Design Details"], ["Core Goals & Scope", "Goals"],
      ["User Stories (CUJs)", "User Stories (Optional)"], ["Motivation (Goals/Non-Goals)", "Motivation"],
    ]) assert.equal(q(h, s), "renamed", `${h} / ${s}`);
  });

  it("does not stretch to headings the corpus shows are something else", () => {
    for (const [h, s] of [
      ["Proposal Status", "Proposal"], ["Status: Accepted", "Proposal"], ["Design Principles", "Design Details"], ["Options Considered", "Alternatives"],
      ["Proposed architecture", "Proposal"], ["1. The problem", "Motivation"], ["Implementation", "Design Details"], ["Goals and non-goals", "Non-Goals"],
      ["Use case 1: Privileged Daemon Sets", "User Stories"], ["Appendix: Background — the attribution landscape", "Motivation"],
    ]) assert.equal(q(h, s), undefined, `${h} / ${s}`);
  });

  it("knows metadata headings", () => {
    for (const h of ["Status", "Proposal Status", "Status: Accepted", "Table of Contents"]) assert.ok(isMetadataHeading(sectionKey(h)), h);
    assert.ok(!isMetadataHeading(sectionKey("Proposal")));
  });
});
