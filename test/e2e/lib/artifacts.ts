/** Where failing runs leave screenshots and logs (kept after the run folder is removed). */
import { cpSync, existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { repoRoot } from "./harness";

export function artifactsDir(route: string): string {
  const base = process.env.E2E_ARTIFACTS ?? join(repoRoot, ".e2e-artifacts");
  const stamp = new Date().toISOString().replace(/[:.]/g, "-");
  const dir = join(base, `${route}-${stamp}`);
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** Copies code-server's log and the VS Code logs (extension host, our output channel) of a run. */
export function keepLogs(runRoot: string, dest: string): void {
  for (const [from, to] of [["code-server.log", "code-server.log"], ["ud/logs", "vscode-logs"], ["results.json", "results.json"], ["mocha.log", "mocha.log"], ["workbench-console.log", "workbench-console.log"]]) {
    const src = join(runRoot, from!);
    if (existsSync(src)) cpSync(src, join(dest, to!), { recursive: true });
  }
}
