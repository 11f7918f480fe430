/** Generates (or finds cached) the benchmark tree and prints its manifest: `npx tsx bench/generate.ts`. */
import { ensureTree, defaultWorkDir } from "./lib/tree";

const scale = Number(process.env.BENCH_SCALE ?? "0.1");
const seed = Number(process.env.BENCH_SEED ?? "42");
const m = ensureTree({ scale, seed, workDir: defaultWorkDir(), log: (s) => console.error(s) });
console.log(JSON.stringify(m, null, 2));
