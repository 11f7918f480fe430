/**
 * Where the CLI's time goes: runs it once with `node --cpu-prof` over a tree, then sums self
 * time per function (mapped back to server/src/... through dist/cli.js.map when the build has
 * one) and per source file, and names the owner of each hot spot (engine core, a family, the
 * CLI, a dependency, Node itself).
 *   npx tsx bench/profile.ts [tree]     (default: the generated tree of BENCH_SCALE)
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { SourceMap } from "node:module";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { CLI_JS, cliArgs } from "./repo";
import { REPO_ROOT } from "./lib/paths";
import { round } from "./lib/stats";
import { defaultWorkDir, ensureTree } from "./lib/tree";

interface CallFrame { functionName: string; url: string; lineNumber: number; columnNumber: number }
interface ProfileNode { id: number; callFrame: CallFrame; hitCount?: number; children?: number[] }
interface CpuProfile { nodes: ProfileNode[]; startTime: number; endTime: number; samples: number[]; timeDeltas: number[] }

export interface HotSpot { self_ms: number; self_pct: number; function: string; location: string; owner: string }
export interface ProfileResult { wall_s: number; sampled_ms: number; topFunctions: HotSpot[]; byFile: { file: string; self_ms: number; self_pct: number; owner: string }[]; byOwner: Record<string, number>; profile: string }

/** Who may fix a hot spot in this file. */
export function ownerOf(file: string): string {
  if (file.startsWith("server/src/engine/families/")) return `family:${file.split("/")[4]}`;
  if (file.startsWith("server/src/engine/")) return "engine";
  if (file.startsWith("server/src/host/")) return "host";
  if (file.startsWith("server/src/cli/")) return "cli";
  if (file.startsWith("server/src/")) return "server";
  if (file.startsWith("bench/")) return "bench";
  if (file.includes("node_modules/")) return `dep:${file.split("node_modules/").pop()!.split("/").slice(0, file.split("node_modules/").pop()!.startsWith("@") ? 2 : 1).join("/")}`;
  if (file.startsWith("node:") || file === "(native)" || file === "") return "node";
  if (file.startsWith("(")) return file;
  return "other";
}

class Mapper {
  private maps = new Map<string, SourceMap | null>();
  map(frame: CallFrame): { file: string; line: number; name: string } {
    const url = frame.url;
    if (!url) return { file: frame.functionName.startsWith("(") ? frame.functionName : "(native)", line: 0, name: frame.functionName || "(anonymous)" };
    if (url.startsWith("node:")) return { file: url, line: frame.lineNumber + 1, name: frame.functionName || "(anonymous)" };
    const path = url.startsWith("file:") ? fileURLToPath(url) : url;
    let sm = this.maps.get(path);
    if (sm === undefined) {
      sm = null;
      try { if (existsSync(path + ".map")) sm = new SourceMap(JSON.parse(readFileSync(path + ".map", "utf8"))); } catch { sm = null; }
      this.maps.set(path, sm);
    }
    if (sm) {
      const e = sm.findEntry(frame.lineNumber, frame.columnNumber) as { originalSource?: string; originalLine?: number; name?: string };
      if (e && e.originalSource) {
        const src = e.originalSource.startsWith("file:") ? fileURLToPath(e.originalSource) : join(path, "..", e.originalSource);
        return { file: relative(REPO_ROOT, src), line: (e.originalLine ?? 0) + 1, name: frame.functionName || e.name || "(anonymous)" };
      }
    }
    return { file: relative(REPO_ROOT, path), line: frame.lineNumber + 1, name: frame.functionName || "(anonymous)" };
  }
}

