import { strict as assert } from "node:assert";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { detectKind, lintDocument, memoryWorkspace, resolveConfig, type Problem } from "../../../server/src/engine/index";
import { proposalFamily } from "../../../server/src/engine/families/proposal/index";
import { TEMPLATE, repoRoot } from "./support";

describe("proposal examples (examples/docs/proposals, in the examples/ repository)", () => {
  const dir = join(repoRoot, "examples", "docs", "proposals");
  const files: Record<string, string> = {};
  for (const name of readdirSync(dir)) files[`docs/proposals/${name}`] = readFileSync(join(dir, name), "utf8");
  const config = resolveConfig();
  const ws = memoryWorkspace(files);
  const byFile = new Map<string, Problem[]>();
  for (const [relPath, text] of Object.entries(files)) {
    const kind = detectKind(relPath, config);
    if (kind === "proposal") byFile.set(relPath, lintDocument({ document: { relPath, kind, text }, workspace: ws, config }));
  }

  it("carry the reference template", () => {
    assert.equal(files["docs/proposals/PROPOSAL_TEMPLATE.md"], TEMPLATE);
  });

  it("show every proposal rule at least once", () => {
    const fired = new Set([...byFile.values()].flat().map((p) => p.ruleId));
    for (const r of proposalFamily.rules) assert.ok(fired.has(r.id), `no example shows ${r.id}`);
  });

  it("include a good proposal with no finding at all", () => {
    assert.deepEqual(byFile.get("docs/proposals/kv_cache_aware_routing.md"), []);
  });
});
