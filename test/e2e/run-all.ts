/**
 * `npm run test:e2e` after run-all.sh has installed the tools: builds the extension, the suite and
 * the .vsix, then runs the three routes and prints one closing line "N passed, N failed".
 *
 *   B. the mocha suite in code-server's extension host (run-codeserver.ts)
 *   A. the packaged .vsix in code-server's UI, driven by Playwright (ui-smoke.ts)
 *   C. Neovim's LSP client against dist/server.js (run-nvim.ts, nvim-check.lua)
 *
 * Env: E2E_ROUTES=suite,ui,nvim (a subset), E2E_SKIP_BUILD=1, E2E_BREAK=clean (run against a
 * workspace without mistakes: every route must fail — the proof that the checks can fail).
 */
import { spawnSync } from "node:child_process";
import { log, repoRoot, type RouteResult } from "./lib/harness";
import { runSuiteInCodeServer } from "./run-codeserver";
import { runNvimCheck } from "./run-nvim";
import { runUiSmoke } from "./ui-smoke";

function step(title: string, cmd: string, args: string[]): RouteResult {
  const t0 = Date.now();
  log(`${title}: ${cmd} ${args.join(" ")}`);
  const r = spawnSync(cmd, args, { cwd: repoRoot, encoding: "utf8", env: process.env, maxBuffer: 64 * 1024 * 1024 });
  const ok = r.status === 0;
  // Build output is noise when it works; on failure its tail says why.
  if (!ok) console.log(`${r.stdout ?? ""}${r.stderr ?? ""}`.split("\n").slice(-40).join("\n"));
  log(`${title}: ${ok ? "ok" : `FAILED (exit ${r.status ?? r.signal})`} in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  return { route: title, passed: 0, failed: ok ? 0 : 1, details: ok ? [] : [`${title} failed`] };
}

async function main(): Promise<number> {
  const t0 = Date.now();
  const routes = new Set((process.env.E2E_ROUTES ?? "suite,ui,nvim").split(",").map((s) => s.trim()));
  const results: RouteResult[] = [];
  if (process.env.E2E_SKIP_BUILD !== "1") {
    // `npm run package` runs the production build (esbuild) and vsce; the development build
    // afterwards gives the suite and Neovim unminified bundles with source maps.
    results.push(step("package the .vsix", "npm", ["run", "--silent", "package"]));
    results.push(step("build dist/", process.execPath, ["scripts/build.mjs"]));
    results.push(step("build the suite", process.execPath, ["test/e2e/build-suite.mjs"]));
  }
  if (results.some((r) => r.failed > 0)) log("a build step failed; the routes below will report what is missing");
  if (routes.has("suite")) results.push(await runSuiteInCodeServer());
  if (routes.has("ui")) results.push(await runUiSmoke());
  if (routes.has("nvim")) results.push(await runNvimCheck());

  console.log("\n=== e2e summary");
  for (const r of results) {
    if (r.passed === 0 && r.failed === 0) continue;
    console.log(`${r.failed > 0 ? "FAIL" : "ok  "} ${r.route}: ${r.passed} passed, ${r.failed} failed`);
    for (const d of r.details) console.log(`       ${d.replace(/\n/g, "\n       ")}`);
  }
  const passed = results.reduce((n, r) => n + r.passed, 0);
  const failed = results.reduce((n, r) => n + r.failed, 0);
  log(`e2e finished in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  console.log(`${passed} passed, ${failed} failed`);
  return failed > 0 ? 1 : 0;
}

void main().then((code) => process.exit(code));
