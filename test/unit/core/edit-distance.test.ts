// editDistance was rewritten for speed (typed rows, no per-row arrays): it must answer exactly
// what the textbook definition answers, bounded or not, on any strings.
import { strict as assert } from "node:assert";
import fc from "fast-check";
import { editDistance } from "../../../server/src/engine/text";

function reference(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
  }
  return d[a.length][b.length];
}

describe("editDistance against the textbook definition", () => {
  const word = fc.string({ unit: fc.constantFrom("a", "b", "c", "-", "é", "🙂"), maxLength: 12 });

  it("equals it when unbounded", () => {
    fc.assert(fc.property(word, word, (a, b) => editDistance(a, b) === reference(a, b)));
  });

  it("equals it within the bound and says more than max past it", () => {
    fc.assert(fc.property(word, word, fc.integer({ min: 0, max: 4 }), (a, b, max) => {
      const r = reference(a, b);
      const d = editDistance(a, b, max);
      if (r <= max) assert.equal(d, r);
      else assert.ok(d > max, `${d} for a distance of ${r} over the bound ${max}`);
    }));
  });

  it("is unaffected by a longer string before it (the rows are reused)", () => {
    assert.equal(editDistance("x".repeat(200), "y".repeat(200)), 200);
    assert.equal(editDistance("reviwers", "reviewers"), 1);
  });
});
