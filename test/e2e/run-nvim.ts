/**
 * Route C runner: Neovim headless with its own LSP client against dist/server.js over stdio
 * (the checks themselves are in nvim-check.lua).
 *
 *   node --import tsx test/e2e/run-nvim.ts
 */
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { artifactsDir } from "./lib/artifacts";
import { log, makeRunDir, prepareWorkspace, repoRoot, runAsScript, runEnv, stopGroup, type RouteResult } from "./lib/harness";

export async function runNvimCheck(): Promise<RouteResult> {
  const route = "Neovim LSP client (server over stdio)";
  const server = join(repoRoot, "dist", "server.js");
  if (!existsSync(server)) return { route, passed: 0, failed: 1, details: [`missing ${server}: npm run build first`] };
  const started = Date.now();
  const run = makeRunDir("nvim", { git: false });
  const workspace = prepareWorkspace(run, "workspace", { gitRepo: false });
  const child = spawn("nvim", ["--headless", "-u", "NONE", "-i", "NONE", "-n", "-c", `luafile ${join(repoRoot, "test", "e2e", "nvim-check.lua")}`], {
    detached: true, stdio: ["ignore", "pipe", "pipe"],
    env: runEnv(run, { SERVER: server, ROOT: workspace, NODE: process.env.E2E_SERVER_NODE ?? "node" }),
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
  for (const line of stdout.split("\n").filter(Boolean)) console.log(`  [nvim] ${line}`);
  const m = /(\d+) passed, (\d+) failed\s*$/.exec(stdout);
  const passed = m ? Number(m[1]) : 0;
  let failed = m ? Number(m[2]) : 0;
  const details: string[] = [];
  if (!m || code !== 0) {
    if (!m || failed === 0) failed += 1;
    const dir = artifactsDir("nvim");
    const { writeFileSync } = await import("node:fs");
    writeFileSync(join(dir, "stdout.txt"), stdout);
    writeFileSync(join(dir, "stderr.txt"), stderr);
    details.push(`nvim exited with ${code}; output: ${dir}`);
    for (const l of stdout.split("\n").filter((l) => l.startsWith("FAIL"))) details.push(l);
  }
  run.dispose();
  log(`${route}: ${passed} passed, ${failed} failed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return { route, passed, failed, details };
}

if (require.main === module) runAsScript(runNvimCheck);
