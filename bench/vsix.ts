/**
 * vsix_kb: the size of the packaged extension (`npm run package` → dist/llm-d-contrib.vsix).
 * Packaging rebuilds dist/ minified, which would swap the bundles under the other tools (and
 * people) using this checkout, so it runs in a copy of the working tree (node_modules linked)
 * unless BENCH_VSIX_IN_PLACE=1.
 */
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync, statSync, symlinkSync } from "node:fs";
import { join } from "node:path";
import { REPO_ROOT } from "./lib/paths";

const SKIP = new Set([".git", "node_modules", "dist", "out", ".vscode-test", "bench"]);

export interface VsixResult { vsix_kb: number; files: number | null; where: string }

export function runVsix(opts: { workDir: string; log?: (s: string) => void }): VsixResult {
  let dir = REPO_ROOT;
  if (process.env.BENCH_VSIX_IN_PLACE !== "1") {
    dir = join(opts.workDir, "package-copy");
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    for (const e of readdirSync(REPO_ROOT)) {
      if (SKIP.has(e) || e.startsWith(".e2e-")) continue;
      cpSync(join(REPO_ROOT, e), join(dir, e), { recursive: true });
    }
    symlinkSync(join(REPO_ROOT, "node_modules"), join(dir, "node_modules"));
  }
  // vsce asks before packaging without a LICENSE; answer yes so the size is still measured.
  const r = spawnSync("npm", ["run", "--silent", "package"], { cwd: dir, input: "y\ny\ny\n", encoding: "utf8", timeout: 300_000 });
  const vsix = join(dir, "dist", "llm-d-contrib.vsix");
  if (r.status !== 0 || !existsSync(vsix)) throw new Error(`npm run package failed (exit ${r.status}): ${(r.stdout + r.stderr).slice(-1500)}`);
  const files = /\((\d+) files?,/.exec(r.stdout + r.stderr);
  const result = { vsix_kb: Math.round(statSync(vsix).size / 102.4) / 10, files: files ? Number(files[1]) : null, where: vsix };
  opts.log?.(`vsix: ${result.vsix_kb} KB (${result.files ?? "?"} files)`);
  return result;
}
