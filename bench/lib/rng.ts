/** A small seeded PRNG (mulberry32) so every workload is the same on every run and machine. */
export class Rng {
  private state: number;
  constructor(seed: number) { this.state = seed >>> 0; }

  /** Uniform in [0, 1). */
  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  /** Integer in [lo, hi] inclusive. */
  int(lo: number, hi: number): number { return lo + Math.floor(this.next() * (hi - lo + 1)); }
  pick<T>(items: readonly T[]): T { return items[Math.floor(this.next() * items.length)]; }
  chance(p: number): boolean { return this.next() < p; }
  /** Log-uniform integer in [lo, hi]: many small values, a long tail of large ones (file sizes). */
  logInt(lo: number, hi: number): number { return Math.round(Math.exp(Math.log(lo) + this.next() * (Math.log(hi) - Math.log(lo)))); }
  /** A child generator, so one part of a workload does not shift the next when its size changes. */
  fork(salt: number): Rng { return new Rng((Math.imul(this.int(0, 0x7fffffff), 2654435761) ^ salt) >>> 0); }
}
