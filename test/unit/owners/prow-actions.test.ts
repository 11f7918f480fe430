/**
 * owners/prow-actions-ignored: where /approve and /lgtm are llm-d's prow-github-actions, which
 * reads only the root OWNERS, as plain YAML (prow-actions.ts).
 */
import { strict as assert } from "node:assert";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { approvedByActions } from "../../../server/src/engine/families/owners/prow-actions";
import { memoryWorkspace } from "../../../server/src/engine/index";
import { findings, fixTitles } from "./support";
import { lintRule, applyFix } from "../../support/rule-tester";

const ID = "owners/prow-actions-ignored";
const CALLER = { ".github/workflows/prow-github.yaml": "on:\n  issue_comment:\n    types: [created]\njobs:\n  prow:\n    uses: llm-d/llm-d-infra/.github/workflows/reusable-prow-commands.yaml@main\n" };
const COPIED = { ".github/workflows/prow.yml": "jobs:\n  execute:\n    steps:\n      - uses: jpmcb/prow-github-actions@v2.0.0\n" };
const ALIASES = "aliases:\n  sched-maintainers:\n    - alice\n    - bob\n";
const corpus = join(__dirname, "..", "..", "..", "..", "shared", "corpus", "owners");
const real = (file: string) => readFileSync(join(corpus, file), "utf8");

describe("owners/prow-actions-ignored", () => {
  it("knows the action from the caller of llm-d-infra's reusable workflow or a copy of it, or from the setting", () => {
    assert.equal(approvedByActions(memoryWorkspace({ ...CALLER }), undefined), true);
    assert.equal(approvedByActions(memoryWorkspace({ ...COPIED }), undefined), true);
    assert.equal(approvedByActions(memoryWorkspace({ ".github/workflows/ci.yaml": "jobs: {}\n", "docs/prow.yml": "uses: jpmcb/prow-github-actions@v2\n" }), undefined), false);
    assert.equal(approvedByActions(memoryWorkspace({ ...CALLER }), false), false);
    assert.equal(approvedByActions(memoryWorkspace({}), true), true);
  });

  it("says nothing without the action, whatever the OWNERS files hold (Prow reads them all)", () => {
    assert.deepEqual(findings(ID, "approvers:\n- sched-maintainers\n", "OWNERS", { OWNERS_ALIASES: ALIASES }), []);
    assert.deepEqual(findings(ID, "approvers:\n- carol\n", "pkg/OWNERS", { OWNERS: "approvers:\n- alice\n" }), []);
  });

  it("accepts a root OWNERS of logins, and OWNERS below it that list only root approvers and reviewers", () => {
    const root = "approvers:\n- alice\n- Bob\nreviewers:\n- carol\n";
    assert.deepEqual(findings(ID, root, "OWNERS", { ...CALLER, OWNERS_ALIASES: ALIASES }), []);
    assert.deepEqual(findings(ID, "approvers:\n- bob\nreviewers:\n- carol\nlabels:\n- area/x\n", "pkg/OWNERS", { ...CALLER, OWNERS: root }), []);
  });

  it("reports the aliases of llm-d-router's root OWNERS when it took up the action (317bb3addc), not after they were inlined (48b87e7652)", () => {
    const files = { ...CALLER, OWNERS_ALIASES: real("llm-d__llm-d-router@317bb3addc__OWNERS_ALIASES") };
    const at = (line: number, alias: string, command: string) =>
      `warning ${ID} ${line}:3-${line}:${3 + alias.length} \`${alias}\` is an alias, but llm-d's ${command} (prow-github-actions) does not read OWNERS_ALIASES: it compares each name here with the commenter's login, so the alias's 6 members cannot ${command}; list them here`;
    assert.deepEqual(findings(ID, real("llm-d__llm-d-router@317bb3addc__OWNERS"), "OWNERS", files), [
      at(2, "llm-d-inference-scheduler-maintainers", "/approve"), at(5, "llm-d-inference-scheduler-reviewers", "/lgtm"),
    ]);
    assert.deepEqual(findings(ID, real("llm-d__llm-d-router@48b87e7652__OWNERS"), "OWNERS", files), []);
  });

  it("offers to list an alias's members in its place, not as a safe fix", () => {
    const text = "approvers:\n  - sched-maintainers # core\n  - carol\n";
    const files = { ...CALLER, OWNERS_ALIASES: ALIASES };
    assert.deepEqual(fixTitles(ID, text, "OWNERS", files), ["List the members of sched-maintainers here"]);
    const p = lintRule(ID, { path: "OWNERS", text, files })[0];
    assert.equal(applyFix(text, p.fixes![0]), "approvers:\n  - alice # core\n  - bob\n  - carol\n");
    assert.deepEqual(fixTitles(ID, "approvers: [sched-maintainers]\n", "OWNERS", files), []);
  });

  it("reports people listed only inside the root's filters", () => {
    const text = "filters:\n  '.*':\n    approvers:\n    - alice\n  '\\.go$':\n    reviewers:\n    - dave\n";
    assert.deepEqual(findings(ID, text, "OWNERS", { ...COPIED }), [
      `warning ${ID} 1:1-1:8 llm-d's /approve and /lgtm (prow-github-actions) read only the top-level approvers and reviewers of the root OWNERS, so \`alice\`, \`dave\`, listed only inside these filters, cannot use them`,
    ]);
  });

  it("reports the approvers and reviewers of an OWNERS below the root whom the root does not list (llm-d-inference-scheduler)", () => {
    const path = "pkg/epp/framework/plugins/scheduling/scorer/latency/OWNERS";
    const files = { ...CALLER, OWNERS: real("llm-d__llm-d-inference-scheduler__OWNERS") };
    assert.deepEqual(findings(ID, real("llm-d__llm-d-inference-scheduler__pkg__epp__framework__plugins__scheduling__scorer__latency__OWNERS"), path, files), [
      `warning ${ID} 3:1-3:10 llm-d's /approve (prow-github-actions) reads only the root OWNERS, whose approvers do not include \`kaushikmitr\`: this person cannot /approve; add the login to the root OWNERS to give that right`,
    ]);
    const many = "reviewers:\n- a1\n- a2\n- a3\n- a4\n- a5\n- a6\n- a6\n";
    assert.deepEqual(findings(ID, many, "pkg/OWNERS", { ...CALLER, OWNERS: "approvers:\n- x\n" }), [
      `warning ${ID} 1:1-1:10 llm-d's /lgtm (prow-github-actions) reads only the root OWNERS, whose reviewers do not include \`a1\`, \`a2\`, \`a3\`, \`a4\`, \`a5\` and 1 more: they cannot /lgtm; add them to the root OWNERS to give that right`,
    ]);
  });
});
