/**
 * The same in-VS-Code suite in desktop VS Code, through @vscode/test-electron.
 *
 *   npm run test:electron          (builds dist/ and the suite, then runs this file)
 *
 * For machines that can download VS Code (update.code.visualstudio.com), or that have a
 * pre-seeded .vscode-test/ folder. VSCODE_VERSION picks the version (default "stable");
 * VSCODE_EXECUTABLE uses an installed VS Code instead of downloading one.
 * On the offline project machine it fails at once with `getaddrinfo ENOTFOUND
 * update.code.visualstudio.com`, which is expected: `npm run test:e2e` runs the suite in
 * code-server there instead.
 *
 * Linux without a display: run it under xvfb-run (`xvfb-run -a npm run test:electron`).
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { makeRunDir, prepareWorkspace, repoRoot } from "./lib/harness";

async function main(): Promise<number> {
  const { runTests } = await import("@vscode/test-electron");
  const testsPath = join(repoRoot, "dist", "test", "suite", "index.js");
  if (!existsSync(testsPath) || !existsSync(join(repoRoot, "dist", "extension.js"))) {
    console.log(`missing ${testsPath} or dist/extension.js: build first`);
    console.log("0 passed, 1 failed");
    return 1;
  }
  const run = makeRunDir("electron", { git: true });
  const workspace = prepareWorkspace(run, "workspace", { gitRepo: true });
  const resultsFile = join(run.root, "results.json");
  let code: number;
  let error: string | undefined;
  try {
    code = await runTests({
      version: process.env.VSCODE_VERSION ?? "stable",
      ...(process.env.VSCODE_EXECUTABLE ? { vscodeExecutablePath: process.env.VSCODE_EXECUTABLE } : {}),
      extensionDevelopmentPath: repoRoot,
      extensionTestsPath: testsPath,
      extensionTestsEnv: {
        E2E_RESULTS: resultsFile,
        ...(process.env.E2E_GREP ? { E2E_GREP: process.env.E2E_GREP } : {}),
        GIT_CONFIG_NOSYSTEM: "1", GIT_CONFIG_GLOBAL: "/dev/null", GIT_TERMINAL_PROMPT: "0",
      },
      launchArgs: [
        workspace,
        `--user-data-dir=${run.userData}`,
        `--extensions-dir=${run.extensions}`,
        "--disable-workspace-trust",
        "--skip-welcome",
        "--skip-release-notes",
      ],
    });
  } catch (e) {
    code = 1;
    error = (e as Error).message ?? String(e);
  }
  let passed = 0, failed = 0;
  if (existsSync(resultsFile)) {
    const r = JSON.parse(readFileSync(resultsFile, "utf8")) as { passed: number; failed: number };
    passed = r.passed; failed = r.failed;
  }
  if (code !== 0 && failed === 0) failed = 1;
  if (error) {
    console.log(`test-electron failed: ${error}`);
    if (/ENOTFOUND|EAI_AGAIN|getaddrinfo/.test(error)) {
      console.log("VS Code cannot be downloaded from this machine (expected offline); use `npm run test:e2e` (code-server) here.");
    }
  }
  run.dispose();
  console.log(`${passed} passed, ${failed} failed`);
  return failed > 0 ? 1 : 0;
}

void main().then((code) => process.exit(code));
