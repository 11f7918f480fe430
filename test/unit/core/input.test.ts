import { strict as assert } from "node:assert";
import { decodeFile } from "../../../server/src/engine/index";

const text = (bytes: number[] | Buffer) => {
  const r = decodeFile(Buffer.from(bytes as number[]));
  assert.ok("text" in r, JSON.stringify(r));
  return r.text;
};
const problem = (bytes: number[] | Buffer) => {
  const r = decodeFile(Buffer.from(bytes as number[]));
  assert.ok("problem" in r, JSON.stringify(r));
  return r.problem;
};

describe("decodeFile", () => {
  it("decodes UTF-8, multi-byte characters included", () => {
    assert.equal(text(Buffer.from("héllo 🙂\n", "utf8")), "héllo 🙂\n");
    assert.equal(text([]), "");
  });

  it("drops a UTF-8 byte order mark", () => {
    assert.equal(text([0xef, 0xbb, 0xbf, 0x61]), "a");
  });

  it("a NUL byte in the first 8 KiB makes it binary", () => {
    const p = problem([0x61, 0x00, 0x62]);
    assert.equal(p.ruleId, "internal/binary-file");
    assert.equal(p.severity, "info");
    assert.deepEqual(p.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } });
    const late = Buffer.alloc(9000, 0x61);
    late[8500] = 0;
    assert.equal(text(late).length, 9000, "a NUL past the probe is text (valid UTF-8)");
  });

  it("invalid UTF-8 gives the offset of the first bad byte", () => {
    const cases: [number[], number][] = [
      [[0x61, 0x62, 0xe9, 0x0a], 2],            // Latin-1 é
      [[0x61, 0xc3], 1],                         // truncated two-byte sequence at the end
      [[0xc0, 0x80], 0],                         // overlong NUL
      [[0x61, 0xed, 0xa0, 0x80], 1],             // UTF-16 surrogate encoded in UTF-8
      [[0x61, 0x62, 0x63, 0xff], 3],             // never valid
      [[0xe2, 0x82, 0xac, 0x80], 3],             // stray continuation after a valid €
    ];
    for (const [bytes, offset] of cases) {
      const p = problem(bytes);
      assert.equal(p.ruleId, "internal/invalid-encoding", String(bytes));
      assert.equal(p.severity, "warning");
      assert.match(p.message, new RegExp(`first bad byte at offset ${offset}\\)`), `${bytes}: ${p.message}`);
    }
  });
});
