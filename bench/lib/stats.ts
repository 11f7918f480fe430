/** Percentiles and small timing helpers. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i];
}

export interface Summary { n: number; p50_ms: number; p95_ms: number; p99_ms: number; max_ms: number; mean_ms: number }

export function summarize(samples: readonly number[]): Summary {
  const s = [...samples].sort((a, b) => a - b);
  const r = (x: number) => Math.round(x * 1000) / 1000;
  return { n: s.length, p50_ms: r(percentile(s, 50)), p95_ms: r(percentile(s, 95)), p99_ms: r(percentile(s, 99)), max_ms: r(s[s.length - 1] ?? NaN), mean_ms: r(s.reduce((a, b) => a + b, 0) / (s.length || 1)) };
}

export const round = (x: number, digits = 3) => Math.round(x * 10 ** digits) / 10 ** digits;
export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
