import { strict as assert } from "node:assert";
import { BUILTIN_TEMPLATE_TEXT } from "../../../server/src/engine/families/proposal/builtinTemplate";
import { builtinTemplate, parseTemplate, templateCandidates, templateFor } from "../../../server/src/engine/families/proposal/template";
import { lintDocument, memoryWorkspace, resolveConfig } from "../../../server/src/engine/index";
import { lint, lintRule, show } from "../../support/rule-tester";
import { GOOD, TEMPLATE, TEMPLATE_PATH, text } from "./support";

describe("proposal template", () => {
  it("the built-in template is llm-d's PROPOSAL_TEMPLATE.md, verbatim", () => {
    assert.equal(BUILTIN_TEMPLATE_TEXT, TEMPLATE);
  });

  it("reads sections, levels, nesting, optional marks, guidance and example stubs with remark", () => {
    const t = builtinTemplate();
    assert.equal(t.title, "Your short, descriptive title");
    assert.equal(t.relPath, undefined);
    assert.deepEqual(t.sections.map((s) => [s.name, s.level, s.parent === -1 ? "-" : t.sections[s.parent].name, s.optional]), [
      ["Summary", 2, "-", false], ["Motivation", 2, "-", false], ["Goals", 3, "Motivation", false], ["Non-Goals", 3, "Motivation", false],
      ["Proposal", 2, "-", false], ["User Stories", 3, "Proposal", true], ["Design Details", 2, "-", false], ["Alternatives", 2, "-", false],
    ]);
    assert.match(t.sections[0].guidance, /^<!--\nThis section is incredibly important[\s\S]*diff churn on\nupdates.\n-->$/);
    assert.match(t.sections[2].guidance, /^<!--\nList the specific goals/);
    assert.deepEqual(t.stubs.map((s) => [s.name, s.level]), [["Story 1", 4], ["Story 2", 4]]);
    assert.ok(t.stubs[0].pattern.test("story 7") && !t.stubs[0].pattern.test("story of the cache"));
  });

  it("inherits (Optional) and keeps headings inside code and comments out", () => {
    const t = parseTemplate("# T\n\n## Extras [optional]\n\n### Notes\n\n<!-- x -->\n\n```\n## Not a section\n```\n\n<!--\n## Nor this\n-->\n\n## Risks\n", "x/PROPOSAL_TEMPLATE.md");
    assert.deepEqual(t.sections.map((s) => [s.name, s.optional]), [["Extras", true], ["Notes", true], ["Risks", false]]);
    assert.equal(parseTemplate("", undefined).sections.length, 0);
    assert.equal(parseTemplate("no headings at all", undefined).title, undefined);
  });

  it("looks for the nearest template: the folder, then up the tree, with the proposal folders at each level", () => {
    assert.deepEqual(templateCandidates("docs/proposals/sub/x.md", ["docs/proposals", "proposals"]), [
      "docs/proposals/sub/PROPOSAL_TEMPLATE.md", "docs/proposals/PROPOSAL_TEMPLATE.md", "docs/PROPOSAL_TEMPLATE.md",
      "docs/docs/proposals/PROPOSAL_TEMPLATE.md", "PROPOSAL_TEMPLATE.md", "proposals/PROPOSAL_TEMPLATE.md",
    ]);
    const ws = memoryWorkspace({ "docs/proposals/PROPOSAL_TEMPLATE.md": "# T\n\n## Outer\n", "docs/proposals/team/PROPOSAL_TEMPLATE.md": "# T\n\n## Inner\n" });
    const at = (relPath: string) => templateFor({ document: { relPath, kind: "proposal", text: "" }, workspace: ws, settings: {} });
    assert.deepEqual(at("docs/proposals/team/x.md").sections.map((s) => s.name), ["Inner"]);
    assert.deepEqual(at("docs/proposals/x.md").sections.map((s) => s.name), ["Outer"]);
    assert.deepEqual(at("proposals/x.md").sections.map((s) => s.name), ["Outer"], "proposals/ finds docs/proposals/'s template");
    assert.equal(at("proposals/x.md").relPath, "docs/proposals/PROPOSAL_TEMPLATE.md");
    assert.equal(templateFor({ document: { relPath: "rfcs/x.md", kind: "proposal", text: "" }, workspace: memoryWorkspace({ "rfcs/PROPOSAL_TEMPLATE.md": "## Only\n" }), settings: { folders: ["rfcs"] } }).sections[0].name, "Only");
  });

  it("parses a template once per version of its text, and an edit to it changes every proposal's findings", () => {
    const files: Record<string, string> = { [TEMPLATE_PATH]: TEMPLATE, "docs/proposals/kv_routing.md": text(GOOD), "proposals/kv_routing_v2.md": text(GOOD) };
    const ws = memoryWorkspace(files);
    const config = resolveConfig({});
    const check = (relPath: string) => lintDocument({ document: { relPath, kind: "proposal", text: files[relPath] }, workspace: ws, config }).map((p) => `${p.ruleId} ${p.message}`);
    assert.deepEqual(check("docs/proposals/kv_routing.md"), []);
    const first = templateFor({ document: { relPath: "docs/proposals/kv_routing.md", kind: "proposal", text: "" }, workspace: ws, settings: {} });
    assert.equal(templateFor({ document: { relPath: "proposals/kv_routing_v2.md", kind: "proposal", text: "" }, workspace: ws, settings: {} }), first, "memoized");
    files[TEMPLATE_PATH] = TEMPLATE + "\n## Risks and Mitigations\n\n<!--\nWhat could go wrong?\n-->\n";
    const risks = `proposal/missing-section missing section "Risks and Mitigations" (## Risks and Mitigations in ${TEMPLATE_PATH}); it goes after "Alternatives"`;
    assert.deepEqual(check("docs/proposals/kv_routing.md"), [risks]);
    assert.deepEqual(check("proposals/kv_routing_v2.md"), [risks]);
    assert.notEqual(templateFor({ document: { relPath: "docs/proposals/kv_routing.md", kind: "proposal", text: "" }, workspace: ws, settings: {} }), first);
    // The reads are recorded, so a front end re-checks proposals when the template changes.
    ws.takeReads();
    check("proposals/kv_routing_v2.md");
    assert.ok(ws.takeReads().has(TEMPLATE_PATH));
  });

  it("a template with no sections asks for nothing, and says nothing is missing", () => {
    const c = { path: "docs/proposals/install_notes.md", text: "# Install notes\n\nRun the chart.\n", files: { [TEMPLATE_PATH]: "Write your proposal here.\n" } };
    assert.deepEqual(lint(c).map(show), []);
  });

  it("a template with Story stubs outside an optional section still treats them as stubs, not required sections", () => {
    const template = "# Title\n\n## Summary\n\n<!-- say it -->\n\n## Examples\n\n<!-- show it -->\n\n### Example 1\n";
    const c = { path: "docs/proposals/x_y.md", text: "# X\n\n## Summary\n\nS.\n\n## Examples\n\nE.\n\n### Example 1\n", files: { [TEMPLATE_PATH]: template } };
    assert.deepEqual(lintRule("proposal/missing-section", c).map(show), []);
    assert.deepEqual(lintRule("proposal/placeholder", c).map(show), [`proposal/placeholder 11:5-11:14 "Example 1" is the template's empty example heading; write the story under it or remove it`]);
  });
});
