/**
 * Temporary git repositories for the commit tests, isolated from the machine's git
 * configuration (GIT_CONFIG_GLOBAL=/dev/null, no system config), each with its own identity
 * and commit.gpgsign off.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const ISOLATION: Record<string, string> = { GIT_CONFIG_GLOBAL: "/dev/null", GIT_CONFIG_NOSYSTEM: "1", GIT_TERMINAL_PROMPT: "0" };
const IDENTITY_VARS = ["GIT_AUTHOR_NAME", "GIT_AUTHOR_EMAIL", "GIT_COMMITTER_NAME", "GIT_COMMITTER_EMAIL", "GIT_AUTHOR_DATE", "GIT_COMMITTER_DATE", "EMAIL", "GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE"];

/** Call in a mocha `before`: isolates every git the code under test runs; returns the undo. */
export function isolateGit(): () => void {
  const saved: Record<string, string | undefined> = {};
  for (const k of [...Object.keys(ISOLATION), ...IDENTITY_VARS]) saved[k] = process.env[k];
  Object.assign(process.env, ISOLATION);
  for (const k of IDENTITY_VARS) delete process.env[k];
  return () => {
    for (const [k, v] of Object.entries(saved)) { if (v === undefined) delete process.env[k]; else process.env[k] = v; }
  };
}

export const JANE = { name: "Jane Dev", email: "jane@example.com" };
export const BOB = { name: "Bob Builder", email: "bob@example.com" };

export class Repo {
  readonly dir: string;
  private tick = 0;
  constructor(name = "repo") {
    this.dir = mkdtempSync(join(tmpdir(), `llm-d-commit-${name}-`));
    this.git("init", "-q", "-b", "main");
    this.git("config", "user.name", JANE.name);
    this.git("config", "user.email", JANE.email);
    this.git("config", "commit.gpgsign", "false");
    this.git("config", "core.hooksPath", join(this.dir, ".git", "hooks"));
  }
  git(...args: string[]): string {
    return this.gitEnv({}, ...args);
  }
  gitEnv(env: Record<string, string>, ...args: string[]): string {
    return this.gitIn(env, "", ...args);
  }
  gitIn(env: Record<string, string>, input: string, ...args: string[]): string {
    const date = `2026-01-01T00:${String(Math.floor(this.tick / 60) % 60).padStart(2, "0")}:${String(this.tick++ % 60).padStart(2, "0")}Z`;
    return execFileSync("git", args, {
      cwd: this.dir, encoding: "utf8", stdio: ["pipe", "pipe", "pipe"], input,
      env: { ...process.env, ...ISOLATION, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date, ...env },
    });
  }
  write(path: string, text: string): void {
    writeFileSync(join(this.dir, path), text);
  }
  /** A commit with this message (taken verbatim), optionally by another author; returns its sha. */
  commit(message: string, opts: { author?: { name: string; email: string }; file?: string; content?: string } = {}): string {
    const file = opts.file ?? "file.txt";
    this.write(file, opts.content ?? `${message}\n${this.tick}\n`);
    this.git("add", "--", file);
    const env: Record<string, string> = opts.author
      ? { GIT_AUTHOR_NAME: opts.author.name, GIT_AUTHOR_EMAIL: opts.author.email } : {};
    this.gitIn(env, message, "commit", "-q", "--cleanup=verbatim", "-F", "-");
    return this.head();
  }
  head(): string { return this.git("rev-parse", "HEAD").trim(); }
  message(ref = "HEAD"): string { return this.git("log", "-1", "--format=%B", ref); }
  remove(): void { rmSync(this.dir, { recursive: true, force: true }); }
}
