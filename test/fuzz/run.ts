// `npm run test:fuzz`: FUZZ_RUNS (default 100,000) generated and mutated inputs per parser,
// checked against the engine's promises (see test/support/fuzz.ts). Prints the counts per target
// and one closing "N passed, N failed" line (a target passes when every input holds).
import fc from "fast-check";
import { cpuMs, targets, textArbitrary, violations } from "../support/fuzz";

const runs = Number(process.env.FUZZ_RUNS ?? 100_000);
const seed = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31);
// FUZZ_ONLY: a comma-separated list of target names, to split a long run across cores.
const only = process.env.FUZZ_ONLY?.split(",").map((s) => s.trim());
let passed = 0, failed = 0;
console.log(`fuzzing ${runs} inputs per parser, seed ${seed}`);
for (const t of targets().filter((x) => !only || only.includes(x.name))) {
  const started = Date.now();
  let slowest = 0, count = 0;
  const result = fc.check(fc.property(textArbitrary(t), (text) => {
    const t0 = cpuMs();
    const v = violations(t, text);
    slowest = Math.max(slowest, cpuMs() - t0);
    // A line every 10% so a run of hours shows where it is.
    if (++count % Math.max(1, Math.floor(runs / 10)) === 0) console.log(`     ${t.name}: ${count} inputs, ${((Date.now() - started) / 1000).toFixed(0)} s`);
    return v.length === 0 || (console.error(`  ${t.name}: ${v.join("; ")}`), false);
  }), { numRuns: runs, seed });
  const secs = ((Date.now() - started) / 1000).toFixed(1);
  if (result.failed) {
    failed++;
    console.log(`FAIL ${t.name}: after ${count} inputs (${secs} s); shrunk counterexample: ${JSON.stringify(result.counterexample?.[0]).slice(0, 600)}`);
  } else {
    passed++;
    console.log(`ok   ${t.name}: ${count} inputs in ${secs} s, slowest ${slowest.toFixed(1)} ms of CPU`);
  }
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
