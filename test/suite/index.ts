/**
 * Entry point of the in-VS-Code suite (`extensionTestsPath`). VS Code's extension host requires
 * this file and awaits `run()`; a rejected promise makes the host exit with code 1.
 *
 * Test files are the sibling `*.test.js` bundles. Environment knobs (they reach the extension
 * host through the runner): E2E_GREP (mocha grep), E2E_RESULTS (a JSON file that receives the
 * counts and failures, read by the runners for the closing "N passed, N failed" line),
 * E2E_MOCHA_LOG (a copy of the reporter's output), E2E_TIMEOUT_MS (per-test timeout).
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { format } from "node:util";
import * as vscode from "vscode";

interface MochaRunner { on(event: string, cb: (...args: any[]) => void): void }
interface MochaInstance { addFile(f: string): void; run(cb: (failures: number) => void): MochaRunner }
interface MochaClass { new (opts: object): MochaInstance; reporters: { Base: { consoleLog: (...args: unknown[]) => void } } }

export function run(): Promise<void> {
  // mocha 12's package entry is ESM; its CommonJS build lives in lib/mocha.cjs.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const Mocha = require("mocha/lib/mocha.cjs") as MochaClass;
  // E2E_MOCHA_LOG: the reporter's lines also go to this file, so a runner can show the suite's
  // output without the workbench's own console chatter.
  const logFile = process.env.E2E_MOCHA_LOG;
  if (logFile) {
    const original = Mocha.reporters.Base.consoleLog;
    Mocha.reporters.Base.consoleLog = (...args: unknown[]) => {
      original(...args);
      try { fs.appendFileSync(logFile, format(...args) + "\n"); } catch { /* the log is a convenience */ }
    };
  }
  // A one-kind workspace of the runner's activation windows runs only the fresh-window test.
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
  const freshWindow = !!folder && fs.existsSync(path.join(folder, ".e2e-activation.json"));
  const mocha = new Mocha({
    ui: "bdd",
    color: false,
    reporter: "spec",
    timeout: Number(process.env.E2E_TIMEOUT_MS ?? 60_000),
    slow: 5_000,
    grep: freshWindow ? "activation in a fresh window" : process.env.E2E_GREP || undefined,
  });
  const files = fs.readdirSync(__dirname).filter((f) => f.endsWith(".test.js")).sort();
  for (const f of files) mocha.addFile(path.join(__dirname, f));

  return new Promise((resolve, reject) => {
    let passed = 0;
    const failures: { title: string; error: string }[] = [];
    // Written after every test, so a runner that gives up on a hung suite still has the counts.
    const save = (done: boolean) => {
      if (!process.env.E2E_RESULTS) return;
      try {
        fs.writeFileSync(process.env.E2E_RESULTS, JSON.stringify({ passed, failed: failures.length, failures, done }, null, 2));
      } catch (e) { console.error(`cannot write ${process.env.E2E_RESULTS}: ${e}`); }
    };
    const runner = mocha.run((failed) => {
      save(true);
      Mocha.reporters.Base.consoleLog(`suite: ${passed} passed, ${failures.length} failed`);
      if (failed > 0) reject(new Error(`${failed} test(s) failed`));
      else resolve();
    });
    runner.on("pass", () => { passed++; save(false); });
    runner.on("fail", (test: { fullTitle(): string }, err: Error) => {
      failures.push({ title: test.fullTitle(), error: String(err?.stack ?? err) });
      save(false);
    });
  });
}
