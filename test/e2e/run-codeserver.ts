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
import { appendFileSync, existsSync, readFileSync, rmSync, statSync } from "node:fs";
import { format } from "node:util";
import { join } from "node:path";
import { artifactsDir, keepLogs } from "./lib/artifacts";
import { fixturesDir, gitEnv, launchBrowser, log, makeRunDir, prepareWorkspace, repoRoot, runAsScript, startCodeServer, type RouteResult } from "./lib/harness";

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

/**
 * Fresh windows that check activation on its own: each workspace holds one file kind and a
 * marker (.e2e-activation.json) that makes the suite run only its "fresh window" test, which
 * requires the extension to be inactive until the file is opened. In the main workspace an
 * OWNERS file activates it at startup (workspaceContains:**\/OWNERS, checked by the suite's
 * first test), which would hide a missing onLanguage activation event
 * (specs/e2e-real-vscode.md §2: VS Code does not imply it for every language).
 */
function fixtureText(rel: string): string {
  return readFileSync(join(fixturesDir, "workspace", rel), "utf8");
}

const ACTIVATION_WINDOWS: { name: string; only?: string[]; extra?: Record<string, string>; open: string; languageId: string; rule: string; activeAtStartup?: boolean }[] = [
  { name: "go", only: ["cmd/server/options.go"], open: "cmd/server/options.go", languageId: "go", rule: "flags/experimental-default-on" },
  { name: "proposal", only: ["docs/proposals/fast-path.md"], open: "docs/proposals/fast-path.md", languageId: "markdown", rule: "proposal/missing-section" },
  // Below the root, so that only opening it (onLanguage) can activate the extension...
  { name: "owners-aliases", only: [], extra: { "config/OWNERS_ALIASES": fixtureText("OWNERS_ALIASES") }, open: "config/OWNERS_ALIASES", languageId: "owners-aliases", rule: "owners/aliases-misplaced" },
  // ...and at the root, where workspaceContains:OWNERS_ALIASES activates it before anything is opened.
  { name: "owners-aliases-root", only: ["OWNERS_ALIASES"], open: "OWNERS_ALIASES", languageId: "owners-aliases", rule: "owners/empty-alias", activeAtStartup: true },
  { name: "commit", only: [], extra: { "msg/COMMIT_EDITMSG": "Add the fast path\n\nIt skips scoring for short prompts.\n" }, open: "msg/COMMIT_EDITMSG", languageId: "git-commit", rule: "commit/missing-signoff" },
];

interface SuiteResults { passed: number; failed: number; failures: { title: string; error: string }[] }

