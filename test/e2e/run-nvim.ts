/**
 * Route C runner: Neovim headless with its own LSP client against dist/server.js over stdio
 * (the checks themselves are in nvim-check.lua).
 *
 *   node --import tsx test/e2e/run-nvim.ts
 */
import { spawn } from "node:child_process";
import { existsSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { artifactsDir } from "./lib/artifacts";
import { log, makeRunDir, prepareWorkspace, repoRoot, runAsScript, runEnv, stopGroup, type RouteResult } from "./lib/harness";

/**
 * Two Neovim runs: `-u NONE` with the client started by nvim-check.lua itself, and `-u
 * nvim-readme-config.lua` (USE_CONFIG=1), which proves the README's snippet works as written.
 */
export async function runNvimCheck(): Promise<RouteResult> {
  const route = "Neovim LSP client (server over stdio)";
  const server = join(repoRoot, "dist", "server.js");
  if (!existsSync(server)) return { route, passed: 0, failed: 1, details: [`missing ${server}: npm run build first`] };
  const started = Date.now();
  let passed = 0, failed = 0;
  const details: string[] = [];
  for (const mode of ["client", "readme-config"] as const) {
    const r = await nvimOnce(mode, server);
    passed += r.passed; failed += r.failed; details.push(...r.details);
  }
  log(`${route}: ${passed} passed, ${failed} failed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return { route, passed, failed, details };
}

async function nvimOnce(mode: "client" | "readme-config", server: string): Promise<Omit<RouteResult, "route">> {
  const run = makeRunDir(`nvim-${mode}`, { git: false });
  // The README config finds the repository root by .git, so that run gets a real repository.
  const workspace = prepareWorkspace(run, "workspace", { gitRepo: mode === "readme-config" });
  const node = process.env.E2E_SERVER_NODE ?? "node";
  const init = mode === "client" ? "NONE" : join(repoRoot, "test", "e2e", "nvim-readme-config.lua");
  const env = runEnv(run, {
    SERVER: server, ROOT: workspace, NODE: node,
    ...(mode === "readme-config" ? { USE_CONFIG: "1", LLM_D_CONTRIB_SERVER: server, PATH: `${dirname(node)}:${process.env.PATH}` } : {}),
  });
  const child = spawn("nvim", ["--headless", "-u", init, "-i", "NONE", "-n", "-c", `luafile ${join(repoRoot, "test", "e2e", "nvim-check.lua")}`], {
    detached: true, stdio: ["ignore", "pipe", "pipe"], env,
  });
  let stdout = "", stderr = "";
  child.stdout!.on("data", (b: Buffer) => { stdout += b.toString(); });
  child.stderr!.on("data", (b: Buffer) => { stderr += b.toString(); });
  const timeoutMs = Number(process.env.E2E_NVIM_TIMEOUT_MS ?? 180_000);
  const code = await new Promise<number | string>((resolve) => {
    const t = setTimeout(() => resolve("timeout"), timeoutMs);
    child.once("error", (e) => { clearTimeout(t); resolve(`spawn error: ${e.message}`); });
    child.once("exit", (c, s) => { clearTimeout(t); resolve(c ?? String(s)); });
  });
  await stopGroup(child.pid!, "nvim").catch(() => undefined);
  for (const line of stdout.split("\n").filter(Boolean)) console.log(`  [nvim ${mode}] ${line}`);
  const m = /(\d+) passed, (\d+) failed\s*$/.exec(stdout);
  const passed = m ? Number(m[1]) : 0;
  let failed = m ? Number(m[2]) : 0;
  const details: string[] = [];
  if (!m || code !== 0) {
    if (!m || failed === 0) failed += 1;
    const dir = artifactsDir(`nvim-${mode}`);
    writeFileSync(join(dir, "stdout.txt"), stdout);
    writeFileSync(join(dir, "stderr.txt"), stderr);
    details.push(`nvim (${mode}) exited with ${code}; output: ${dir}`);
    for (const l of stdout.split("\n").filter((l) => l.startsWith("FAIL"))) details.push(l);
  }
  run.dispose();
  return { passed, failed, details };
}

if (require.main === module) runAsScript(runNvimCheck);
