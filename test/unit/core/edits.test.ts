import { strict as assert } from "node:assert";
import { applyEdits, memoryWorkspace, Workspace } from "../../../server/src/engine/index";
import { range } from "../../../server/src/engine/text";

describe("applyEdits", () => {
  const text = "one two\nthree\r\nfour";

  it("applies edits in any order given", () => {
    const edits = [
      { range: range(2, 0, 2, 4), newText: "4" },
      { range: range(0, 0, 0, 3), newText: "1" },
      { range: range(1, 0, 1, 5), newText: "3" },
    ];
    assert.equal(applyEdits(text, edits), "1 two\n3\r\n4");
    assert.equal(applyEdits(text, [...edits].reverse()), "1 two\n3\r\n4");
  });

  it("inserts, deletes and spans lines", () => {
    assert.equal(applyEdits(text, [{ range: range(0, 3, 0, 3), newText: "," }]), "one, two\nthree\r\nfour");
    assert.equal(applyEdits(text, [{ range: range(0, 3, 1, 5), newText: "" }]), "one\r\nfour");
    assert.equal(applyEdits(text, []), text);
    assert.equal(applyEdits("", [{ range: range(0, 0, 0, 0), newText: "x" }]), "x");
  });

  it("drops a later edit overlapping an earlier one", () => {
    assert.equal(applyEdits(text, [{ range: range(0, 0, 0, 5), newText: "A" }, { range: range(0, 4, 0, 7), newText: "B" }]), "Awo\nthree\r\nfour");
  });

  it("two insertions at one place keep their order", () => {
    assert.equal(applyEdits("ab", [{ range: range(0, 1, 0, 1), newText: "1" }, { range: range(0, 1, 0, 1), newText: "2" }]), "a12b");
  });
});

describe("Workspace", () => {
  it("reads through the reader, records reads, lists files", () => {
    const ws = memoryWorkspace({ a: "A", b: "B" });
    assert.equal(ws.readFile("a"), "A");
    assert.equal(ws.readFile("missing"), undefined);
    assert.deepEqual([...ws.takeReads()], ["a", "missing"]);
    assert.deepEqual([...ws.takeReads()], []);
    assert.deepEqual(ws.listFiles(), ["a", "b"]);
    assert.equal(ws.root, "/repo");
  });

  it("a throwing reader reads as a missing file", () => {
    const ws = new Workspace("/r", () => { throw new Error("EACCES"); });
    assert.equal(ws.readFile("x"), undefined);
    assert.deepEqual(ws.listFiles(), []);
  });

  it("memo recomputes only when a dependency's text changed", () => {
    const files: Record<string, string> = { dep: "1" };
    const ws = new Workspace("/r", (p) => files[p]);
    let computed = 0;
    const get = () => ws.memo("k", ["dep", "absent"], () => ++computed);
    assert.equal(get(), 1);
    assert.equal(get(), 1);
    files.dep = "2";
    assert.equal(get(), 2);
    files.absent = "now here";
    assert.equal(get(), 3);
    assert.equal(ws.memo("other", [], () => "x"), "x");
  });
});
