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

/** The memory a shared table lives in, so that worker threads can fill and read one index. */
export interface SharedTokenTable { table: SharedArrayBuffer; header: SharedArrayBuffer }

export class TokenHashes {
  private table: Int32Array;
  private count = 0;
  /** Shared tables have a fixed size; `[count, overflowed]` live here, updated atomically. */
  private readonly header?: Int32Array;

  constructor(capacity = 1 << 12, shared?: SharedTokenTable) {
    if (shared) {
      this.table = new Int32Array(shared.table);
      this.header = new Int32Array(shared.header);
      return;
    }
    this.table = new Int32Array(tableSize(capacity));
  }

  /** Memory for a shared table of `capacity` tokens (it never grows; past 70% full it marks itself overflowed). */
  static sharedTable(capacity: number): SharedTokenTable {
    return { table: new SharedArrayBuffer(tableSize(capacity) * 4), header: new SharedArrayBuffer(8) };
  }

  get size(): number { return this.header ? Atomics.load(this.header, 0) : this.count; }
  /** A shared table that ran out of room: some tokens are missing, so it must not be used. */
  get overflowed(): boolean { return !!this.header && Atomics.load(this.header, 1) === 1; }

  has(token: string): boolean {
    const t = this.table, mask = t.length - 1, h = tokenHash(token);
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
      if (this.header) this.insertShared(h === 0 ? 1 : h);
      else this.insert(h === 0 ? 1 : h);
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

  /** Lock-free insert into a shared table: a slot is claimed with compare-and-swap. */
  private insertShared(h: number): void {
    const t = this.table, header = this.header!, mask = t.length - 1;
    if (Atomics.load(header, 1) === 1) return;
    for (let i = h & mask; ; i = (i + 1) & mask) {
      const prev = Atomics.compareExchange(t, i, 0, h);
      if (prev === h) return;
      if (prev === 0) {
        if (Atomics.add(header, 0, 1) * 10 > t.length * 7) Atomics.store(header, 1, 1);
        return;
      }
    }
  }
}

function tableSize(capacity: number): number {
  let size = 16;
  while (size < capacity * 2) size <<= 1;
  return size;
}
