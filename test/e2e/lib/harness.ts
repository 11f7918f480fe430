/**
 * Shared harness for the end-to-end runners: a temporary run folder per run, code-server started
 * in a process group of its own and stopped by that group, Chromium through playwright-core, and
 * fixture workspaces (optionally a git repository) copied into the run folder.
 *
 * Nothing here writes outside the run folder: user data, extensions, TMPDIR, XDG_CONFIG_HOME,
 * XDG_DATA_HOME, code-server's --config and Chromium's profile all live inside it.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join, relative, resolve } from "node:path";

export const repoRoot = resolve(__dirname, "..", "..", "..");
export const fixturesDir = join(repoRoot, "test", "e2e", "fixtures");

export function log(...args: unknown[]): void {
  console.log(`[e2e ${new Date().toISOString().slice(11, 23)}]`, ...args);
}

// --------------------------------------------------------------------------------- results

/** What one route reports: its counts and, on failure, what failed and where the evidence is. */
export interface RouteResult { route: string; passed: number; failed: number; details: string[] }

/** Runs a route as a script: its details, then "N passed, N failed", exit 1 on any failure. */
export function runAsScript(route: () => Promise<RouteResult>): void {
  void route().then((r) => {
    for (const d of r.details) console.log(`  ${d}`);
    console.log(`${r.passed} passed, ${r.failed} failed`);
    process.exit(r.failed > 0 ? 1 : 0);
  });
}

// --------------------------------------------------------------------------------- run folder

export interface RunDir {
  root: string;
  userData: string;
  extensions: string;
  tmp: string;
  config: string;
  chrome: string;
  /** Removes the folder unless KEEP=1 (then its path is printed for inspection). */
  dispose(): void;
}

/** Settings shared by every code-server run: quiet, offline, no welcome pages, no AI. */
function baseSettings(git: boolean): Record<string, unknown> {
  return {
    "workbench.startupEditor": "none",
    "workbench.tips.enabled": false,
    "workbench.enableExperiments": false,
    "workbench.secondarySideBar.defaultVisibility": "hidden",
    "workbench.welcomePage.walkthroughs.openOnInstall": false,
    "telemetry.telemetryLevel": "off",
    "update.mode": "none",
    "extensions.autoCheckUpdates": false,
    "extensions.autoUpdate": false,
    "security.workspace.trust.enabled": false,
    "chat.disableAIFeatures": true,
    "chat.commandCenter.enabled": false,
    "github.copilot.enable": { "*": false },
    "window.commandCenter": false,
    "files.autoSave": "off",
    // Completion tests must see only what the language server offers, not words of open files.
    "editor.wordBasedSuggestions": "off",
    "files.watcherExclude": { "**/.git/objects/**": true },
    // The UI route needs no git (and git off removes the vscode-git-*.sock noise); the suite
    // route tests the sign-off commands through the git extension, so there git is on.
    "git.enabled": git,
    "git.autoRepositoryDetection": git ? true : false,
    "git.openRepositoryInParentFolders": "never",
    "git.autofetch": false,
    "git.confirmSync": false,
    "git.useEditorAsCommitInput": false,
    "git.showProgress": false,
    "scm.showActionButton": false,
  };
}

export function makeRunDir(name: string, opts: { git: boolean }): RunDir {
  const base = process.env.E2E_RUN_ROOT ?? tmpdir();
  mkdirSync(base, { recursive: true });
  const root = mkdtempSync(join(base, `llm-d-contrib-e2e-${name}-`));
  const dirs = {
    userData: join(root, "ud"), extensions: join(root, "ext"), tmp: join(root, "tmp"),
    chrome: join(root, "chrome"), xdgConfig: join(root, "xdg-config"), xdgData: join(root, "xdg-data"),
  };
  for (const d of Object.values(dirs)) mkdirSync(d, { recursive: true });
  mkdirSync(join(dirs.userData, "User"), { recursive: true });
  writeFileSync(join(dirs.userData, "User", "settings.json"), JSON.stringify(baseSettings(opts.git), null, 2));
  const config = join(root, "config.yaml");
  writeFileSync(config, "bind-addr: 127.0.0.1:0\nauth: none\ncert: false\n");
  return {
    root, config, userData: dirs.userData, extensions: dirs.extensions, tmp: dirs.tmp, chrome: dirs.chrome,
    dispose() {
      if (process.env.KEEP === "1") { log(`KEEP=1: run folder kept at ${root}`); return; }
      rmSync(root, { recursive: true, force: true });
    },
  };
}

