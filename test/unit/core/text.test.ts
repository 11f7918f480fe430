import { strict as assert } from "node:assert";
import { LineIndex, closest, comparePositions, contains, editDistance, range } from "../../../server/src/engine/text";

describe("LineIndex", () => {
  const text = "ab\r\ncd\n\néf🙂\nlast";
  const idx = new LineIndex(text);

  it("counts lines and gives line text without the break", () => {
    assert.equal(idx.lineCount, 5);
    assert.deepEqual([0, 1, 2, 3, 4].map((l) => idx.lineText(l)), ["ab", "cd", "", "éf🙂", "last"]);
    assert.equal(new LineIndex("").lineCount, 1);
    assert.equal(new LineIndex("x\n").lineCount, 2);
  });

  it("positionAt and offsetAt are inverse on every offset that is not inside a CRLF", () => {
    for (let o = 0; o <= text.length; o++) {
      const p = idx.positionAt(o);
      if (text[o - 1] === "\r") continue; // between \r and \n: offsetAt clamps to the line end
      assert.equal(idx.offsetAt(p), o, `offset ${o} → ${JSON.stringify(p)}`);
    }
    assert.deepEqual(idx.positionAt(4), { line: 1, character: 0 });
    assert.deepEqual(idx.positionAt(text.indexOf("🙂") + 2), { line: 3, character: 4 }, "UTF-16 code units");
  });

  it("clamps positions outside the text", () => {
    assert.deepEqual(idx.positionAt(-5), { line: 0, character: 0 });
    assert.deepEqual(idx.positionAt(1e9), { line: 4, character: 4 });
    assert.equal(idx.offsetAt({ line: 0, character: 99 }), 2, "past the end of a CRLF line: before \\r");
    assert.equal(idx.offsetAt({ line: 99, character: 0 }), text.length);
    assert.equal(idx.offsetAt({ line: -1, character: 3 }), 0);
  });

  it("positionOnLine equals positionAt for every offset, whatever line it is told", () => {
    for (let o = -1; o <= text.length + 1; o++) {
      for (let hint = -1; hint <= idx.lineCount; hint++) {
        assert.deepEqual(idx.positionOnLine(o, hint), idx.positionAt(o), `offset ${o}, line ${hint}`);
      }
    }
  });

  it("ranges", () => {
    assert.deepEqual(idx.range(5, 9), range(1, 1, 3, 1));
    assert.deepEqual(idx.lineRange(0), range(0, 0, 0, 2));
    assert.deepEqual(idx.lineRange(3), range(3, 0, 3, 4));
  });
});

describe("positions and words", () => {
  it("comparePositions and contains (ends included)", () => {
    assert.ok(comparePositions({ line: 1, character: 0 }, { line: 0, character: 9 }) > 0);
    assert.equal(comparePositions({ line: 2, character: 3 }, { line: 2, character: 3 }), 0);
    const r = range(1, 2, 3, 4);
    assert.ok(contains(r, { line: 1, character: 2 }));
    assert.ok(contains(r, { line: 3, character: 4 }));
    assert.ok(!contains(r, { line: 3, character: 5 }));
    assert.ok(!contains(r, { line: 1, character: 1 }));
  });

  it("editDistance, bounded", () => {
    assert.equal(editDistance("reviwers", "reviewers"), 1);
    assert.equal(editDistance("kitten", "sitting"), 3);
    assert.equal(editDistance("", "abc"), 3);
    assert.equal(editDistance("abc", "abc"), 0);
    assert.equal(editDistance("abcdef", "uvwxyz", 2), 3, "max+1 once over the bound");
    assert.equal(editDistance("a", "abcdefg", 2), 3);
  });

  it("closest: within max edits, case-insensitive, first of equals", () => {
    const keys = ["approvers", "reviewers", "labels", "options"];
    assert.equal(closest("reviwers", keys), "reviewers");
    assert.equal(closest("APPROVERS", keys), "approvers");
    assert.equal(closest("nothing", keys), undefined);
    assert.equal(closest("ab", ["ax", "ay"], 1), "ax");
  });
});
