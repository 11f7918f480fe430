// The benchmark's workloads must be deterministic and of the advertised shape, or its figures
// mean nothing from one run to the next. (No timing here: timing stays in `npm run bench`.)
import { strict as assert } from "node:assert";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fixtures, Typist } from "../../../bench/lib/fixtures";
import { generateTree } from "../../../bench/lib/tree";
import { MD043_HEADINGS } from "../../../bench/lib/content";

describe("bench workloads", () => {
  it("the per-document fixtures are the same for a seed and have the advertised shape", () => {
    const a = fixtures(42), b = fixtures(42), c = fixtures(7);
    assert.deepEqual(a.docs.map((d) => d.text), b.docs.map((d) => d.text));
    assert.notEqual(a.docs[0].text, c.docs[0].text);
    const [proposal, owners, go] = a.docs;
    assert.equal(proposal.text.split("\n").length - 1, 3000);
    assert.ok(Math.abs(owners.text.split("\n").length - 41) <= 2, "a typical OWNERS is about 40 lines");
    assert.equal(go.text.split("\n").length - 1, 5000);
    assert.equal((go.text.match(/^\tfs\.\w+Var\(/gm) ?? []).length, 200, "200 flag declarations");
  });

  it("typing changes the text one character at a time and never repeats a version", () => {
    const fx = fixtures(42).docs[1];
    const t = new Typist(fx, 1);
    const seen = new Set([fx.text]);
    for (let i = 0; i < 200; i++) {
      const before = t.text().length;
      const k = t.next();
      assert.equal(Math.abs(t.text().length - before), 1);
      assert.equal(k.insert.length + k.deleteCount, 1);
      assert.ok(!seen.has(t.text()), `version ${i} repeats an earlier text`);
      seen.add(t.text());
    }
  });

  it("the tree is the same for a seed: files, bytes and contents", () => {
    const dir = mkdtempSync(join(tmpdir(), "bench-tree-"));
    try {
      const one = generateTree(join(dir, "a"), 0.004, 3);
      const two = generateTree(join(dir, "b"), 0.004, 3);
      assert.equal(one.files, two.files);
      assert.equal(one.bytes, two.bytes);
      assert.deepEqual(one.byKind, two.byKind);
      assert.ok(one.byKind.owners.files >= 10 && one.byKind.proposal.files >= 20 && one.byKind.go.files > 0);
      assert.equal(readFileSync(join(dir, "a", "OWNERS_ALIASES"), "utf8"), readFileSync(join(dir, "b", "OWNERS_ALIASES"), "utf8"));
      assert.match(readFileSync(join(dir, "a", ".gitignore"), "utf8"), /^\/_output\/$/m);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("MD043 is given the template's required headings in order", () => {
    const named = MD043_HEADINGS.filter((h) => h !== "*");
    assert.deepEqual(named, ["## Summary", "## Motivation", "### Goals", "### Non-Goals", "## Proposal", "## Design Details", "## Alternatives"]);
  });
});
