/** Helpers for the reliability tests: a recording fake git, and spawning with extra environment. */
import { accessSync, chmodSync, constants, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { delimiter, join } from "node:path";

/** The git the machine would run (the first on PATH). */
export function realGit(): string {
  for (const dir of (process.env.PATH ?? "").split(delimiter)) {
    const p = join(dir, "git");
    try { accessSync(p, constants.X_OK); return p; } catch { /* next */ }
  }
  throw new Error("git is not on PATH");
}

/**
 * Writes `dir/bin/git`, which appends its arguments (one line per run) to `dir/git.log` and then
 * runs the real git. Returns the PATH that puts it first and the log's path.
 */
export function recordingGit(dir: string): { path: string; log: string; runs: () => string[] } {
  const bin = join(dir, "bin");
  mkdirSync(bin, { recursive: true });
  const log = join(dir, "git.log");
  const script = join(bin, "git");
  writeFileSync(script, `#!/bin/sh\nprintf '%s\\n' "$*" >> '${log}'\nexec '${realGit()}' "$@"\n`);
  chmodSync(script, 0o755);
  return {
    path: `${bin}${delimiter}${process.env.PATH ?? ""}`,
    log,
    runs: () => (existsSync(log) ? readFileSync(log, "utf8").split("\n").filter(Boolean) : []),
  };
}

/** Runs `fn` with extra environment variables set in this process (children spawned inside inherit them). */
export async function withEnv<T>(vars: Record<string, string>, fn: () => Promise<T>): Promise<T> {
  const saved = Object.fromEntries(Object.keys(vars).map((k) => [k, process.env[k]]));
  Object.assign(process.env, vars);
  try {
    return await fn();
  } finally {
    for (const [k, v] of Object.entries(saved)) { if (v === undefined) delete process.env[k]; else process.env[k] = v; }
  }
}