export async function runSuiteInCodeServer(): Promise<RouteResult> {
  const route = "suite (code-server extension host)";
  // E2E_EXTENSION_PATH: test another checkout (default: this working tree).
  const extPath = process.env.E2E_EXTENSION_PATH ?? repoRoot;
  const testsPath = join(extPath, "dist", "test", "suite", "index.js");
  for (const f of [join(extPath, "dist", "extension.js"), join(extPath, "dist", "server.js"), testsPath]) {
    if (!existsSync(f)) return { route, passed: 0, failed: 1, details: [`missing ${f}: build first (npm run build && node test/e2e/build-suite.mjs)`] };
  }
  // Per window. A green main window takes 1–5 min here (2 cores shared); a red one waits 30 s
  // for each missing diagnostic.
  const timeoutMs = Number(process.env.E2E_SUITE_TIMEOUT_MS ?? 900_000);
  const run = makeRunDir("suite", { git: true });
  const workspace = prepareWorkspace(run, "workspace", { gitRepo: true });
  const windows = [{ name: "main", folder: workspace }];
  if (!process.env.E2E_GREP && process.env.E2E_ACTIVATION !== "0") {
    for (const w of ACTIVATION_WINDOWS) {
      const folder = prepareWorkspace(run, "workspace", {
        gitRepo: false, dest: `activation-${w.name}`, only: w.only,
        extra: { ...w.extra, ".e2e-activation.json": JSON.stringify({ open: w.open, languageId: w.languageId, rule: w.rule, activeAtStartup: w.activeAtStartup ?? false }) },
      });
      windows.push({ name: `activation: ${w.name}`, folder });
    }
  }
  const resultsFile = join(run.root, "results.json");
  const mochaLog = join(run.root, "mocha.log");
  const consoleLog = join(run.root, "workbench-console.log");
  const details: string[] = [];
  let passed = 0, failed = 0;
  let server: Awaited<ReturnType<typeof startCodeServer>> | undefined;
  let context: Awaited<ReturnType<typeof launchBrowser>> | undefined;
  let tail: { stop(): void } | undefined;
  const started = Date.now();
  const fail = (what: string) => { failed++; details.push(what); };
  try {
    server = await startCodeServer(run, workspace, {
      // A window's extension host (and its language server) outlives the page for the grace
      // time; each window here is a page load, so let the previous ones go quickly.
      extraArgs: ["--vscode-option", "enable-smoke-test-driver", "--reconnection-grace-time", "20"],
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
    let onExit: ((code: number) => void) | undefined;
    await page.exposeFunction("codeAutomationExit", (code: number) => { onExit?.(code); });
    // Everything the workbench and the extension host print goes to a file (kept on failure);
    // the suite's own reporter lines are echoed live from mocha.log.
    await page.exposeFunction("codeAutomationLog", (type: string, args: unknown[]) => {
      appendFileSync(consoleLog, `[${type}] ${format(...(Array.isArray(args) ? args : [args]))}\n`);
    });
    tail = startTail(mochaLog, (line) => console.log(`  | ${line}`));
    const authority = `127.0.0.1:${server.port}`;
    const payload = encodeURIComponent(JSON.stringify([
      ["extensionDevelopmentPath", `vscode-remote://${authority}${extPath}`],
      ["extensionTestsPath", `vscode-remote://${authority}${testsPath}`],
      ["skipWelcome", "true"],
    ]));
    // Each page load is a new workbench and a new extension host.
    for (const w of windows) {
      rmSync(resultsFile, { force: true });
      log(`${route}: window "${w.name}": loading the workbench`);
      const exited = new Promise<number>((resolve) => { onExit = resolve; });
      await page.goto(`${server.url}/?folder=${encodeURIComponent(w.folder)}&payload=${payload}`, { waitUntil: "domcontentloaded", timeout: 180_000 });
      const outcome = await Promise.race([exited, new Promise<"timeout">((r) => setTimeout(() => r("timeout"), timeoutMs))]);
      if (outcome === "timeout") {
        const dir = artifactsDir("suite");
        await page.screenshot({ path: join(dir, "timeout.png") }).catch(() => undefined);
        keepLogs(run.root, dir);
        if (existsSync(resultsFile)) {
          const r = JSON.parse(readFileSync(resultsFile, "utf8")) as SuiteResults;
          passed += r.passed; failed += r.failed;
          for (const f of r.failures) details.push(`FAILED (${w.name}): ${f.title}\n      ${f.error.split("\n").slice(0, 6).join("\n      ")}`);
        }
        fail(`window "${w.name}": the suite did not finish within ${timeoutMs} ms (counts above are up to then); screenshot and logs: ${dir}`);
        break;
      }
      if (!existsSync(resultsFile)) { fail(`window "${w.name}": the suite exited with code ${outcome} but wrote no results (did it load? is mocha installed?)`); continue; }
      const r = JSON.parse(readFileSync(resultsFile, "utf8")) as SuiteResults;
      passed += r.passed; failed += r.failed;
      for (const f of r.failures) details.push(`FAILED (${w.name}): ${f.title}\n      ${f.error.split("\n").slice(0, 6).join("\n      ")}`);
      if (r.passed + r.failed === 0) fail(`window "${w.name}": no test ran`);
      else if (outcome !== 0 && r.failed === 0) fail(`window "${w.name}": extension host exit code ${outcome}`);
    }
    // Leave the last workbench so its extension host shuts down before the group is stopped.
    await page.goto("about:blank").catch(() => undefined);
  } catch (e) {
    fail(`harness error: ${(e as Error).stack ?? e}`);
  } finally {
    tail?.stop();
    await context?.close().catch(() => undefined);
    await server?.stop().catch((e) => fail(String(e)));
  }
  if (failed > 0 && !details.some((d) => d.includes("screenshot and logs"))) {
    const dir = artifactsDir("suite");
    keepLogs(run.root, dir);
    details.push(`logs: ${dir} (mocha.log; workbench-console.log; extension host: vscode-logs/*/exthost1/remoteexthost.log)`);
  }
  run.dispose();
  log(`${route}: ${passed} passed, ${failed} failed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return { route, passed, failed, details };
}

if (require.main === module) runAsScript(runSuiteInCodeServer);
