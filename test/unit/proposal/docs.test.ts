import { strict as assert } from "node:assert";
import { proposalFamily } from "../../../server/src/engine/families/proposal/index";
import { assertDocPages } from "../../support/doc-pages";

describe("proposal rule documentation", () => {
  it("has a page per rule with its title, severity, examples, fixes and how to disable it", () => {
    assert.equal(proposalFamily.rules.length, 8);
    assertDocPages(proposalFamily.rules);
  });
});
