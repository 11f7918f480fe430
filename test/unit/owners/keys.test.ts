import { strict as assert } from "node:assert";
import { findings, fixTitles, fixed } from "./support";

describe("owners/duplicate-key", () => {
  const ID = "owners/duplicate-key";
  it("accepts distinct keys, and the same key in different filters", () => {
    assert.deepEqual(findings(ID, "filters:\n  '.*':\n    approvers: [a]\n  '\\.md$':\n    approvers: [b]\n", "a/OWNERS"), []);
  });

  it("reports a repeated key and merges its entries into the one Prow keeps (test-infra@05ee7ee5d4)", () => {
    const text = "approvers:\n- alice\nreviewers:\n- x\n- y\nreviewers:\n- z\n- x\n";
    assert.deepEqual(findings(ID, text, "a/OWNERS"), [`warning ${ID} 3:1-3:10 \`reviewers\` appears again on line 6; Prow keeps only the last one, so the 2 entries here are ignored`]);
    assert.deepEqual(fixTitles(ID, text, "a/OWNERS"), ["Merge into reviewers on line 6 [preferred]"]);
    assert.equal(fixed(ID, text, undefined, "a/OWNERS"), "approvers:\n- alice\nreviewers:\n- z\n- x\n- y\n");
  });

  it("reports case variants of a key Prow reads, and a repeated option", () => {
    const text = "approvers: [a]\nApprovers: [d]\noptions:\n  no_parent_owners: true\n  NO_PARENT_OWNERS: false\n";
    assert.deepEqual(findings(ID, text, "a/OWNERS"), [
      `warning ${ID} 2:1-2:10 \`Approvers\` and \`approvers\` (line 1) are the same key to Prow, which keeps only \`approvers\`; the 1 entry here is ignored`,
      `warning ${ID} 5:3-5:19 \`NO_PARENT_OWNERS\` and \`no_parent_owners\` (line 4) are the same key to Prow, which keeps only \`no_parent_owners\`; what is written here is ignored`,
    ]);
    assert.equal(fixed(ID, "options:\n  no_parent_owners: true\n  NO_PARENT_OWNERS: false\napprovers: [a]\n", undefined, "a/OWNERS"), "options:\n  no_parent_owners: true\napprovers: [a]\n");
  });

  it("reports an alias defined twice (enhancements@707641fdd2), case-insensitively", () => {
    const text = "aliases:\n  a-team:\n  - alice\n  A-Team:\n  - bob\n";
    assert.deepEqual(findings(ID, text, "OWNERS_ALIASES"), [`warning ${ID} 2:3-2:9 \`a-team\` and \`A-Team\` (line 4) are the same alias to Prow, which ignores case and keeps one of them at random`]);
    assert.equal(fixed(ID, text, undefined, "OWNERS_ALIASES"), "aliases:\n  A-Team:\n  - bob\n  - alice\n");
  });
});

describe("owners/case-insensitive-key", () => {
  const ID = "owners/case-insensitive-key";
  it("accepts lower-case keys", () => {
    assert.deepEqual(findings(ID, "approvers: [a]\noptions:\n  no_parent_owners: true\n", "a/OWNERS"), []);
  });
  it("hints at a key in another case and lower-cases it", () => {
    const text = "Approvers:\n- alice\n";
    assert.deepEqual(findings(ID, text, "a/OWNERS"), [`hint ${ID} 1:1-1:10 write \`approvers\`: Prow matches keys regardless of case, so \`Approvers\` works for Prow, but llm-d's workflows and most tools compare keys exactly`]);
    assert.deepEqual(fixTitles(ID, text, "a/OWNERS"), ["Write approvers [safe] [preferred]"]);
    assert.equal(fixed(ID, text, undefined, "a/OWNERS"), "approvers:\n- alice\n");
    assert.deepEqual(findings(ID, "Aliases:\n  a: [x]\n", "OWNERS_ALIASES").length, 1);
    assert.deepEqual(findings(ID, "filters:\n  '.*':\n    Labels: [x]\n", "a/OWNERS").length, 1);
  });
});

describe("owners/ignored-dir", () => {
  const ID = "owners/ignored-dir";
  it("is silent outside Prow's denylist", () => {
    assert.deepEqual(findings(ID, "approvers: [a]\n", "vendor/OWNERS"), []);
    assert.deepEqual(findings(ID, "approvers: [a]\n", "pkg/vendor/x/OWNERS"), []);
  });
  it("hints that vendor/*/*, *_output and *.git are never read, and caps other findings at hint", () => {
    assert.deepEqual(findings(ID, "approvers: [a]\n", "vendor/k8s.io/api/OWNERS"), [`hint ${ID} 1:1-1:10 Prow never reads OWNERS files in "vendor/k8s.io/api" (its default owners_dir_denylist has \`vendor/.*/.*\`), so this file has no effect; its other problems are shown as hints only`]);
    assert.equal(findings(ID, "approvers: [a]\n", "build/_output/OWNERS").length, 1);
    assert.deepEqual(findings("owners/yaml-syntax", "approvers:\n\t- a\n", "vendor/k8s.io/api/OWNERS").map((s) => s.split(" ")[0]), ["hint"]);
  });
});

describe("owners/final-newline", () => {
  const ID = "owners/final-newline";
  it("accepts a final newline, files without auto-assign last, and sub-directory files", () => {
    assert.deepEqual(findings(ID, "approvers:\n- a\nauto-assign:\n- b\n"), []);
    assert.deepEqual(findings(ID, "auto-assign:\n- b\napprovers:\n- a"), []);
    assert.deepEqual(findings(ID, "approvers:\n- a\nauto-assign:\n- b", "pkg/OWNERS"), []);
  });
  it("reports a root OWNERS ending inside auto-assign without a newline (llm-d-router@6a26601b18)", () => {
    const text = "approvers:\n- alice\nauto-assign:\n- bob\n- carol";
    assert.deepEqual(findings(ID, text), [`warning ${ID} 5:1-5:8 llm-d's auto-assign workflow reads this file line by line and skips a last line without a line break, so this reviewer is never picked; end the file with a newline`]);
    assert.equal(fixed(ID, text), text + "\n");
  });
});
