/**
 * perDocument: warm, in-process re-check of one edited document through the engine's public
 * API (lintDocument with a Workspace), one keystroke per iteration so no cache can hide the
 * parse. Reports p50/p95 per fixture, with the rule count and findings so a stub family
 * (0 rules) is visible in the results instead of looking fast.
 */
import { Workspace, detectKind, familyFor, lintDocument, resolveConfig, type SourceDocument } from "../server/src/engine/index";
import { Typist, fixtures } from "./lib/fixtures";
import { summarize, type Summary } from "./lib/stats";

export interface PerDocResult extends Summary {
  lines: number; bytes: number; rules: number; findings: number; family: string | null; iterations: number;
}

export function runPerDocument(opts: { seed: number; iterations: number; only?: string; log?: (s: string) => void }): Record<string, PerDocResult> {
  const { docs, workspace: files } = fixtures(opts.seed);
  const config = resolveConfig({});
  const workspace = new Workspace("/bench", (p) => files[p], () => Object.keys(files));
  const out: Record<string, PerDocResult> = {};
  for (const fx of docs) {
    if (opts.only && fx.name !== opts.only) continue;
    const kind = detectKind(fx.relPath, config, fx.languageId);
    if (!kind) throw new Error(`no kind for ${fx.relPath}`);
    const family = familyFor(kind);
    const typist = new Typist(fx, opts.seed);
    // Warm-up: JIT, the workspace memo (template, aliases), then measured keystrokes.
    const n = fx.name === "owners" ? opts.iterations * 4 : opts.iterations;
    const warm = Math.max(20, Math.round(n / 5));
    const samples: number[] = [];
    let findings = 0;
    for (let i = 0; i < warm + n; i++) {
      typist.next();
      const text = typist.text();
      files[fx.relPath] = text; // the editor buffer overlay
      const document: SourceDocument = { relPath: fx.relPath, kind, text, languageId: fx.languageId };
      const t0 = performance.now();
      const problems = lintDocument({ document, workspace, config });
      const dt = performance.now() - t0;
      if (i >= warm) samples.push(dt);
      findings = problems.length;
    }
    files[fx.relPath] = fx.text;
    out[fx.name] = { ...summarize(samples), lines: fx.text.split("\n").length, bytes: Buffer.byteLength(fx.text), rules: family?.rules.length ?? 0, findings, family: family?.name ?? null, iterations: n };
    opts.log?.(`perDocument ${fx.name}: p50 ${out[fx.name].p50_ms} ms, p95 ${out[fx.name].p95_ms} ms (${out[fx.name].rules} rules, ${findings} findings)`);
  }
  return out;
}

if (import.meta.filename === process.argv[1] || process.env.BENCH_PERDOC_MAIN === "1") {
  const r = runPerDocument({ seed: Number(process.env.BENCH_SEED ?? 42), iterations: Number(process.env.BENCH_ITER ?? 300), only: process.env.BENCH_PERDOC_ONLY, log: console.error });
  console.log(JSON.stringify(r, null, 2));
}
