/**
 * Generates a Kubernetes-sized repository tree: at BENCH_SCALE=1 about 2,000 OWNERS files,
 * 30,000 Go/Python/YAML files of 1–30 KB (log-uniform, ~250 MB), 300 proposals, misc files,
 * a .gitignore and ignored build output. The tree is a git repository (`git init`, nothing
 * added) so that ripgrep and our CLI both honour .gitignore. Trees are cached by
 * (scale, seed, generator version) under the work folder, never inside the repository.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { Rng } from "./rng";
import { SHARED } from "./paths";
import { SIGS, goFile, kebab, miscFile, ownersAliasesFile, ownersFile, proposalFile, pyFile, yamlFile, type FlagStats, type OwnersStats } from "./content";

export const GENERATOR_VERSION = 5;

export interface TreeManifest {
  root: string;
  scale: number;
  seed: number;
  version: number;
  /** Files a checker has to consider (not ignored, outside .git). */
  files: number;
  bytes: number;
  byKind: Record<string, { files: number; bytes: number }>;
  ignoredFiles: number;
  flags: FlagStats;
  owners: OwnersStats;
  generateSeconds: number;
}

const ROOTS: { path: string; lang: "go" | "py" | "yaml"; weight: number }[] = [
  { path: "pkg", lang: "go", weight: 30 }, { path: "cmd", lang: "go", weight: 6 },
  { path: "staging/src/k8s.io", lang: "go", weight: 20 }, { path: "test/e2e", lang: "go", weight: 8 },
  { path: "test/integration", lang: "go", weight: 5 }, { path: "plugin/pkg", lang: "go", weight: 4 },
  { path: "third_party", lang: "go", weight: 2 }, { path: "python", lang: "py", weight: 8 },
  { path: "tools", lang: "py", weight: 3 }, { path: "hack", lang: "py", weight: 2 },
  { path: "deploy", lang: "yaml", weight: 4 }, { path: "charts", lang: "yaml", weight: 4 },
  { path: "cluster/addons", lang: "yaml", weight: 3 }, { path: "config", lang: "yaml", weight: 2 },
];
const TOTAL_WEIGHT = ROOTS.reduce((n, r) => n + r.weight, 0);

export function defaultWorkDir(): string {
  return process.env.BENCH_WORKDIR ?? join(process.env.TMPDIR ?? "/tmp", "llm-d-contrib-bench");
}

export function ensureTree(opts: { scale: number; seed: number; workDir: string; log?: (s: string) => void }): TreeManifest {
  const name = `tree-s${opts.scale}-seed${opts.seed}-v${GENERATOR_VERSION}`;
  const root = join(opts.workDir, name);
  const manifestPath = join(opts.workDir, `${name}.json`);
  if (existsSync(manifestPath) && existsSync(root)) return JSON.parse(readFileSync(manifestPath, "utf8")) as TreeManifest;
  rmSync(root, { recursive: true, force: true });
  opts.log?.(`generating ${name} in ${opts.workDir} ...`);
  const manifest = generateTree(root, opts.scale, opts.seed);
  writeFileSync(manifestPath, JSON.stringify(manifest, null, 2));
  return manifest;
}

function pickRoot(rng: Rng) {
  let r = rng.next() * TOTAL_WEIGHT;
  for (const root of ROOTS) if ((r -= root.weight) < 0) return root;
  return ROOTS[0];
}

