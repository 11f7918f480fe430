/**
 * Route B: runs the in-VS-Code mocha suite (dist/test/suite/index.js) inside code-server's node
 * extension host, with the extension loaded from the working tree (extensionDevelopmentPath).
 *
 *   node --import tsx test/e2e/run-codeserver.ts        (PATH with Node 24 first, CODE_SERVER set)
 *
 * How: code-server starts with `--vscode-option enable-smoke-test-driver`, which makes the built
 * workbench honour the `?payload=` URL parameter (extensionDevelopmentPath, extensionTestsPath).
 * The workbench reports the suite's console output through window.codeAutomationLog and the
 * exit code through window.codeAutomationExit, which Playwright exposes before loading the page.
 * A headless Chromium is needed because the extension host starts only when a workbench connects.
 *
 * The workspace is a fresh git repository (copied from test/e2e/fixtures/workspace) and git is on,
 * so the sign-off commands can commit through VS Code's git extension.
 */
import { appendFileSync, existsSync, readFileSync, statSync } from "node:fs";
import { format } from "node:util";
import { join } from "node:path";
import { artifactsDir, keepLogs } from "./lib/artifacts";
import { gitEnv, launchBrowser, log, makeRunDir, prepareWorkspace, repoRoot, runAsScript, startCodeServer, type RouteResult } from "./lib/harness";

/** Echoes the lines appended to `file` (polling; the file appears once the suite starts). */
function startTail(file: string, onLine: (line: string) => void): { stop(): void } {
  let offset = 0, rest = "";
  const poll = () => {
    if (!existsSync(file) || statSync(file).size <= offset) return;
    const buf = readFileSync(file);
    const text = rest + buf.subarray(offset).toString("utf8");
    offset = buf.length;
    const lines = text.split("\n");
    rest = lines.pop() ?? "";
    for (const l of lines) onLine(l);
  };
  const timer = setInterval(poll, 250);
  return { stop() { clearInterval(timer); poll(); if (rest) onLine(rest); } };
}

export async function runSuiteInCodeServer(): Promise<RouteResult> {
  const route = "suite (code-server extension host)";
  // E2E_EXTENSION_PATH: test another checkout (default: this working tree).
  const extPath = process.env.E2E_EXTENSION_PATH ?? repoRoot;
  const testsPath = join(extPath, "dist", "test", "suite", "index.js");
  for (const f of [join(extPath, "dist", "extension.js"), join(extPath, "dist", "server.js"), testsPath]) {
    if (!existsSync(f)) return { route, passed: 0, failed: 1, details: [`missing ${f}: build first (npm run build && node test/e2e/build-suite.mjs)`] };
  }
  const timeoutMs = Number(process.env.E2E_SUITE_TIMEOUT_MS ?? 300_000);
  const run = makeRunDir("suite", { git: true });
  const workspace = prepareWorkspace(run, "workspace", { gitRepo: true });
  const resultsFile = join(run.root, "results.json");
  const mochaLog = join(run.root, "mocha.log");
  const consoleLog = join(run.root, "workbench-console.log");
  const details: string[] = [];
  let exitCode: number | undefined;
  let server: Awaited<ReturnType<typeof startCodeServer>> | undefined;
  let context: Awaited<ReturnType<typeof launchBrowser>> | undefined;
  let failedHard: string | undefined;
  let tail: { stop(): void } | undefined;
  const started = Date.now();
  try {
    server = await startCodeServer(run, workspace, {
      extraArgs: ["--vscode-option", "enable-smoke-test-driver"],
      env: {
        E2E_RESULTS: resultsFile,
        E2E_MOCHA_LOG: mochaLog,
        ...(process.env.E2E_GREP ? { E2E_GREP: process.env.E2E_GREP } : {}),
        // git (the extension's and the tests') sees only the fixture repository's own config.
        GIT_CONFIG_NOSYSTEM: "1", GIT_CONFIG_GLOBAL: gitEnv().GIT_CONFIG_GLOBAL!, GIT_TERMINAL_PROMPT: "0",
      },
    });
    context = await launchBrowser(run);
    const page = context.pages()[0] ?? await context.newPage();
    const exited = new Promise<number>((resolve) => {
      void page.exposeFunction("codeAutomationExit", (code: number) => { resolve(code); });
    });
    // Everything the workbench and the extension host print goes to a file (kept on failure);
    // the suite's own reporter lines are echoed live from mocha.log.
    await page.exposeFunction("codeAutomationLog", (type: string, args: unknown[]) => {
      appendFileSync(consoleLog, `[${type}] ${format(...(Array.isArray(args) ? args : [args]))}\n`);
    });
    tail = startTail(mochaLog, (line) => console.log(`  | ${line}`));
    const authority = `127.0.0.1:${server.port}`;
    const payload = [
      ["extensionDevelopmentPath", `vscode-remote://${authority}${extPath}`],
      ["extensionTestsPath", `vscode-remote://${authority}${testsPath}`],
      ["skipWelcome", "true"],
    ];
    const url = `${server.url}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
    log(`${route}: loading the workbench`);
    await page.goto(url, { waitUntil: "domcontentloaded", timeout: 180_000 });
    const timer = new Promise<"timeout">((r) => setTimeout(() => r("timeout"), timeoutMs));
    const outcome = await Promise.race([exited, timer]);
    if (outcome === "timeout") {
      failedHard = `the suite did not finish within ${timeoutMs} ms`;
      const dir = artifactsDir("suite");
      await page.screenshot({ path: join(dir, "timeout.png") }).catch(() => undefined);
      keepLogs(run.root, dir);
      details.push(`screenshot and logs: ${dir}`);
    } else {
      exitCode = outcome;
    }
  } catch (e) {
    failedHard = `harness error: ${(e as Error).stack ?? e}`;
  } finally {
    tail?.stop();
    await context?.close().catch(() => undefined);
    await server?.stop().catch((e) => details.push(String(e)));
  }

  let passed = 0, failed = 0;
  if (existsSync(resultsFile)) {
    const r = JSON.parse(readFileSync(resultsFile, "utf8")) as { passed: number; failed: number; failures: { title: string; error: string }[] };
    passed = r.passed; failed = r.failed;
    for (const f of r.failures) details.push(`FAILED: ${f.title}\n      ${f.error.split("\n").slice(0, 6).join("\n      ")}`);
  } else if (!failedHard) {
    failedHard = `the suite exited with code ${exitCode} but wrote no results (did it load? is mocha installed?)`;
  }
  if (failedHard) { failed += 1; details.push(failedHard); }
  if (exitCode !== undefined && exitCode !== 0 && failed === 0) { failed = 1; details.push(`extension host exit code ${exitCode}`); }
  if (failed > 0 && !details.some((d) => d.startsWith("screenshot and logs"))) {
    const dir = artifactsDir("suite");
    keepLogs(run.root, dir);
    details.push(`logs: ${dir} (extension host: vscode-logs/*/exthost1/remoteexthost.log)`);
  }
  run.dispose();
  log(`${route}: ${passed} passed, ${failed} failed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return { route, passed, failed, details };
}

if (require.main === module) runAsScript(runSuiteInCodeServer);
