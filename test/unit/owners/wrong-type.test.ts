import { strict as assert } from "node:assert";
import { findings, fixTitles, fixed } from "./support";

const ID = "owners/wrong-type";
const DROP = "Prow then fails to read the top-level lists and silently drops every approver, reviewer and label in this file";
const IGNORED = "Prow then cannot read this file and ignores all of it";

describe("owners/wrong-type", () => {
  it("accepts lists, empty keys, flow lists, anchors, quoted names and boolean options", () => {
    assert.deepEqual(findings(ID, "approvers:\n- alice\nreviewers: [bob, \"123\", 'yes']\nlabels:\nrequired_reviewers: []\noptions:\n  no_parent_owners: yes\n  auto_approve_unowned_subfolders:\n"), []);
    assert.deepEqual(findings(ID, "approvers: &a [alice]\nreviewers: *a\nfilters:\n  '.*':\n    approvers: *a\n"), []);
  });

  it("reports a single name where a list belongs, and makes it a list", () => {
    const text = "approvers: alice\n";
    assert.deepEqual(findings(ID, text), [`error ${ID} 1:1-1:10 \`approvers\` must be a list of names, but here it is a single text (\`alice\`); ${DROP}`]);
    assert.deepEqual(fixTitles(ID, text), ["Make it a list ([alice]) [safe] [preferred]"]);
    assert.equal(fixed(ID, text), "approvers: [alice]\n");
  });

  it("reports names on lines without '- ' (llm-d-inference-payload-processor@1b7188531e)", () => {
    const text = "approvers:\n  - alice\nreviewers:\n  nirrozenbaum\n  shaneutt\n";
    assert.deepEqual(findings(ID, text), [`error ${ID} 3:1-3:10 \`reviewers\` must be a list of names, but its lines have no "- ", so YAML joins them into one text (\`nirrozenbaum shaneutt\`); ${DROP}`]);
    assert.equal(fixed(ID, text), "approvers:\n  - alice\nreviewers:\n  - nirrozenbaum\n  - shaneutt\n");
  });

  it("reports ' -name' read as text (test-infra@bf45311be9)", () => {
    const text = "approvers:\n -paulangton\n";
    assert.deepEqual(findings(ID, text, "prow/spyglass/OWNERS"), [`error ${ID} 1:1-1:10 \`approvers\` must be a list of names, but YAML reads \`-paulangton\` as text because a list item needs a space after "-"; ${DROP}`]);
    assert.equal(fixed(ID, text, undefined, "prow/spyglass/OWNERS"), "approvers:\n - paulangton\n");
  });

  it("reports a mapping where a list belongs and turns {a, b} into [a, b]", () => {
    const text = "approvers: {alice, bob}\n";
    assert.deepEqual(findings(ID, text, "a/OWNERS"), [`error ${ID} 1:1-1:10 \`approvers\` must be a list of names, but here it is a mapping; ${DROP}`]);
    assert.equal(fixed(ID, text, undefined, "a/OWNERS"), "approvers: [alice, bob]\n");
  });

  it("reports numbers, booleans and nulls among top-level names", () => {
    const text = "approvers:\n- alice\n- 123\n- yes\n-\n- ~\n- {a: b}\n";
    assert.deepEqual(findings(ID, text, "a/OWNERS"), [
      `error ${ID} 3:3-3:6 \`123\` is a number to YAML; ${DROP}; quote it ("123")`,
      `error ${ID} 4:3-4:6 \`yes\` is a boolean to YAML 1.1 (so are yes, no, on, off, y, n); ${DROP}; quote it ("yes")`,
      `error ${ID} 5:1-5:2 this list item is empty (null to YAML); ${DROP}; remove it`,
      `error ${ID} 6:3-6:4 \`~\` is null to YAML; ${DROP}; quote it ("~")`,
      `error ${ID} 7:3-7:9 this list item is a mapping (\`{a: b}\`), not a name; ${DROP}`,
    ]);
    assert.equal(fixed(ID, "approvers:\n- alice\n- 123\n", undefined, "a/OWNERS"), 'approvers:\n- alice\n- "123"\n');
    assert.equal(fixed(ID, "approvers:\n- alice\n-\n- bob\n", undefined, "a/OWNERS"), "approvers:\n- alice\n- bob\n");
  });

  it("reports options that are not a mapping, and unwraps a list of options (kops@0513355b70)", () => {
    const text = "approvers: [a]\noptions:\n  - no_parent_owners: true\n";
    assert.deepEqual(findings(ID, text, "a/OWNERS"), [`error ${ID} 2:1-2:8 \`options\` must be a mapping such as \`no_parent_owners: true\`, but here it is a list; ${IGNORED}`]);
    assert.equal(fixed(ID, text, undefined, "a/OWNERS"), "approvers: [a]\noptions:\n    no_parent_owners: true\n");
  });

  it("reports options that are not booleans", () => {
    const text = "approvers: [a]\noptions:\n  no_parent_owners: \"true\"\n  auto_approve_unowned_subfolders: 1\n";
    assert.deepEqual(findings(ID, text, "a/OWNERS"), [
      `error ${ID} 3:21-3:27 \`no_parent_owners\` must be true or false, but \`"true"\` is quoted text; ${IGNORED}`,
      `error ${ID} 4:36-4:37 \`auto_approve_unowned_subfolders\` must be true or false, but \`1\` is a number; ${IGNORED}`,
    ]);
    assert.equal(fixed(ID, "approvers: [a]\noptions:\n  no_parent_owners: \"true\"\n", undefined, "a/OWNERS"), "approvers: [a]\noptions:\n  no_parent_owners: true\n");
  });

  it("reports filters of the wrong shape", () => {
    assert.deepEqual(findings(ID, "filters: [a]\n", "a/OWNERS"), [`error ${ID} 1:1-1:8 \`filters\` must be a mapping of path regexps to lists, but here it is a list; ${IGNORED}`]);
    assert.deepEqual(findings(ID, "filters:\n  '.*': [a]\n", "a/OWNERS"), [`error ${ID} 2:3-2:7 the filter \`.*\` must map to approvers, reviewers, required_reviewers or labels lists, but here it is a list; ${IGNORED}`]);
    assert.deepEqual(findings(ID, "filters:\n  '.*':\n    approvers: alice\n", "a/OWNERS"), [`error ${ID} 3:5-3:14 inside the filter \`.*\`, \`approvers\` must be a list of names, but here it is a single text (\`alice\`); ${IGNORED}`]);
  });

  it("warns that YAML 1.1 values inside a filter are turned into other names", () => {
    const text = "filters:\n  '.*':\n    reviewers:\n    - 0755\n    - yes\n    -\n    - 0x1F\n";
    assert.deepEqual(findings(ID, text, "a/OWNERS"), [
      `warning ${ID} 4:7-4:11 \`0755\` is a number to YAML; inside a filter Prow turns it into the name \`493\`; quote it ("0755") if that is a name`,
      `warning ${ID} 5:7-5:10 \`yes\` is a boolean to YAML 1.1 (so are yes, no, on, off, y, n); inside a filter Prow turns it into the name \`true\`; quote it ("yes") if that is a name`,
      `warning ${ID} 6:5-6:6 this list item is empty (null to YAML); inside a filter Prow turns it into the empty name "", which matches nobody; remove it`,
      `warning ${ID} 7:7-7:11 \`0x1F\` is a number to YAML; inside a filter Prow turns it into the name \`31\`; quote it ("0x1F") if that is a name`,
    ]);
    assert.equal(fixed(ID, text, undefined, "a/OWNERS"), "filters:\n  '.*':\n    reviewers:\n    - \"0755\"\n    - yes\n    -\n    - 0x1F\n");
  });

  it("ignores duplicates Prow drops: only the key Prow keeps is judged", () => {
    assert.deepEqual(findings(ID, "approvers: alice\napprovers: [bob]\n", "a/OWNERS"), []);
  });
});
