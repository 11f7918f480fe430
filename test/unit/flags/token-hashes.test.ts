import { strict as assert } from "node:assert";
import { TokenHashes, tokenHash } from "../../../server/src/engine/families/flags/token-hashes";

describe("flags test-mention hashes", () => {
  it("holds whole word tokens, flag names with their hyphens, and nothing shorter or longer", () => {
    const h = new TokenHashes();
    h.addTokensOf('t.Run("off", func() { args := []string{"--experimental-prefetch=false", "-v"}; opts.UseFast_2 = true })');
    for (const present of ["experimental-prefetch", "false", "v", "UseFast_2", "opts", "off", "Run"]) assert.ok(h.has(present), present);
    for (const absent of ["experimental", "prefetch", "--experimental-prefetch", "UseFast", "true_", "o"]) assert.ok(!h.has(absent), absent);
  });

  it("a token may end in hyphens but not start with one, as the regex [A-Za-z0-9_][A-Za-z0-9_-]* reads", () => {
    const h = new TokenHashes();
    h.addTokensOf("a-- -b");
    assert.ok(h.has("a--"));
    assert.ok(h.has("b"));
    assert.ok(!h.has("-b"));
    assert.ok(!h.has("a"));
  });

  it("grows past its first capacity without losing a token", () => {
    const h = new TokenHashes(16);
    const words = Array.from({ length: 50_000 }, (_, i) => `flag${i}x`);
    h.addTokensOf(words.join(" "));
    assert.equal(h.size, 50_000);
    for (const w of words) assert.ok(h.has(w), w);
    assert.ok(!h.has("flag50000x"));
  });

  it("agrees with a set of the regex's tokens on varied text", () => {
    const text = "Ünïcode naïve café 🙂 x_y-z 123abc __init__ foo.bar(baz, qux=1) --flag=on\r\n\tend-";
    const expected = new Set(text.match(/[A-Za-z0-9_][A-Za-z0-9_-]*/g));
    const h = new TokenHashes();
    h.addTokensOf(text);
    assert.equal(h.size, expected.size);
    for (const t of expected) assert.ok(h.has(t), t);
  });

  it("can be read over its slots, as another thread receives them", () => {
    const h = new TokenHashes(16);
    h.addTokensOf("serve --experimental-x=true");
    const copy = TokenHashes.over(new Int32Array(h.slots));
    assert.equal(copy.size, h.size);
    assert.ok(copy.anyOf(["nope", "experimental-x"]));
    assert.ok(!copy.anyOf(["experimental", "x"]));
  });

  it("never hashes to the empty-slot marker", () => {
    assert.notEqual(tokenHash(""), 0);
    assert.equal(typeof tokenHash("experimental-x"), "number");
  });
});

