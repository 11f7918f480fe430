/**
 * Route A: the packaged extension, as users install it, in a real workbench.
 *
 *   node --import tsx test/e2e/ui-smoke.ts [dist/llm-d-contrib.vsix]   (Node 24 first in PATH, CODE_SERVER set)
 *
 * Installs the .vsix into a fresh extensions folder of code-server, opens the fixture workspace in
 * headless Chromium (playwright-core, Debian's /usr/bin/chromium), opens OWNERS with Quick Open,
 * and requires the unknown-key diagnostic in the Problems panel and in the squiggle's hover.
 * Selectors are VS Code 1.139's DOM (code-server 4.139.1 is pinned in setup-e2e.sh).
 * On failure: a screenshot and the logs under .e2e-artifacts/ui-smoke-<time>/.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { artifactsDir, keepLogs } from "./lib/artifacts";
import { installVsix, launchBrowser, log, makeRunDir, prepareWorkspace, repoRoot, runAsScript, startCodeServer, type RouteResult } from "./lib/harness";

const STEP_TIMEOUT_MS = Number(process.env.E2E_STEP_TIMEOUT_MS ?? 90_000);
/** What the Problems panel must show for fixtures/workspace/OWNERS line 5 (`reviwers:`). */
const EXPECTED_PROBLEM = /reviwers[\s\S]*owners\/unknown-key|owners\/unknown-key[\s\S]*reviwers/;

export async function runUiSmoke(vsix = join(repoRoot, "dist", "llm-d-contrib.vsix")): Promise<RouteResult> {
  const route = "UI smoke (packaged .vsix in code-server)";
  if (!existsSync(vsix)) return { route, passed: 0, failed: 1, details: [`missing ${vsix}: run npm run package first`] };
  const started = Date.now();
  const run = makeRunDir("ui", { git: false });
  const workspace = prepareWorkspace(run, "workspace", { gitRepo: false });
  const details: string[] = [];
  let passed = 0, failed = 0;
  let step = "install the .vsix";
  let server: Awaited<ReturnType<typeof startCodeServer>> | undefined;
  let context: Awaited<ReturnType<typeof launchBrowser>> | undefined;
  let page: Awaited<ReturnType<NonNullable<typeof context>["newPage"]>> | undefined;
  const check = async (name: string, body: () => Promise<void>) => {
    step = name;
    await body();
    passed++;
    log(`${route}: ✔ ${name}`);
  };
  try {
    installVsix(run, vsix);
    step = "start code-server";
    server = await startCodeServer(run, workspace);
    context = await launchBrowser(run);
    context.setDefaultTimeout(STEP_TIMEOUT_MS);
    page = context.pages()[0] ?? await context.newPage();
    const p = page;
    await check("the workbench opens the fixture workspace", async () => {
      await p.goto(`${server!.url}/?folder=${encodeURIComponent(workspace)}`, { waitUntil: "domcontentloaded", timeout: 180_000 });
      await p.locator(".explorer-folders-view .monaco-list-row").first().waitFor();
    });
    await check("Quick Open opens OWNERS with the OWNERS language mode", async () => {
      await p.locator(".part.editor").click();
      await p.keyboard.press("Control+P");
      await p.locator(".quick-input-widget input").fill("OWNERS");
      await p.locator(".quick-input-list .monaco-list-row", { hasText: "OWNERS" }).first().waitFor();
      await p.keyboard.press("Enter");
      await p.locator(".tabs-container .tab.active", { hasText: "OWNERS" }).waitFor();
      await p.locator(".statusbar-item", { hasText: /^OWNERS$/ }).first().waitFor();
    });
    await check("the Problems panel lists owners/unknown-key for `reviwers`", async () => {
      await p.keyboard.press("Control+Shift+M");
      const row = p.locator(".markers-panel .monaco-list-row", { hasText: EXPECTED_PROBLEM }).first();
      await row.waitFor();
      log(`${route}: Problems row: ${(await row.innerText()).replace(/\s+/g, " ")}`);
    });
    await check("hovering the squiggle shows the same message", async () => {
      await p.locator(".monaco-editor .squiggly-warning, .monaco-editor .squiggly-error, .monaco-editor .squiggly-info").first().hover({ force: true });
      await p.locator(".monaco-hover:not(.hidden)", { hasText: /reviwers/ }).first().waitFor();
    });
  } catch (e) {
    failed++;
    const dir = artifactsDir("ui-smoke");
    const shot = join(dir, "failure.png");
    if (page) await page.screenshot({ path: shot }).catch(() => undefined);
    keepLogs(run.root, dir);
    details.push(`FAILED at step "${step}": ${(e as Error).message.split("\n")[0]}`);
    details.push(`screenshot: ${shot}`, `logs: ${dir}`);
  } finally {
    await context?.close().catch(() => undefined);
    await server?.stop().catch((e) => { failed++; details.push(String(e)); });
    run.dispose();
  }
  log(`${route}: ${passed} passed, ${failed} failed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return { route, passed, failed, details };
}

if (require.main === module) runAsScript(() => runUiSmoke(process.argv[2]));
