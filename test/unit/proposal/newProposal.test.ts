import { strict as assert } from "node:assert";
import { BUILTIN_TEMPLATE_TEXT } from "../../../server/src/engine/families/proposal/builtinTemplate";
import { chooseProposalFolder, fillTemplate, planNewProposal, proposalFileName } from "../../../server/src/engine/families/proposal/newProposal";
import { snakeName } from "../../../server/src/engine/families/proposal/names";
import { lint, show } from "../../support/rule-tester";
import { TEMPLATE } from "./support";

/** A repository as the command sees it: files by path; folders are the paths' prefixes. */
function repo(files: Record<string, string>) {
  const folders = new Set<string>();
  for (const p of Object.keys(files)) for (let i = p.indexOf("/"); i !== -1; i = p.indexOf("/", i + 1)) folders.add(p.slice(0, i));
  return {
    isFolder: (rel: string) => folders.has(rel),
    readFile: (rel: string) => files[rel],
    list: (rel: string) => Object.keys(files).filter((p) => p.startsWith(rel + "/") && !p.slice(rel.length + 1).includes("/")).map((p) => p.slice(rel.length + 1)),
  };
}
const FOLDERS = ["docs/proposals", "proposals"];

describe("New Proposal (pure part)", () => {
  it("names the file after the title in snake_case, as CONTRIBUTING.md's example", () => {
    assert.equal(snakeName("Disaggregated Serving"), "disaggregated_serving");
    assert.equal(snakeName("Proposal: KV-cache aware routing (v2)"), "kv_cache_aware_routing_v2");
    assert.equal(snakeName("Über-fast Prefill — Décode"), "uber_fast_prefill_decode");
    assert.equal(snakeName("!!!"), "");
    assert.equal(snakeName("a ".repeat(50)).length <= 60, true);
    assert.equal(proposalFileName("Disaggregated Serving"), "disaggregated_serving.md");
    assert.equal(proposalFileName("Disaggregated Serving", ["PROPOSAL_TEMPLATE.md", "README.md", "prefix_cache.md"]), "disaggregated_serving.md");
  });

  it("follows the folder's kebab-case when most of its proposals use it", () => {
    assert.equal(proposalFileName("Disaggregated Serving", ["llm-d-async.md", "batch-gateway.md", "kv_events.md", "PROPOSAL_TEMPLATE.md"]), "disaggregated-serving.md");
  });

  it("picks the proposal folder that exists (the one with the template first), else the first configured", () => {
    const only = (...present: string[]) => (rel: string) => present.includes(rel);
    assert.equal(chooseProposalFolder(FOLDERS, only("proposals"), only()), "proposals");
    assert.equal(chooseProposalFolder(FOLDERS, only("docs/proposals", "proposals"), only("proposals/PROPOSAL_TEMPLATE.md")), "proposals");
    assert.equal(chooseProposalFolder(FOLDERS, only("docs/proposals", "proposals"), only()), "docs/proposals");
    assert.equal(chooseProposalFolder(FOLDERS, only(), only()), "docs/proposals");
    assert.equal(chooseProposalFolder(["rfcs"], only(), only()), "rfcs");
  });

  it("fills the title into the template and drops the note to template users before it", () => {
    const filled = fillTemplate(TEMPLATE, "Disaggregated Serving");
    assert.ok(filled.startsWith("# Disaggregated Serving\n\n## Summary\n\n<!--\nThis section is incredibly important"), filled.slice(0, 80));
    assert.equal(filled, TEMPLATE.slice(TEMPLATE.indexOf("# Your short")).replace("# Your short, descriptive title", "# Disaggregated Serving"));
    assert.equal(fillTemplate("Intro text.\n# T\n\n## A\n", "New"), "Intro text.\n# New\n\n## A\n");
    assert.equal(fillTemplate("## A\n", "  New   title "), "# New title\n\n## A\n");
  });

  it("plans the file from the repository's template, in the folder that exists", () => {
    const custom = "# Title here\n\n## Summary\n\n## Risks\n";
    const plan = planNewProposal({ title: "Disaggregated Serving", folders: FOLDERS, ...repo({ "proposals/PROPOSAL_TEMPLATE.md": custom, "proposals/kv_events.md": "# x\n" }) });
    assert.deepEqual(plan, { relPath: "proposals/disaggregated_serving.md", content: "# Disaggregated Serving\n\n## Summary\n\n## Risks\n", templatePath: "proposals/PROPOSAL_TEMPLATE.md" });
  });

  it("falls back to llm-d's built-in template and the default folder", () => {
    const plan = planNewProposal({ title: "Disaggregated Serving", folders: FOLDERS, ...repo({ "README.md": "# repo\n" }) });
    assert.ok(!("error" in plan));
    assert.equal(plan.relPath, "docs/proposals/disaggregated_serving.md");
    assert.equal(plan.templatePath, undefined);
    assert.equal(plan.content, fillTemplate(BUILTIN_TEMPLATE_TEXT, "Disaggregated Serving"));
  });

  it("refuses to overwrite an existing file, and a title with nothing to name a file after", () => {
    const files = { "docs/proposals/disaggregated_serving.md": "# mine\n" };
    assert.deepEqual(planNewProposal({ title: "Disaggregated Serving", folders: FOLDERS, ...repo(files) }),
      { error: "docs/proposals/disaggregated_serving.md already exists; it was left as it is. Choose another title." });
    assert.deepEqual(planNewProposal({ title: "???", folders: FOLDERS, ...repo({}) }), { error: "The title needs letters or digits to name the file after." });
  });

  it("creates a proposal the checker finds complete: what is left is the writing", () => {
    const plan = planNewProposal({ title: "Disaggregated Serving", folders: FOLDERS, ...repo({}) });
    assert.ok(!("error" in plan));
    const problems = lint({ path: plan.relPath, text: plan.content });
    assert.deepEqual(problems.map((p) => `${p.ruleId} ${p.message.split(";")[0]}`), [
      'proposal/empty-section section "Summary" still holds only the template\'s guidance comment (it does not render)',
      'proposal/empty-section section "Goals" still holds only the template\'s guidance comment (it does not render)',
      'proposal/empty-section section "Non-Goals" still holds only the template\'s guidance comment (it does not render)',
      'proposal/placeholder "Story 1" is the template\'s empty example heading',
      'proposal/placeholder "Story 2" is the template\'s empty example heading',
      'proposal/empty-section section "Design Details" still holds only the template\'s guidance comment (it does not render)',
      'proposal/empty-section section "Alternatives" still holds only the template\'s guidance comment (it does not render)',
    ]);
  });
});
