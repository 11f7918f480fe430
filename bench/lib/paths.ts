import { join, resolve } from "node:path";

/** The repository root (bench/lib/ is two levels down). */
export const REPO_ROOT = process.env.BENCH_REPO_ROOT ?? resolve(import.meta.dirname, "..", "..");
/** ../shared beside the checkout (corpus and reference), as tests find it. */
export const SHARED = join(REPO_ROOT, "..", "shared");