/** The environment every child of a run gets: its own TMPDIR and XDG folders, no gallery. */
export function runEnv(run: RunDir, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    TMPDIR: run.tmp,
    XDG_CONFIG_HOME: join(run.root, "xdg-config"),
    XDG_DATA_HOME: join(run.root, "xdg-data"),
    XDG_CACHE_HOME: join(run.root, "xdg-cache"),
    EXTENSIONS_GALLERY: "{}",
    ...extra,
  };
  // code-server would read a password from here; never inherit one.
  delete env.PASSWORD;
  delete env.HASHED_PASSWORD;
  return env;
}

// --------------------------------------------------------------------------------- processes

/** Processes (pid, state) of process group `pgid`, read from /proc; zombies are reported as such. */
export function groupMembers(pgid: number): { pid: number; state: string; comm: string }[] {
  const out: { pid: number; state: string; comm: string }[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try { stat = readFileSync(`/proc/${entry}/stat`, "utf8"); } catch { continue; }
    // pid (comm) state ppid pgrp ... — comm may contain spaces and parentheses.
    const close = stat.lastIndexOf(")");
    const comm = stat.slice(stat.indexOf("(") + 1, close);
    const fields = stat.slice(close + 2).split(" ");
    if (Number(fields[2]) === pgid) out.push({ pid: Number(entry), state: fields[0]!, comm });
  }
  return out;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Stops a whole process group: SIGTERM, wait until no non-zombie member is left, then SIGKILL
 * whatever is still alive. Killing only the leader would orphan the extension host, the file
 * watcher and the language server.
 */
export async function stopGroup(pgid: number, label: string, graceMs = 5000): Promise<void> {
  const alive = () => groupMembers(pgid).filter((p) => p.state !== "Z");
  if (alive().length === 0) return;
  try { process.kill(-pgid, "SIGTERM"); } catch { /* already gone */ }
  const deadline = Date.now() + graceMs;
  while (alive().length > 0 && Date.now() < deadline) await sleep(50);
  const left = alive();
  if (left.length > 0) {
    log(`${label}: ${left.length} process(es) ignored SIGTERM (${left.map((p) => `${p.pid} ${p.comm}`).join(", ")}); SIGKILL`);
    try { process.kill(-pgid, "SIGKILL"); } catch { /* gone */ }
    const hard = Date.now() + 3000;
    while (alive().length > 0 && Date.now() < hard) await sleep(50);
  }
  const still = alive();
  if (still.length > 0) throw new Error(`${label}: process group ${pgid} survived SIGKILL: ${JSON.stringify(still)}`);
}

export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const srv = createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const addr = srv.address();
      const port = typeof addr === "object" && addr ? addr.port : 0;
      srv.close(() => resolvePort(port));
    });
  });
}

// --------------------------------------------------------------------------------- code-server

export function codeServerBin(): string {
  const bin = process.env.CODE_SERVER;
  if (!bin || !existsSync(bin)) {
    throw new Error("CODE_SERVER is not set or missing; run: eval \"$(bash test/e2e/setup-e2e.sh | tail -1)\"");
  }
  return bin;
}

export interface CodeServer {
  url: string;
  port: number;
  pgid: number;
  logFile: string;
  stop(): Promise<void>;
}

function dirArgs(run: RunDir): string[] {
  return ["--config", run.config, "--user-data-dir", run.userData, "--extensions-dir", run.extensions];
}

/** Installs a .vsix into the run's extensions folder (never the user's). */
export function installVsix(run: RunDir, vsix: string): void {
  const r = spawnSync(codeServerBin(), [...dirArgs(run), "--install-extension", vsix, "--force"], {
    env: runEnv(run), encoding: "utf8", timeout: 120_000,
  });
  if (r.status !== 0) throw new Error(`installing ${vsix} failed (exit ${r.status}):\n${r.stdout}\n${r.stderr}`);
  log(`installed ${vsix}: ${r.stdout.trim().split("\n").pop()}`);
}