export function analyzeProfile(profilePath: string, top = 25): Omit<ProfileResult, "wall_s" | "profile"> {
  const p = JSON.parse(readFileSync(profilePath, "utf8")) as CpuProfile;
  const selfUs = new Map<number, number>();
  for (let i = 0; i < p.samples.length; i++) selfUs.set(p.samples[i], (selfUs.get(p.samples[i]) ?? 0) + (p.timeDeltas[i] ?? 0));
  const mapper = new Mapper();
  const byFn = new Map<string, HotSpot>();
  const byFile = new Map<string, number>();
  const byOwner: Record<string, number> = {};
  let total = 0;
  for (const node of p.nodes) {
    const us = selfUs.get(node.id) ?? 0;
    if (us === 0) continue;
    total += us;
    const m = mapper.map(node.callFrame);
    // process.cpuUsage() is the per-document benchmark's own clock, not the product's work.
    const owner = m.name === "cpuUsage" && m.file === "(native)" ? "bench" : ownerOf(m.file);
    const key = `${m.name}@${m.file}:${m.line}`;
    const h = byFn.get(key) ?? { self_ms: 0, self_pct: 0, function: m.name, location: m.line ? `${m.file}:${m.line}` : m.file, owner };
    h.self_ms += us / 1000;
    byFn.set(key, h);
    byFile.set(m.file, (byFile.get(m.file) ?? 0) + us / 1000);
    byOwner[owner] = (byOwner[owner] ?? 0) + us / 1000;
  }
  const pct = (ms: number) => round((100 * ms * 1000) / Math.max(total, 1), 1);
  return {
    sampled_ms: round(total / 1000, 1),
    topFunctions: [...byFn.values()].sort((a, b) => b.self_ms - a.self_ms).slice(0, top).map((h) => ({ ...h, self_ms: round(h.self_ms, 1), self_pct: pct(h.self_ms) })),
    byFile: [...byFile.entries()].sort((a, b) => b[1] - a[1]).slice(0, top).map(([file, ms]) => ({ file, self_ms: round(ms, 1), self_pct: pct(ms), owner: ownerOf(file) })),
    byOwner: Object.fromEntries(Object.entries(byOwner).sort((a, b) => b[1] - a[1]).map(([k, v]) => [k, round(v, 1)])),
  };
}

export function runProfile(opts: { target: string; cwd: string; outDir: string; log?: (s: string) => void }): ProfileResult {
  if (!existsSync(CLI_JS)) throw new Error("dist/cli.js is missing (npm run build)");
  const dir = join(opts.outDir, "cpuprofile");
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const [node, ...args] = cliArgs(opts.target, ["--cpu-prof", `--cpu-prof-dir=${dir}`, "--cpu-prof-interval=500"]);
  const t0 = performance.now();
  const r = spawnSync(node, args, { cwd: opts.cwd, stdio: ["ignore", "ignore", "pipe"], encoding: "utf8" });
  const wall = (performance.now() - t0) / 1000;
  if (r.status !== 0 && r.status !== 1) throw new Error(`the CLI exited ${r.status} under --cpu-prof: ${r.stderr.slice(-800)}`);
  // The CLI may start workers; every thread writes its own profile. Merge them by summing.
  const profiles = readdirSync(dir).filter((f) => f.endsWith(".cpuprofile")).map((f) => join(dir, f));
  if (profiles.length === 0) throw new Error("no .cpuprofile was written");
  const parts = profiles.map((f) => analyzeProfile(f, 1000));
  const merged = mergeAnalyses(parts);
  opts.log?.(`profile: ${profiles.length} thread profile(s), ${merged.sampled_ms} ms sampled; top: ${merged.topFunctions.slice(0, 3).map((h) => `${h.function} (${h.location}) ${h.self_pct}%`).join(", ")}`);
  return { wall_s: round(wall, 2), ...merged, profile: profiles.length === 1 ? profiles[0] : dir };
}

function mergeAnalyses(parts: Omit<ProfileResult, "wall_s" | "profile">[], top = 25): Omit<ProfileResult, "wall_s" | "profile"> {
  const total = parts.reduce((n, p) => n + p.sampled_ms, 0);
  const fns = new Map<string, HotSpot>();
  const files = new Map<string, number>();
  const owners: Record<string, number> = {};
  for (const p of parts) {
    for (const h of p.topFunctions) {
      const k = `${h.function}@${h.location}`;
      const cur = fns.get(k) ?? { ...h, self_ms: 0 };
      cur.self_ms += h.self_ms;
      fns.set(k, cur);
    }
    for (const f of p.byFile) files.set(f.file, (files.get(f.file) ?? 0) + f.self_ms);
    for (const [o, ms] of Object.entries(p.byOwner)) owners[o] = (owners[o] ?? 0) + ms;
  }
  const pct = (ms: number) => round((100 * ms) / Math.max(total, 0.001), 1);
  return {
    sampled_ms: round(total, 1),
    topFunctions: [...fns.values()].sort((a, b) => b.self_ms - a.self_ms).slice(0, top).map((h) => ({ ...h, self_ms: round(h.self_ms, 1), self_pct: pct(h.self_ms) })),
    byFile: [...files.entries()].sort((a, b) => b[1] - a[1]).slice(0, top).map(([file, ms]) => ({ file, self_ms: round(ms, 1), self_pct: pct(ms), owner: ownerOf(file) })),
    byOwner: Object.fromEntries(Object.entries(owners).sort((a, b) => b[1] - a[1]).map(([k, v]) => [k, round(v, 1)])),
  };
}

/**
 * Profiles the per-document re-check of each fixture: bundles bench/perdoc.ts with a source map
 * (so samples map back to server/src/...), runs it once per fixture under --cpu-prof.
 */
