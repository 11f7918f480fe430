import type { OutStream } from "./io";

/**
 * "checked 1234/5000 files" on stderr for long runs: only on a terminal, only once a run has
 * taken a second, redrawn at most every 100 ms, and erased at the end so it leaves no trace.
 */
export class Progress {
  private shown = false;
  private last = 0;
  private calls = 0;
  private readonly start: number;

  constructor(private readonly stream: OutStream, private readonly now: () => number, private readonly total: number, private readonly enabled = stream.isTTY === true) {
    this.start = now();
  }

  /** Call after each file (cheap: the clock is read every 32nd call), or with `force` from a timer. */
  tick(done: number, force = false): void {
    if (!this.enabled || (!force && (++this.calls & 31) !== 0)) return;
    const t = this.now();
    if (t - this.start < 1000 || t - this.last < 100) return;
    this.last = t;
    this.shown = true;
    this.stream.write(`\r\x1b[Kchecked ${done}/${this.total} files`);
  }

  end(): void {
    if (this.shown) this.stream.write("\r\x1b[K");
    this.shown = false;
  }
}
