/**
 * The fast reader (fastpath.ts) must read every file it accepts exactly as the full YAML parser
 * does: same nodes, same types, same offsets, and never accept what YAML rejects. Checked on the
 * whole corpus and on thousands of mutations of it.
 */
import { strict as assert } from "node:assert";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { isMap, isScalar, isSeq, isPair, type Node } from "yaml";
import { fastParse } from "../../../server/src/engine/families/owners/fastpath";
import { parseFirstDocument, parseWithYaml } from "../../../server/src/engine/families/owners/yaml";
import { parseOwners, type OwnersDoc } from "../../../server/src/engine/families/owners/parse";
import type { KeyEntry, Item } from "../../../server/src/engine/families/owners/model";

const corpus = join(__dirname, "..", "..", "..", "..", "shared", "corpus", "owners");
const files = readdirSync(corpus).filter((f) => /OWNERS(_ALIASES)?$/.test(f)).map((f) => ({ f, text: readFileSync(join(corpus, f), "utf8").replace(/^\ufeff/, "") }));

function dump(n: unknown): unknown {
  if (n === null || n === undefined) return null;
  const node = n as Node;
  if (isScalar(node)) return ["S", String(node.value), node.type, node.range?.[0], node.range?.[1]];
  if (isSeq(node)) return ["Q", !!node.flow, node.range?.[0], node.flow ? node.range?.[1] : null, node.items.map(dump)];
  if (isMap(node)) return ["M", !!node.flow, node.range?.[0], node.flow ? node.range?.[1] : null, node.items.map((p) => (isPair(p) ? [dump(p.key), dump(p.value)] : "?"))];
  return "?";
}
const entry = (e: KeyEntry | undefined) => e && [e.name, e.keyQuoted, e.valueType, e.keyRange, e.valueRange, e.start, e.end];
const item = (i: Item) => [i.type, i.text, i.start, i.end, i.source];
function signature(p: OwnersDoc): unknown {
  return {
    top: p.topType, unreadable: p.unreadable, entries: p.entries.map(entry), options: p.optionEntries.map(entry), filters: p.filterEntries.map(entry),
    bodies: p.filterBodies.map((b) => [entry(b.filter), b.entries.map(entry)]), lists: p.lists.map((l) => [l.list, entry(l.key), entry(l.filter), l.shadowed, l.items.map(item)]),
    groups: p.groups.map((g) => [entry(g.entry), g.norm, g.shadowed, g.items.map(item)]), aliasesKey: entry(p.aliasesKey),
  };
}
function both(relPath: string, text: string) {
  const kind = relPath.endsWith("OWNERS_ALIASES") ? "owners-aliases" as const : "owners" as const;
  return { fast: signature(parseOwners({ relPath, kind, text }, Infinity, parseFirstDocument)), slow: signature(parseOwners({ relPath, kind, text }, Infinity, parseWithYaml)) };
}
function check(name: string, text: string): boolean {
  const fast = fastParse(text);
  if (fast === undefined) return false;
  const slow = parseWithYaml(text);
  assert.deepEqual(slow.errors.map((e) => e.message), [], `${name}: the fast reader accepted a file YAML rejects:\n${text}`);
  assert.deepEqual(dump(fast), dump(slow.contents), `${name}: nodes differ:\n${text}`);
  const path = name.endsWith("OWNERS_ALIASES") ? "OWNERS_ALIASES" : "OWNERS";
  const s = both(path, text);
  assert.deepEqual(s.fast, s.slow, `${name}: model differs:\n${text}`);
  return true;
}

describe("owners fast reader", function () {
  this.timeout(120_000);
  it("reads most real files, and reads them exactly as the YAML parser does", () => {
    let accepted = 0;
    for (const { f, text } of files) if (check(f, text)) accepted++;
    assert.ok(accepted / files.length > 0.8, `only ${accepted} of ${files.length} corpus files took the fast path`);
  });

  it("never disagrees with the YAML parser on mutated files", () => {
    let seed = 12345;
    const rnd = (n: number) => { seed = (seed * 1103515245 + 12345) & 0x7fffffff; return seed % n; };
    const alphabet = [" ", "-", ":", "#", "\n", "[", "]", ",", "'", "\"", "a", "@", "  ", "- ", ": ", "*", "&", "{", "\\", "0", "yes", "~", "?", "|", ">", "!"];
    let accepted = 0, total = 0;
    for (const { f, text } of files) {
      if (fastParse(text) === undefined) continue;
      for (let k = 0; k < 12; k++) {
        let t = text;
        const edits = 1 + rnd(3);
        for (let e = 0; e < edits; e++) {
          const at = rnd(t.length + 1);
          const op = rnd(4);
          if (op === 0) t = t.slice(0, at) + t.slice(at + 1 + rnd(3));
          else if (op === 1) t = t.slice(0, at) + alphabet[rnd(alphabet.length)] + t.slice(at);
          else if (op === 2) { const ls = t.split("\n"); const l = rnd(ls.length); ls.splice(l, 0, ls[rnd(ls.length)]); t = ls.join("\n"); }
          else { const ls = t.split("\n"); const l = rnd(ls.length); ls[l] = " ".repeat(rnd(5)) + ls[l].trimStart(); t = ls.join("\n"); }
        }
        total++;
        if (check(`${f} (mutant ${k})`, t)) accepted++;
      }
    }
    assert.ok(total > 3000 && accepted > 500, `${accepted} of ${total} mutants took the fast path`);
  });

  it("hands everything unusual to the YAML parser", () => {
    for (const t of ["a:\n\t- x\n", "a: &x [b]\n", "a: *x\n", "a:\n  b\n  c\n", "a: \"\\.go$\"\n", "a: {b: c}\n", "- a\n", "a: b\n---\nc: d\n", "a:\n  - b: c\n", "a:\n- -x\n", "a:\r\n- b\r\n", "a: |\n  x\n", "? a\n: b\n", "a:b\n", "a: [b, [c]]\n", "a: 'it''s'\n", "a:\n  - @x\n"]) {
      assert.equal(fastParse(t), undefined, JSON.stringify(t));
    }
    assert.equal(fastParse(""), null);
    assert.equal(fastParse("# only a comment\n"), null);
  });
});
