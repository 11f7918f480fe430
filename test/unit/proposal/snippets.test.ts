import { strict as assert } from "node:assert";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { builtinTemplate } from "../../../server/src/engine/families/proposal/template";
import { lint } from "../../support/rule-tester";
import { repoRoot } from "./support";

interface Snippet { prefix: string[]; body: string[]; description: string }
const snippets = JSON.parse(readFileSync(join(repoRoot, "snippets", "proposal.code-snippets"), "utf8")) as Record<string, Snippet>;

/** A snippet body as VS Code inserts it when every placeholder keeps its default. */
const expand = (body: string[]) => body.join("\n").replace(/\$\{\d+:((?:[^}\\]|\\.)*)\}/g, "$1").replace(/\$\d+/g, "").replace(/\\([$}\\])/g, "$1");
const headings = (text: string) => text.split("\n").filter((l) => /^#{1,6} /.test(l));

describe("proposal snippets", () => {
  it("the whole-proposal snippet has the template's headings, levels and order, and checks clean", () => {
    const whole = snippets["Proposal (llm-d template)"];
    assert.deepEqual(whole.prefix, ["proposal", "llm-d-proposal"]);
    const text = expand(whole.body);
    const t = builtinTemplate();
    assert.deepEqual(headings(text).slice(1), [...t.sections.map((s) => `${"#".repeat(s.level)} ${s.heading}`).slice(0, 6), "#### Story 1", ...t.sections.slice(6).map((s) => `${"#".repeat(s.level)} ${s.heading}`)]);
    assert.deepEqual(lint({ path: "docs/proposals/kv_cache_aware_routing.md", text }).map((p) => `${p.ruleId} ${p.message}`), []);
  });

  it("has one snippet per template section, starting with its heading", () => {
    for (const s of builtinTemplate().sections) {
      const name = `Proposal section: ${s.name}`;
      const snippet = snippets[name];
      assert.ok(snippet, name);
      assert.equal(expand(snippet.body).split("\n")[0], `${"#".repeat(s.level)} ${s.heading}`, name);
      assert.deepEqual(snippet.prefix, [`proposal-${s.name.toLowerCase().replace(/[^a-z]+/g, "-")}`], name);
      assert.ok(snippet.description.length > 20, name);
    }
    assert.equal(Object.keys(snippets).length, builtinTemplate().sections.length + 1);
    assert.deepEqual(headings(expand(snippets["Proposal section: Motivation"].body)), ["## Motivation", "### Goals", "### Non-Goals"]);
  });
});