export function generateTree(root: string, scale: number, seed: number): TreeManifest {
  const started = performance.now();
  const rng = new Rng(seed);
  const nDirs = Math.max(40, Math.round(5000 * scale));
  const nOwners = Math.max(10, Math.round(2000 * scale));
  const nSources = Math.max(100, Math.round(30000 * scale));
  const nProposals = Math.max(20, Math.round(300 * scale));
  const nMisc = Math.round(nSources * 0.05);
  const nIgnored = Math.round(nSources * 0.02);

  const manifest: TreeManifest = {
    root, scale, seed, version: GENERATOR_VERSION, files: 0, bytes: 0, byKind: {}, ignoredFiles: 0,
    flags: { declared: 0, experimental: 0, experimentalDefaultOn: 0, helpSaysExperimental: 0 }, owners: { files: 0, withMistake: 0 }, generateSeconds: 0,
  };
  const madeDirs = new Set<string>();
  const written = new Set<string>();
  const write = (rel: string, text: string, kind: string, ignored = false) => {
    if (written.has(rel)) return;
    written.add(rel);
    const dir = rel.includes("/") ? rel.slice(0, rel.lastIndexOf("/")) : "";
    if (!madeDirs.has(dir)) { mkdirSync(join(root, dir), { recursive: true }); madeDirs.add(dir); }
    writeFileSync(join(root, rel), text);
    if (ignored) { manifest.ignoredFiles++; return; }
    const bytes = Buffer.byteLength(text);
    manifest.files++; manifest.bytes += bytes;
    const k = (manifest.byKind[kind] ??= { files: 0, bytes: 0 });
    k.files++; k.bytes += bytes;
  };

  mkdirSync(root, { recursive: true });
  execFileSync("git", ["init", "-q", root]);

  // Folders, each with a main language; Go package names have no dashes.
  const dirs: { path: string; lang: "go" | "py" | "yaml"; pkg: string }[] = [];
  const seen = new Set<string>();
  while (dirs.length < nDirs) {
    const r = pickRoot(rng);
    const parts = [r.path];
    for (let d = rng.int(1, 4); d > 0; d--) parts.push(r.lang === "go" ? kebab(rng, rng.int(1, 2)).replace(/-/g, "") : kebab(rng, rng.int(1, 2)).replace(/-/g, r.lang === "py" ? "_" : "-"));
    const path = parts.join("/");
    if (seen.has(path)) continue;
    seen.add(path);
    dirs.push({ path, lang: r.lang, pkg: parts[parts.length - 1].replace(/[^a-z0-9]/g, "") || "util" });
  }

  // OWNERS_ALIASES at the root, OWNERS at the root and in nOwners-1 folders.
  const aliasNames = SIGS.flatMap((s) => [`sig-${s}-leads`, `sig-${s}-approvers`, `sig-${s}-reviewers`]);
  write("OWNERS_ALIASES", ownersAliasesFile(rng.fork(1), aliasNames), "owners-aliases");
  const orng = rng.fork(2);
  write("OWNERS", ownersFile(orng, aliasNames, 40, manifest.owners), "owners");
  const ownerDirs = new Set<string>();
  for (let i = 0; ownerDirs.size < nOwners - 1 && i < nOwners * 20; i++) {
    const d = orng.pick(dirs).path;
    // Kubernetes also puts OWNERS in intermediate folders (pkg/kubelet/OWNERS).
    const parts = d.split("/");
    ownerDirs.add(orng.chance(0.3) && parts.length > 2 ? parts.slice(0, parts.length - 1).join("/") : d);
  }
  for (const d of ownerDirs) write(`${d}/OWNERS`, ownersFile(orng, aliasNames, Math.max(5, Math.round(orng.logInt(8, 120) * 0.6)), manifest.owners), "owners");

  // Sources.
  const srng = rng.fork(3);
  const names = new Set<string>();
  for (let i = 0; i < nSources; i++) {
    const d = srng.pick(dirs);
    const lang = srng.chance(0.8) ? d.lang : srng.pick(["go", "py", "yaml"] as const);
    const bytes = srng.logInt(1000, 30000);
    const flags = srng.chance(0.015) ? srng.int(3, 30) : 0;
    let base: string;
    do base = kebab(srng, srng.int(1, 3)).replace(/-/g, lang === "yaml" ? "-" : "_"); while (names.has(`${d.path}/${base}.${lang}`));
    names.add(`${d.path}/${base}.${lang}`);
    const text = lang === "go" ? goFile(srng, { pkg: d.pkg, bytes, flags, stats: manifest.flags })
      : lang === "py" ? pyFile(srng, { bytes, flags, stats: manifest.flags })
      : yamlFile(srng, { bytes, stats: manifest.flags });
    write(`${d.path}/${base}.${lang}`, text, lang === "py" ? "python" : lang);
  }

  // Proposals: docs/proposals/*.md and GIE-style proposals/NNN-name/README.md, the template, an index.
  const prng = rng.fork(4);
  const template = join(SHARED, "reference", "PROPOSAL_TEMPLATE.md");
  write("docs/proposals/PROPOSAL_TEMPLATE.md", existsSync(template) ? readFileSync(template, "utf8") : proposalFile(prng, 90, 0), "proposal-template");
  write("docs/proposals/README.md", "# Proposals\n\nSee PROPOSAL_TEMPLATE.md.\n", "misc");
  for (let i = 0; i < nProposals; i++) {
    const lines = prng.logInt(80, 1500);
    const text = proposalFile(prng, lines, prng.int(0, 3));
    const slug = kebab(prng, prng.int(2, 4));
    write(prng.chance(0.8) ? `docs/proposals/${slug}-${i}.md` : `proposals/${String(i).padStart(3, "0")}-${slug}/README.md`, text, "proposal");
  }

  // Everything else a real tree has: READMEs, scripts, JSON.
  const mrng = rng.fork(5);
  for (let i = 0; i < nMisc; i++) {
    const d = mrng.pick(dirs).path;
    const ext = mrng.pick(["md", "sh", "json"]);
    write(`${d}/${ext === "md" ? "README" : kebab(mrng, 2)}.${ext}`, miscFile(mrng, ext), "misc");
  }

  // Ignored build output: both tools must skip it.
  write(".gitignore", ["# Build output", "/_output/", "/bin/", "*.pyc", "__pycache__/", ".idea/", "*.swp", ""].join("\n"), "misc");
  const irng = rng.fork(6);
  for (let i = 0; i < nIgnored; i++) {
    const where = irng.chance(0.7) ? `_output/local/go/src/${irng.pick(dirs).path}` : `bin/${kebab(irng, 1)}`;
    write(`${where}/${kebab(irng, 2).replace(/-/g, "_")}.go`, goFile(irng, { pkg: "generated", bytes: irng.logInt(1000, 30000), flags: 0, stats: { declared: 0, experimental: 0, experimentalDefaultOn: 0, helpSaysExperimental: 0 } }), "ignored", true);
  }
  manifest.generateSeconds = (performance.now() - started) / 1000;
  return manifest;
}
