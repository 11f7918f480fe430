/**
 * The word tokens of many files as 32-bit hashes in one Int32Array (open addressing, linear
 * probing), instead of a Set of strings: a Kubernetes-sized repository's test files hold about a
 * million distinct words, which as strings cost hundreds of MB and dominate garbage collection.
 * A collision can only make an unmentioned name look mentioned (the info-level hint is then not
 * shown), never hide a mention; at a million words the chance per lookup is about 1 in 4,000.
 * Hand-written: no kept npm package offers a compact hash set of integers.
 */

/** A word token: `[A-Za-z0-9_][A-Za-z0-9_-]*` (a flag name such as `experimental-x` is one token). */
function isStart(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
}

const FNV_OFFSET = 0x811c9dc5 | 0, FNV_PRIME = 16777619;

/** FNV-1a over the UTF-16 code units; never 0 (0 marks an empty slot). */
export function tokenHash(token: string): number {
  let h = FNV_OFFSET;
  for (let i = 0; i < token.length; i++) h = Math.imul(h ^ token.charCodeAt(i), FNV_PRIME);
  return h === 0 ? 1 : h;
}

/** What flags/experimental-untested asks of the test files: does any of a switch's names occur as a word token? */
export interface TestMentions {
  anyOf(names: readonly string[]): boolean;
}

export class TokenHashes implements TestMentions {
  private table: Int32Array;
  private count = 0;

  constructor(capacity = 1 << 12) {
    this.table = new Int32Array(tableSize(capacity));
  }

  /** An index over a table another thread filled (`table` of that index). */
  static over(table: Int32Array): TokenHashes {
    const index = new TokenHashes(0);
    index.table = table;
    index.count = table.reduce((n, v) => n + (v === 0 ? 0 : 1), 0);
    return index;
  }

  /** The slots, for handing the index to another thread. */
  get slots(): Int32Array { return this.table; }

  get size(): number { return this.count; }

  has(token: string): boolean {
    return this.hasHash(tokenHash(token));
  }

  anyOf(names: readonly string[]): boolean {
    return names.some((n) => this.has(n));
  }

  hasHash(h: number): boolean {
    const t = this.table, mask = t.length - 1;
    for (let i = h & mask; t[i] !== 0; i = (i + 1) & mask) if (t[i] === h) return true;
    return false;
  }

  /** Adds every word token of `text` without making a string of any. */
  addTokensOf(text: string): void {
    const len = text.length;
    let i = 0;
    while (i < len) {
      if (!isStart(text.charCodeAt(i))) { i++; continue; }
      let h = FNV_OFFSET;
      let c = text.charCodeAt(i);
      while (i < len && (isStart(c) || c === 45)) {
        h = Math.imul(h ^ c, FNV_PRIME);
        c = text.charCodeAt(++i);
      }
      this.insert(h === 0 ? 1 : h);
    }
  }

  private insert(h: number): void {
    let t = this.table, mask = t.length - 1, i = h & mask;
    for (; t[i] !== 0; i = (i + 1) & mask) if (t[i] === h) return;
    t[i] = h;
    if (++this.count * 4 > t.length * 3) {
      // Grow at three quarters full: probes stay short (lookups are few: one per experimental switch).
      const old = t;
      this.table = t = new Int32Array(old.length * 2);
      mask = t.length - 1;
      for (const v of old) if (v !== 0) { let j = v & mask; while (t[j] !== 0) j = (j + 1) & mask; t[j] = v; }
    }
  }
}

function tableSize(capacity: number): number {
  let size = 16;
  while (size < capacity * 2) size <<= 1;
  return size;
}
