import { strict as assert } from "node:assert";
import { ownersFamily } from "../../../server/src/engine/families/owners/index";
import { assertDocPages } from "../../support/doc-pages";

describe("owners rule documentation", () => {
  it("has a page per rule with its title, severity, examples, fixes and how to disable it", () => {
    assert.ok(ownersFamily.rules.length >= 20);
    assertDocPages(ownersFamily.rules, ["Bad:", "Good:"]);
  });
});
