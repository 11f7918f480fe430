/**
 * owners/auto-assign-unread and the emulation of llm-d's auto-assign workflow it rests on
 * (auto-assign.ts, from llm-d-kv-cache's .github/workflows/auto-assign.yaml).
 */
import { strict as assert } from "node:assert";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { readAsWorkflow } from "../../../server/src/engine/families/owners/auto-assign";
import { findings, fixed, fixTitles } from "./support";

const ID = "owners/auto-assign-unread";
const W = "llm-d's auto-assign workflow";

describe("llm-d's auto-assign workflow, emulated", () => {
  it("skips blank lines and comments, opens at `auto-assign:`, closes at column 1, keeps comments and quotes", () => {
    const text = "approvers:\n# c\nauto-assign: # x\n  - @bob # lead\n\n  - \"carol\"\n  - dave:\n   \nemeritus:\n  - eve\n- frank";
    assert.deepEqual(readAsWorkflow(text), [
      { kind: "skipped" }, { kind: "skipped" }, { kind: "opens" },
      { kind: "reviewer", login: "bob # lead" }, { kind: "skipped" }, { kind: "reviewer", login: "\"carol\"" },
      { kind: "not-an-item" }, { kind: "skipped" }, { kind: "closes" }, { kind: "skipped" }, { kind: "unread" },
    ]);
  });
  it("drops a carriage return with the trailing spaces, and closes at an indentless item", () => {
    assert.deepEqual(readAsWorkflow("auto-assign:\r\n  - bob\r\n- carol\n"), [{ kind: "opens" }, { kind: "reviewer", login: "bob" }, { kind: "closes" }]);
  });
});

