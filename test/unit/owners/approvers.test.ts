import { strict as assert } from "node:assert";
import { findings } from "./support";

const VERIFY = `so verify-owners rejects it ("No approvers defined in this root directory OWNERS file.") and nobody can approve changes at the root`;

describe("owners/no-approvers", () => {
  const ID = "owners/no-approvers";
  it("accepts a root OWNERS with approvers at the top level or in a filter, and sub-directory files without", () => {
    assert.deepEqual(findings(ID, "approvers:\n- alice\n"), []);
    assert.deepEqual(findings(ID, "filters:\n  '.*':\n    approvers: [alice]\n"), []);
    assert.deepEqual(findings(ID, "reviewers: [a]\n", "pkg/OWNERS"), []);
    assert.deepEqual(findings(ID, "approvers: [sig-foo-leads]\n"), [], "an alias counts: verify-owners checks the raw list");
  });

  it("reports the commented-out template (llm-d-inference-payload-processor@a9130d449f)", () => {
    assert.deepEqual(findings(ID, "approvers:\n# - github-username\nreviewers:\n# - github-username\n"), [`error ${ID} 1:1-1:10 this is the repository's root OWNERS and its \`approvers:\` list is empty, ${VERIFY}`]);
  });

  it("reports a root OWNERS with reviewers only, an empty file, and filters without approvers", () => {
    assert.deepEqual(findings(ID, "reviewers: [a]\n"), [`error ${ID} 1:1-1:15 this is the repository's root OWNERS and there is no \`approvers:\` list, ${VERIFY}`]);
    assert.deepEqual(findings(ID, ""), [`error ${ID} 1:1-1:1 this is the repository's root OWNERS and there is no \`approvers:\` list, ${VERIFY}`]);
    assert.deepEqual(findings(ID, "filters:\n  '.*':\n    reviewers: [a]\n"), [`error ${ID} 1:1-1:9 this is the repository's root OWNERS and neither the top level nor any filter has approvers, ${VERIFY}`]);
  });

  it("reports approvers Prow cannot read (llm-d-inference-payload-processor@7ec120a6db)", () => {
    assert.deepEqual(findings(ID, "approvers:\n  nirrozenbaum\n  shaneutt\n"), [`error ${ID} 1:1-1:10 this is the repository's root OWNERS and Prow cannot read its top-level lists (see owners/wrong-type), ${VERIFY}`]);
  });

  it("says nothing when the file cannot be parsed at all (owners/yaml-syntax does)", () => {
    assert.deepEqual(findings(ID, "approvers:\n\t- alice\n"), []);
  });
});

describe("owners/no-effect", () => {
  const ID = "owners/no-effect";
  it("accepts files with any key Prow reads, documented keys, llm-d keys, and empty files", () => {
    assert.deepEqual(findings(ID, "options:\n  no_parent_owners: true\n", "a/OWNERS"), []);
    assert.deepEqual(findings(ID, "emeritus_approvers: [a]\n", "a/OWNERS"), []);
    assert.deepEqual(findings(ID, "auto-assign: [a]\n", "a/OWNERS"), []);
    assert.deepEqual(findings(ID, "# nothing yet\n", "a/OWNERS"), []);
    assert.deepEqual(findings(ID, "maintainers: [a]\n", "a/OWNERS", undefined, { owners: { extraKeys: ["maintainers"] } }), []);
  });

  it("reports a file whose only keys Prow ignores (autoscaler@e33624a5b1, prow@1afdecb96a)", () => {
    assert.deepEqual(findings(ID, "assignees:\n- a\n", "addon-resizer/OWNERS"), [`error ${ID} 1:1-1:10 Prow reads nothing from this file: it has none of approvers, reviewers, required_reviewers, labels, options or filters (only \`assignees\`), so this directory is owned by the OWNERS above it as if this file did not exist`]);
    assert.deepEqual(findings(ID, "OtherUsers:\n- a\nOtherUsers:\n- b\n", "cmd/x/OWNERS"), [`error ${ID} 1:1-1:11 Prow reads nothing from this file: it has none of approvers, reviewers, required_reviewers, labels, options or filters (only \`OtherUsers\`), so this directory is owned by the OWNERS above it as if this file did not exist`]);
  });

  it("leaves the root OWNERS to owners/no-approvers", () => {
    assert.deepEqual(findings(ID, "assignees:\n- a\n"), []);
  });
});
