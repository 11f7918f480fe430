import { strict as assert } from "node:assert";
import { lint, lintRule, roundTrip, show } from "../../support/rule-tester";
import { GOOD, proposalCase, text } from "./support";

const ID = "proposal/not-a-proposal";
const T = "docs/proposals/PROPOSAL_TEMPLATE.md";
const ALL = '"Summary", "Motivation", "Goals", "Non-Goals", "Proposal", "Design Details", "Alternatives"';
const ADVICE = "if it is one, add them; if it is a guide, primer or plan, it belongs outside the proposal folder";
const GUIDE = [
  "# Installing llm-d on kind",
  "",
  "## Prerequisites",
  "",
  "- kind 0.23 or later",
  "",
  "## Install",
  "",
  "```bash",
  "# create the cluster",
  "kind create cluster --name llm-d",
  "```",
  "",
];

describe("proposal/not-a-proposal", () => {
  it("gives one note, and nothing else, for an install guide in the proposal folder", () => {
    const problems = lint(proposalCase(text(GUIDE), "Install Guide.md"));
    assert.deepEqual(problems.map(show), [`${ID} 1:3-1:27 this does not look like a proposal: it has none of the 7 sections of ${T} (missing ${ALL}); ${ADVICE}`]);
    assert.equal(problems[0].severity, "info");
  });

  it("still calls a document with one template section not a proposal", () => {
    const body = text([...GUIDE.slice(0, 2), "## Overview", "", "How to run llm-d on a laptop.", "", ...GUIDE.slice(2)]);
    assert.deepEqual(lintRule(ID, proposalCase(body, "install_on_kind.md")).map(show), [
      `${ID} 1:3-1:27 this does not look like a proposal: it has only "Summary" of the 7 sections of ${T} (missing "Motivation", "Goals", "Non-Goals", "Proposal", "Design Details", "Alternatives"); ${ADVICE}`,
    ]);
  });

  it("is quiet on proposals, even ones that ignore the template, when they say they are one", () => {
    assert.deepEqual(lintRule(ID, proposalCase(text(GOOD))), []);
    const freeForm = (title: string, body: string) => text([`# ${title}`, "", body, "", "## How it works", "", "Slices the GPU in time.", ""]);
    for (const [title, body] of [
      ["Proposal: GPU time-slicing", "Idle accelerators cost money."],
      ["GPU time-slicing", "This proposal slices accelerators in time."],
      ["GPU time-slicing", "We propose to slice accelerators in time."],
      ["GPU time-slicing", "Status: Draft"],
      ["GPU time-slicing", "> **Authors**: @alice"],
    ]) {
      const c = proposalCase(freeForm(title, body), "gpu_time_slicing.md");
      assert.deepEqual(lintRule(ID, c), [], `${title} / ${body}`);
      assert.equal(lintRule("proposal/missing-section", c).length, 7, "the sections are reported one by one instead");
    }
    assert.deepEqual(lintRule(ID, proposalCase(text([...GUIDE.slice(0, 2), "## Proposal Status", "", "Implementable", ""]), "x_y.md")), []);
  });

  it("does not count 'proposal' inside a link target or URL", () => {
    const body = text([...GUIDE, "![diagram](https://example.com/time-slicing-proposal/arch.png)", "", "See https://example.com/our-proposal for more.", ""]);
    assert.equal(lintRule(ID, proposalCase(body, "install_on_kind.md")).length, 1);
  });

  it("adds the template's missing sections when it is a proposal after all", () => {
    const fixed = roundTrip(ID, proposalCase(text(GUIDE), "install_on_kind.md"));
    assert.ok(fixed.startsWith(text(GUIDE)), "the document itself is kept");
    assert.deepEqual(fixed.slice(text(GUIDE).length).split("\n").filter((l) => l.startsWith("#")),
      ["## Summary", "## Motivation", "### Goals", "### Non-Goals", "## Proposal", "## Design Details", "## Alternatives"]);
  });
});