export async function startCodeServer(run: RunDir, folder: string, opts: {
  extraArgs?: string[]; env?: Record<string, string>; readyTimeoutMs?: number;
} = {}): Promise<CodeServer> {
  const port = await freePort();
  const logFile = join(run.root, "code-server.log");
  const { openSync, closeSync } = await import("node:fs");
  const fd = openSync(logFile, "a");
  const args = [
    ...dirArgs(run), "--bind-addr", `127.0.0.1:${port}`, "--auth", "none",
    "--disable-telemetry", "--disable-update-check", "--disable-workspace-trust",
    "--disable-getting-started-override", "--ignore-last-opened", ...(opts.extraArgs ?? []), folder,
  ];
  const child: ChildProcess = spawn(codeServerBin(), args, {
    detached: true, stdio: ["ignore", fd, fd], env: runEnv(run, opts.env ?? {}),
  });
  closeSync(fd);
  const pgid = child.pid!;
  let exited: string | undefined;
  child.once("exit", (code, sig) => { exited = `code-server exited early (${code ?? sig}); see ${logFile}`; });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + (opts.readyTimeoutMs ?? 60_000);
  for (;;) {
    if (exited) throw new Error(exited);
    try {
      const res = await fetch(`${url}/healthz`);
      if (res.ok) break;
    } catch { /* not up yet */ }
    if (Date.now() > deadline) { await stopGroup(pgid, "code-server"); throw new Error(`code-server did not answer /healthz; see ${logFile}`); }
    await sleep(100);
  }
  log(`code-server up on ${url} (pgid ${pgid})`);
  return { url, port, pgid, logFile, stop: () => stopGroup(pgid, "code-server") };
}

// --------------------------------------------------------------------------------- browser

export async function launchBrowser(run: RunDir) {
  const { chromium } = await import("playwright-core");
  const executablePath = process.env.CHROMIUM ?? "/usr/bin/chromium";
  if (!existsSync(executablePath)) throw new Error(`Chromium not found at ${executablePath}; run test/e2e/setup-e2e.sh`);
  return chromium.launchPersistentContext(run.chrome, {
    executablePath,
    headless: true,
    viewport: { width: 1400, height: 900 },
    env: runEnv(run) as Record<string, string>,
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
      "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"],
  });
}

// --------------------------------------------------------------------------------- fixtures

function git(cwd: string, ...args: string[]): string {
  const r = spawnSync("git", args, { cwd, encoding: "utf8", env: gitEnv() });
  if (r.status !== 0) throw new Error(`git ${args.join(" ")} failed in ${cwd}: ${r.stderr}`);
  return r.stdout;
}

/** git that ignores the machine's global and system configuration. */
export function gitEnv(): NodeJS.ProcessEnv {
  return { ...process.env, GIT_CONFIG_NOSYSTEM: "1", GIT_CONFIG_GLOBAL: "/dev/null", GIT_TERMINAL_PROMPT: "0" };
}

export const FIXTURE_USER = { name: "E2E Tester", email: "e2e@example.com" };

/**
 * Copies fixtures/<name> into the run folder. With E2E_BREAK=clean the files from
 * fixtures/<name>-clean/ are laid over it (a workspace without the mistakes the tests expect),
 * which must turn every route red: that is how the suite proves it can fail.
 * With `gitRepo`, the copy becomes a git repository with one signed-off commit on `main`
 * and a local identity (the git extension commits with user.useConfigOnly=true).
 */
export function prepareWorkspace(run: RunDir, name: string, opts: {
  gitRepo: boolean;
  /** Folder name inside the run folder (default "workspace"). */
  dest?: string;
  /** Keep only these fixture files (relative paths); the default keeps all. */
  only?: string[];
  /** Extra files to write (relative path → text). */
  extra?: Record<string, string>;
}): string {
  const dest = join(run.root, opts.dest ?? "workspace");
  const keep = (src: string) => {
    if (!opts.only) return true;
    const rel = relative(join(fixturesDir, name), src);
    const relClean = relative(join(fixturesDir, `${name}-clean`), src);
    const r = rel.startsWith("..") ? relClean : rel;
    return r === "" || opts.only.some((o) => o === r || o.startsWith(r + "/"));
  };
  cpSync(join(fixturesDir, name), dest, { recursive: true, filter: keep });
  const clean = join(fixturesDir, `${name}-clean`);
  if (process.env.E2E_BREAK === "clean" && existsSync(clean)) {
    cpSync(clean, dest, { recursive: true, force: true, filter: keep });
    log(`E2E_BREAK=clean: laid ${clean} over ${dest} — this run is expected to FAIL`);
  }
  for (const [rel, text] of Object.entries(opts.extra ?? {})) {
    mkdirSync(dirname(join(dest, rel)), { recursive: true });
    writeFileSync(join(dest, rel), text);
  }
  if (opts.gitRepo) {
    git(dest, "init", "-q", "-b", "main");
    git(dest, "config", "user.name", FIXTURE_USER.name);
    git(dest, "config", "user.email", FIXTURE_USER.email);
    git(dest, "config", "commit.gpgsign", "false");
    git(dest, "add", "-A");
    git(dest, "commit", "-q", "-s", "-m", "Initial fixture");
  }
  return dest;
}