export async function runPerDocProfile(opts: { outDir: string; seed: number; iterations: number; log?: (s: string) => void }): Promise<Record<string, Omit<ProfileResult, "profile">>> {
  const { build } = await import("esbuild");
  const dir = join(opts.outDir, "perdoc-profile");
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const bundle = join(dir, "perdoc.mjs");
  await build({
    entryPoints: [join(REPO_ROOT, "bench", "perdoc.ts")], outfile: bundle, bundle: true, platform: "node", format: "esm", target: "node20",
    sourcemap: "linked", logLevel: "warning", mainFields: ["module", "main"],
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  });
  const out: Record<string, Omit<ProfileResult, "profile">> = {};
  for (const name of ["proposal3000", "owners", "go5000"]) {
    const pdir = join(dir, name);
    mkdirSync(pdir);
    const t0 = performance.now();
    const r = spawnSync(process.execPath, ["--cpu-prof", `--cpu-prof-dir=${pdir}`, "--cpu-prof-interval=200", bundle], {
      env: { ...process.env, BENCH_PERDOC_MAIN: "1", BENCH_PERDOC_ONLY: name, BENCH_ITER: String(opts.iterations), BENCH_SEED: String(opts.seed), BENCH_REPO_ROOT: REPO_ROOT },
      stdio: ["ignore", "ignore", "pipe"], encoding: "utf8",
    });
    if (r.status !== 0) throw new Error(`perdoc profile of ${name} failed: ${r.stderr.slice(-800)}`);
    const file = readdirSync(pdir).find((f) => f.endsWith(".cpuprofile"));
    if (!file) throw new Error(`no profile for ${name}`);
    out[name] = { wall_s: round((performance.now() - t0) / 1000, 2), ...analyzeProfile(join(pdir, file), 12) };
    const top = out[name].topFunctions.filter((h) => h.owner !== "bench").slice(0, 3);
    opts.log?.(`perDocument profile ${name}: ${top.map((h) => `${h.function} (${h.location}) ${h.self_pct}%`).join(", ")}`);
  }
  return out;
}

export function formatProfile(p: Omit<ProfileResult, "wall_s"> & { wall_s?: number }, top = 15, title = "CPU profile of the CLI"): string {
  const lines = [`${title} (${p.wall_s !== undefined ? `${p.wall_s} s wall, ` : ""}${p.sampled_ms} ms sampled; ${p.profile})`, "", "  self %   self ms  owner            function (file:line)"];
  for (const h of p.topFunctions.slice(0, top)) lines.push(`  ${String(h.self_pct).padStart(6)}  ${String(h.self_ms).padStart(8)}  ${h.owner.padEnd(16)} ${h.function} (${h.location})`);
  lines.push("", "  by owner: " + Object.entries(p.byOwner).slice(0, 10).map(([o, ms]) => `${o} ${round((100 * ms) / Math.max(p.sampled_ms, 0.001), 1)}%`).join(", "));
  lines.push("  by file:  " + p.byFile.slice(0, 8).map((f) => `${f.file} ${f.self_pct}%`).join(", "));
  return lines.join("\n");
}

export function formatPerDocProfile(p: Record<string, Omit<ProfileResult, "profile">>, top = 6): string {
  const lines = ["CPU profile of the per-document re-checks (bench code left out)"];
  for (const [name, r] of Object.entries(p)) {
    lines.push(`  ${name}: ` + Object.entries(r.byOwner).filter(([o]) => o !== "bench").slice(0, 5).map(([o, ms]) => `${o} ${round((100 * ms) / Math.max(r.sampled_ms, 0.001), 1)}%`).join(", "));
    for (const h of r.topFunctions.filter((x) => x.owner !== "bench").slice(0, top)) lines.push(`    ${String(h.self_pct).padStart(6)}%  ${h.owner.padEnd(16)} ${h.function} (${h.location})`);
  }
  return lines.join("\n");
}

async function main() {
  const workDir = defaultWorkDir();
  if (process.argv[2] === "perdoc") {
    const r = await runPerDocProfile({ outDir: workDir, seed: Number(process.env.BENCH_SEED ?? "42"), iterations: Number(process.env.BENCH_ITER ?? "500"), log: console.error });
    console.log(formatPerDocProfile(r, 12));
  } else {
    const target = process.argv[2] ?? ensureTree({ scale: Number(process.env.BENCH_SCALE ?? "0.1"), seed: Number(process.env.BENCH_SEED ?? "42"), workDir, log: console.error }).root;
    const p = runProfile({ target: ".", cwd: target, outDir: workDir, log: console.error });
    console.log(formatProfile(p, 25));
  }
}

if (import.meta.filename === process.argv[1]) main().catch((e) => { console.error(e); process.exitCode = 1; });
