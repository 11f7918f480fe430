import { strict as assert } from "node:assert";
import { lintRule, roundTrip, show } from "../../support/rule-tester";

const ID = "owners/unknown-key";
const run = (text: string, path = "OWNERS", config?: Record<string, unknown>) =>
  lintRule(ID, { path, text, config }).map((p) => `${p.severity} ${show(p)}`);

describe("owners/unknown-key", () => {
  it("accepts every key Prow reads, llm-d's own keys and declared extra keys", () => {
    assert.deepEqual(run("approvers: [a]\nreviewers: [b]\nrequired_reviewers: [c]\nlabels: [x]\noptions:\n  no_parent_owners: true\n  auto_approve_unowned_subfolders: false\n"), []);
    assert.deepEqual(run("approvers: [a]\nauto-assign:\n- b\nemeritus:\n- c\n"), []);
    assert.deepEqual(run("approvers: [a]\nmaintainers: [b]\n", "OWNERS", { owners: { extraKeys: ["maintainers"] } }), []);
    assert.deepEqual(run("filters:\n  '.*':\n    approvers: [a]\n    labels: [x]\n"), []);
    assert.deepEqual(run("aliases:\n  team: [a]\n", "OWNERS_ALIASES"), []);
  });

  it("leaves case variants to owners/case-insensitive-key", () => {
    assert.deepEqual(run("Approvers: [a]\n"), []);
  });

  it("suggests the key a typo meant, as an error when people are dropped (test-infra@05ee7ee5d4)", () => {
    const text = "approvers:\n- a\nreviwers:\n- b\n- c\n";
    assert.deepEqual(run(text), [`error ${ID} 3:1-3:9 \`reviwers\` is not a key Prow reads, so Prow ignores its 2 entries; did you mean \`reviewers\`?`]);
    assert.equal(roundTrip(ID, { path: "OWNERS", text }), "approvers:\n- a\nreviewers:\n- b\n- c\n");
    assert.equal(lintRule(ID, { path: "OWNERS", text })[0].fixes?.[0].safe, true);
  });

  it("does not mark a rename safe when the key it would become already exists", () => {
    const fix = lintRule(ID, { path: "OWNERS", text: "reviewers: [a]\nreviwers: [b]\n" })[0].fixes?.[0];
    assert.equal(fix?.title, "Rename to reviewers");
    assert.equal(fix?.safe, undefined);
  });

  it("says no_parent_owners belongs under options and moves it there (test-infra@b022ff5c16)", () => {
    const text = "approvers:\n- a\nno_parent_owners: true\n";
    assert.deepEqual(run(text), [`error ${ID} 3:1-3:17 \`no_parent_owners\` belongs under \`options:\`; at the top level Prow ignores it, so the parent directories' OWNERS still apply`]);
    assert.equal(roundTrip(ID, { path: "OWNERS", text }), "approvers:\n- a\noptions:\n  no_parent_owners: true\n");
    const withOptions = "options:\n  auto_approve_unowned_subfolders: true\napprovers:\n- a\nno_parent_owners: true\n";
    assert.equal(roundTrip(ID, { path: "OWNERS", text: withOptions }), "options:\n  auto_approve_unowned_subfolders: true\n  no_parent_owners: true\napprovers:\n- a\n");
  });

  it("reports documented-but-unread keys as info", () => {
    assert.deepEqual(run("approvers: [a]\nemeritus_approvers: [b]\nsecurity_contacts:\n- github: a\n"), [
      `info ${ID} 2:1-2:19 Prow does not read \`emeritus_approvers\`: it only records former approvers for people to read (a kubernetes/community convention); they have no rights`,
      `info ${ID} 3:1-3:18 Prow does not read \`security_contacts\`: it only tells people whom to contact about security (a kubernetes/community convention)`,
    ]);
  });

  it("explains the legacy assignees key and offers to rename it", () => {
    const text = "assignees:\n- a\n";
    assert.deepEqual(run(text), [`warning ${ID} 1:1-1:10 \`assignees\` is the pre-2017 OWNERS format, which Prow no longer reads; list these people under \`approvers\` and/or \`reviewers\``]);
    assert.equal(roundTrip(ID, { path: "OWNERS", text }), "approvers:\n- a\n");
  });

  it("warns about a key nothing resembles", () => {
    assert.deepEqual(run("approvers: [a]\nmaintainers: [b]\n"), [`warning ${ID} 2:1-2:12 Prow ignores the key \`maintainers\` (it reads approvers, reviewers, required_reviewers, labels, options and filters); if a tool of yours reads it, list it under owners.extraKeys in .llm-d-contrib.yaml`]);
  });

  it("checks keys inside options and inside filters", () => {
    const text = "approvers: [a]\noptions:\n  no_parent_owner: true\n";
    assert.deepEqual(run(text), [`error ${ID} 3:3-3:18 Prow ignores the option \`no_parent_owner\`, so the parent directories' OWNERS still apply; did you mean \`no_parent_owners\`?`]);
    assert.equal(roundTrip(ID, { path: "OWNERS", text }), "approvers: [a]\noptions:\n  no_parent_owners: true\n");
    const filters = "filters:\n  '.*':\n    reviwers: [x]\n    options: {}\n    emeritus_approvers: [y]\n";
    assert.deepEqual(run(filters), [
      `error ${ID} 3:5-3:13 \`reviwers\` is not a key Prow reads in a filter, so Prow ignores its 1 entry; did you mean \`reviewers\`?`,
      `warning ${ID} 4:5-4:12 Prow ignores \`options\` inside a filter; options apply to the whole directory, so put them in the top-level \`options:\``,
      `info ${ID} 5:5-5:23 Prow does not read \`emeritus_approvers\`: it only records former approvers for people to read (a kubernetes/community convention); they have no rights`,
    ]);
  });

  it("checks the top level of OWNERS_ALIASES", () => {
    assert.deepEqual(run("aliases:\n  t: [a]\nalias:\n  u: [b]\n", "OWNERS_ALIASES"), [`warning ${ID} 3:1-3:6 Prow ignores the key \`alias\`; did you mean \`aliases\`?`]);
  });

  it("says nothing about a file Prow cannot parse (owners/yaml-syntax does)", () => {
    assert.deepEqual(run("reviwers:\n\t- a\n"), []);
  });

  it("is at most a hint in directories Prow never reads", () => {
    assert.deepEqual(run("approvers: [a]\nreviwers: [b]\n", "vendor/k8s.io/api/OWNERS").map((s) => s.split(" ")[0]), ["hint"]);
  });
});
