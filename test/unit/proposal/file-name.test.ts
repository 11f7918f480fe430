import { strict as assert } from "node:assert";
import { lintRule, show } from "../../support/rule-tester";
import { proposalFamily } from "../../../server/src/engine/families/proposal/index";
import { analyzeOutline } from "../../../server/src/engine/families/proposal/parse";
import { scanOutline } from "../../../server/src/engine/families/proposal/scan";
import { builtinTemplate } from "../../../server/src/engine/families/proposal/template";
import { memoryWorkspace } from "../../../server/src/engine/index";
import { GOOD, proposalCase, text, variant } from "./support";

const ID = "proposal/file-name";
const shown = (name: string, body = text(GOOD)) => lintRule(ID, proposalCase(body, name)).map(show);
const GENERIC = "a generic name that says nothing about the proposal";

describe("proposal/file-name", () => {
  it("accepts descriptive snake_case and kebab-case names, numbered or not", () => {
    for (const name of ["kv_cache_aware_routing.md", "kv-cache-aware-routing.md", "0602-prefix-cache-aware-routing-proposal.md", "llm-d.md", "proposal-for-lora-preloading.md"]) {
      assert.deepEqual(shown(name), [], name);
    }
  });

  it("reports a generic name and renames the file after the title, in snake_case", () => {
    const [p] = lintRule(ID, proposalCase(text(GOOD), "draft2.md"));
    assert.equal(show(p), `${ID} 1:3-1:25 file name "draft2.md" is not descriptive (${GENERIC}); rename it after its title, e.g. "kv_cache_aware_routing.md"`);
    assert.equal(p.severity, "warning");
    assert.deepEqual(p.fixes, [{ title: "Rename the file to kv_cache_aware_routing.md", edits: [], renameTo: "docs/proposals/kv_cache_aware_routing.md", isPreferred: true }]);
    // After the rename the finding is gone.
    assert.deepEqual(lintRule(ID, proposalCase(text(GOOD), "kv_cache_aware_routing.md")), []);
    for (const name of ["proposal.md", "untitled.md", "new-proposal.md", "Untitled-1.md", "my_proposal_v2.md", "2024.md"]) {
      assert.match(shown(name)[0] ?? "", new RegExp(`\\(${GENERIC}`), name);
    }
  });

  it("reports spaces and upper case", () => {
    assert.deepEqual(shown("KV Cache Routing.md"), [`${ID} 1:3-1:25 file name "KV Cache Routing.md" is not descriptive (spaces, upper case); rename it after its title, e.g. "kv_cache_aware_routing.md"`]);
    assert.deepEqual(shown("KV-Cache-Routing.md"), [`${ID} 1:3-1:25 file name "KV-Cache-Routing.md" is not descriptive (upper case); rename it after its title, e.g. "kv_cache_aware_routing.md"`]);
    assert.deepEqual(shown("My Proposal.md"), [`${ID} 1:3-1:25 file name "My Proposal.md" is not descriptive (${GENERIC}, spaces, upper case); rename it after its title, e.g. "kv_cache_aware_routing.md"`]);
  });

  it("drops the Proposal: prefix of the title, and offers no rename onto an existing file", () => {
    const body = variant({ set: { 1: "# Proposal: Disaggregated Serving" } });
    const [p] = lintRule(ID, proposalCase(body, "proposal.md", { files: { "docs/proposals/disaggregated_serving.md": "# taken\n" } }));
    assert.equal(p.message, `file name "proposal.md" is not descriptive (${GENERIC}); rename it after its title, e.g. "disaggregated_serving.md"`);
    assert.deepEqual(p.fixes, []);
  });

  it("suggests no name while the title is still the template's placeholder", () => {
    assert.deepEqual(shown("draft.md", variant({ set: { 1: "# Your short, descriptive title" } })), [
      `${ID} 1:3-1:32 file name "draft.md" is not descriptive (${GENERIC}); give it a descriptive snake_case or kebab-case name`,
    ]);
  });

  it("leaves a README.md named by its proposal's folder (NNN-name/README.md) alone", () => {
    const doc = { relPath: "docs/proposals/043-model-selection/README.md", kind: "proposal" as const, text: text(GOOD) };
    const parsed = analyzeOutline(doc, scanOutline(doc.text), builtinTemplate());
    const rule = proposalFamily.rules.find((r) => r.id === ID)!;
    assert.deepEqual(rule.check(parsed, { document: doc, workspace: memoryWorkspace({}), host: {}, settings: {}, options: {} }), []);
  });
});
