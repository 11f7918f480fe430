/** The input-box helpers of the VS Code commands (client/src/git/message.ts), which need no VS Code. */
import { strict as assert } from "node:assert";
import { gitWouldMisplaceSignoff, withSignoff } from "../../../client/src/git/message";

const JANE = { name: "Jane Dev", email: "jane@example.com" };
const SOB = "Signed-off-by: Jane Dev <jane@example.com>";

describe("input box sign-off", () => {
  it("adds the sign-off as a new paragraph, with no dangling line break", () => {
    assert.equal(withSignoff("Fix crash\n\nWhy.", JANE), `Fix crash\n\nWhy.\n\n${SOB}`);
    assert.equal(withSignoff("Fix crash", JANE), `Fix crash\n\n${SOB}`);
  });
  it("joins a trailer block", () => {
    assert.equal(withSignoff("Fix\n\nWhy.\n\nCo-authored-by: Bob <bob@example.com>", JANE), `Fix\n\nWhy.\n\nCo-authored-by: Bob <bob@example.com>\n${SOB}`);
  });
  it("keeps a '#' paragraph above it: in the input box it is message text", () => {
    assert.equal(withSignoff("Fix crash\n\n#123 was the root cause", JANE), `Fix crash\n\n#123 was the root cause\n\n${SOB}`);
  });
  it("leaves a message already signed off by the same person (any case) alone", () => {
    const m = "Fix\n\nWhy.\n\nsigned-off-by: JANE DEV <jane@EXAMPLE.com>";
    assert.equal(withSignoff(m, JANE), m);
  });
  it("an empty box gets room for the title first, as git's template", () => {
    assert.equal(withSignoff("", JANE), `\n\n${SOB}`);
  });
  it("spots the trailing '#' paragraph git -s would put the sign-off above", () => {
    assert.equal(gitWouldMisplaceSignoff("Fix crash\n\n#123 was the root cause"), true);
    assert.equal(gitWouldMisplaceSignoff("Fix crash\n\nWhy.\n"), false);
    assert.equal(gitWouldMisplaceSignoff("#123 title only"), false);
    assert.equal(gitWouldMisplaceSignoff("Fix\n\n;x", ";"), true);
  });
});
