import { strict as assert } from "node:assert";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { unified } from "unified";
import remarkParse from "remark-parse";
import remarkGfm from "remark-gfm";
import type { Root, RootContent } from "mdast";
import { inlineText, scanOutline } from "../../../server/src/engine/families/proposal/scan";
import { TEMPLATE, corpusDir } from "./support";

const outline = (md: string) => scanOutline(md).headings.map((h) => `${h.line + 1}:${h.level}:${h.text}`);

/** A heading's text as remark has it (raw HTML left out, images by their alt text). */
function plain(n: RootContent): string {
  if (n.type === "text" || n.type === "inlineCode") return n.value;
  if (n.type === "image" || n.type === "imageReference") return n.alt ?? "";
  if (n.type === "break") return " ";
  return "children" in n ? (n.children as RootContent[]).map(plain).join("") : "";
}

describe("proposal outline scanner", () => {
  it("finds ATX and setext headings with their levels and plain text", () => {
    assert.deepEqual(outline("# Title #\n\nSome text\n===\n\n## **Design** `Details` ##\n\nText\n---\n\n   ### [Linked](https://x.y) head\n#5 not a heading\n"), [
      "1:1:Title", "3:1:Some text", "6:2:Design Details", "8:2:Text", "11:3:Linked head",
    ]);
  });

  it("skips code fences, indented code, HTML comments and blocks, block quotes and list items", () => {
    const md = [
      "```yaml", "# Step 1: validate the JWT", "```",
      "~~~~", "## not this", "~~~", "## still code", "~~~~",
      "    # indented code",
      "<!--", "## Guidance", "-->",
      "<details>", "## inside html", "",
      "> ## quoted",
      "- ## in a list item",
      "1. Step", "   # comment in the item",
      "## Real",
    ].join("\n");
    assert.deepEqual(outline(md), ["20:2:Real"]);
  });

  it("ends a fence held by a list item when a line leaves the item", () => {
    assert.deepEqual(outline("- run:\n  ```yaml\n# Step 1\n  ```\n"), ["3:1:Step 1"]);
  });

  it("does not take a --- under a list, a table or a quote for a setext heading", () => {
    assert.deepEqual(outline("- item\n---\n\n| a | b |\n|---|---|\n| 1 | 2 |\n---\n\n> quote\n---\n"), []);
  });

  it("skips YAML front matter at the top only", () => {
    assert.deepEqual(outline("---\ntitle: KEP\n# not a heading\n---\n# Title\n"), ["5:1:Title"]);
    assert.equal(scanOutline("---\ntitle: x\n---\n# T").bodyStart, 3);
    assert.equal(scanOutline("text\n---\n").bodyStart, 0);
  });

  it("tells whether a section has rendered content, and keeps its comments", () => {
    const o = scanOutline("# T\n\n## A\n\n<!-- guidance -->\n\n## B\n\n```\ncode\n```\n## C\n<!--\nmulti\n-->\n### D\n\ntext\n");
    assert.deepEqual(o.headings.map((h) => [h.text, h.hasContent, h.comments]), [
      ["T", false, []], ["A", false, ["<!-- guidance -->"]], ["B", true, []], ["C", false, ["<!--\nmulti\n-->"]], ["D", true, []],
    ]);
  });

  it("says what is left open at the end, and how to close it", () => {
    assert.equal(scanOutline("# T\n\ntext\n").closeAtEnd, "");
    assert.equal(scanOutline("# T\n\n~~~~python\nx = 1\n").closeAtEnd, "~~~~");
    assert.equal(scanOutline("- item\n  ```\n  code\n").closeAtEnd, "  ```");
    assert.equal(scanOutline("# T\n<!-- unfinished\n").closeAtEnd, "-->");
    assert.equal(scanOutline("# T\n<details>\nx\n").closeAtEnd, "", "a blank line closes it");
    assert.equal(scanOutline("# T\n<pre>\nx\n").closeAtEnd, undefined);
  });

  it("makes inline markup plain", () => {
    assert.equal(inlineText("**Bold** and _em_ `code` [link](u) ![alt](i) <br/> &amp; \\#"), "Bold and em code link alt & #");
    assert.equal(inlineText("snake_case_name and a*b*c"), "snake_case_name and abc");
    assert.equal(inlineText("[ref] and [def]", new Set(["def"])), "[ref] and def");
  });

  it("finds the same top-level headings as remark + remark-gfm in every corpus file and the template", function () {
    this.timeout(300_000); // remark reads 2.6 MB here: ~12 s of CPU, far more on a loaded machine
    const parser = unified().use(remarkParse).use(remarkGfm);
    const files = readdirSync(corpusDir).filter((f) => f !== "MANIFEST.tsv");
    assert.equal(files.length, 128);
    let headings = 0;
    const inputs: [string, string][] = [...files.map((f): [string, string] => [f, readFileSync(join(corpusDir, f), "utf8")]), ["reference PROPOSAL_TEMPLATE.md", TEMPLATE]];
    for (const [f, text] of inputs) {
      const scanned = scanOutline(text);
      // Front matter is skipped by design; remark (without remark-frontmatter) gets blank lines there.
      const body = text.split("\n").map((l, i) => (i < scanned.bodyStart ? "" : l)).join("\n");
      const tree = parser.parse(body) as Root;
      const expected = tree.children.filter((c) => c.type === "heading").map((h) =>
        `${h.position!.start.line}:${(h as { depth: number }).depth}:${plain(h).replace(/\s+/g, " ").trim()}`);
      assert.deepEqual(outline(text), expected, f);
      headings += expected.length;
    }
    assert.ok(headings > 3000, `${headings} headings`);
    const t = scanOutline(TEMPLATE).headings.map((h) => h.text);
    assert.deepEqual(t, ["Your short, descriptive title", "Summary", "Motivation", "Goals", "Non-Goals", "Proposal", "User Stories (Optional)", "Story 1", "Story 2", "Design Details", "Alternatives"]);
  });
});