describe("owners/auto-assign-unread", () => {
  it("accepts indented lists, lists with comments on lines of their own, and files without auto-assign", () => {
    assert.deepEqual(findings(ID, "approvers:\n- a\nauto-assign:\n  - bob\n  # lead\n  - carol\n"), []);
    assert.deepEqual(findings(ID, "approvers:\n- a\nauto-assign: # reviewers\n  -   @carol   \n"), []);
    assert.deepEqual(findings(ID, "approvers:\n- a\nreviewers:\n- b\n"), []);
  });

  it("leaves the last line without a line break to owners/final-newline, and empty items to wrong-type", () => {
    assert.deepEqual(findings(ID, "approvers:\n- a\nauto-assign:\n  - bob\n  - carol"), []);
    assert.deepEqual(findings(ID, "approvers:\n- a\nauto-assign:\n  -\n  - bob\n"), []);
  });

  it("finds nothing in any real OWNERS of the corpus", () => {
    const corpus = join(__dirname, "..", "..", "..", "..", "shared", "corpus", "owners");
    const files = readdirSync(corpus).filter((f) => f.endsWith("OWNERS") && readFileSync(join(corpus, f), "utf8").includes("auto-assign"));
    assert.ok(files.length >= 12, `only ${files.length} corpus files with auto-assign`);
    for (const f of files) assert.deepEqual(findings(ID, readFileSync(join(corpus, f), "utf8")), [], f);
  });

  it("reports an indentless list once, at its key, and indents it", () => {
    const text = "approvers:\n- a\nauto-assign:\n- bob\n- carol\n";
    assert.deepEqual(findings(ID, text), [`warning ${ID} 3:1-3:12 ${W} stops reading \`auto-assign:\` at the first line that begins in column 1, so it never reads these 2 reviewers; indent the list items`]);
    assert.deepEqual(fixTitles(ID, text), ["Indent the list items [safe] [preferred]"]);
    const after = fixed(ID, text);
    assert.equal(after, "approvers:\n- a\nauto-assign:\n  - bob\n  - carol\n");
    assert.deepEqual(findings(ID, after), []);
  });

  it("reports a list on the key's line and writes it one login per line", () => {
    const text = "approvers:\n- a\nauto-assign: [bob, \"@carol\"]\n";
    assert.deepEqual(findings(ID, text), [`warning ${ID} 3:1-3:12 ${W} reads only \`- login\` lines below \`auto-assign:\`, not a list on the same line, so it never reads these 2 reviewers; write one \`- login\` per line`]);
    const after = fixed(ID, text);
    assert.equal(after, "approvers:\n- a\nauto-assign:\n  - bob\n  - carol\n");
    assert.deepEqual(findings(ID, after), []);
    // A comment after the list would end up on the last item, where the workflow reads it: no fix.
    assert.deepEqual(fixTitles(ID, "approvers:\n- a\nauto-assign: [bob] # x\n"), []);
  });

  it("reports a key the workflow does not recognise and rewrites it", () => {
    for (const [text, end] of [["approvers:\n- a\nAuto-Assign:\n  - bob\n", 12], ["approvers:\n- a\n\"auto-assign\":\n  - bob\n", 14]] as const) {
      assert.deepEqual(findings(ID, text), [`warning ${ID} 3:1-3:${end} ${W} starts reading at a line that begins exactly \`auto-assign:\` and finds none here, so it never reads this reviewer; write the key as \`auto-assign:\` at the start of the line`]);
      assert.equal(fixed(ID, text), "approvers:\n- a\nauto-assign:\n  - bob\n");
    }
    assert.equal(fixed(ID, "approvers:\n- a\nauto-assign :\n  - bob\n"), "approvers:\n- a\nauto-assign:\n  - bob\n");
  });

  it("reports a login read with its comment or quotes, and writes it bare", () => {
    const text = "approvers:\n- a\nauto-assign:\n  - bob # lead\n  - '@carol'\n";
    assert.deepEqual(findings(ID, text), [
      `warning ${ID} 4:5-4:8 ${W} reads this reviewer as \`bob # lead\`, not \`bob\` (it keeps quotes and comments), and GitHub refuses a review request naming an unknown login, so nobody is assigned; write \`- bob\``,
      `warning ${ID} 5:5-5:13 ${W} reads this reviewer as \`'@carol'\`, not \`carol\` (it keeps quotes and comments), and GitHub refuses a review request naming an unknown login, so nobody is assigned; write \`- carol\``,
    ]);
    assert.deepEqual(fixTitles(ID, text), ["Write - bob and move the comment above it [safe] [preferred]"]);
    assert.equal(fixed(ID, text), "approvers:\n- a\nauto-assign:\n  # lead\n  - bob\n  - '@carol'\n");
    assert.equal(fixed(ID, "approvers:\n- a\nauto-assign:\r\n  - \"bob\"\r\n"), "approvers:\n- a\nauto-assign:\r\n  - bob\r\n");
  });

  it("writes a tagged login bare, and offers no fix that would drop an anchor", () => {
    assert.equal(fixed(ID, "approvers:\n- a\nauto-assign:\n  - !!str bob\n"), "approvers:\n- a\nauto-assign:\n  - bob\n");
    const anchored = "approvers:\n- &lead a\nauto-assign:\n  - &b bob\nreviewers:\n- *b\n";
    assert.deepEqual(findings(ID, anchored), [`warning ${ID} 4:8-4:11 ${W} reads this reviewer as \`&b bob\`, not \`bob\`, and GitHub refuses a review request naming an unknown login, so nobody is assigned; write \`- bob\``]);
    assert.deepEqual(fixTitles(ID, anchored), []);
  });

  it("reports an item with a colon on its own", () => {
    assert.deepEqual(findings(ID, "approvers:\n- a\nauto-assign:\n  - \"bob:x\"\n  - carol\n"), [
      `warning ${ID} 4:5-4:12 ${W} reads only lines of the form \`- login\` without a colon, so it never reads this reviewer`,
    ]);
  });

  it("notes a list below the root, which the workflow never opens", () => {
    assert.deepEqual(findings(ID, "approvers:\n- a\nauto-assign:\n  - bob\n", "pkg/OWNERS"), [
      `info ${ID} 3:1-3:12 ${W} reads only the root OWNERS, so this list assigns nobody; list these reviewers under \`auto-assign:\` in the root OWNERS`,
    ]);
  });
});
