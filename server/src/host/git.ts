/**
 * git, run the only safe way: `execFile` with an argument array (never a shell string), and
 * `--end-of-options` before any ref taken from the repository, so a branch named "-x" is a
 * name and not an option. Used by the server, the CLI and the VS Code commands alike.
 */
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { isAbsolute, join, resolve } from "node:path";
import type { HostFacts, Identity } from "../engine/types";

export interface GitResult { code: number; stdout: string; stderr: string; signal?: string }
export interface GitOptions {
  /** Text for git's standard input. */
  input?: string;
  /** Extra environment variables (merged over process.env). */
  env?: Record<string, string | undefined>;
  timeoutMs?: number;
  /** Aborting kills git (SIGTERM). */
  signal?: AbortSignal;
}

const MAX_BUFFER = 64 * 1024 * 1024;

/** Runs `git ...args` in `cwd`. Never throws: a git that cannot start answers code -1. */
export function runGit(cwd: string, args: readonly string[], opts: GitOptions = {}): Promise<GitResult> {
  return new Promise((done) => {
    let child;
    try {
      child = execFile("git", [...args], {
        cwd, encoding: "utf8", maxBuffer: MAX_BUFFER, timeout: opts.timeoutMs ?? 0, signal: opts.signal, windowsHide: true,
        env: { ...process.env, GIT_TERMINAL_PROMPT: "0", LC_ALL: "C", LANGUAGE: "C", ...opts.env },
      }, (error, stdout, stderr) => {
        const e = error as (NodeJS.ErrnoException & { code?: number | string; signal?: string }) | null;
        const code = !e ? 0 : typeof e.code === "number" ? e.code : -1;
        done({ code, stdout: String(stdout ?? ""), stderr: String(stderr ?? "") || (e && typeof e.code !== "number" ? e.message : ""), signal: e?.signal ?? (e && opts.signal?.aborted ? "SIGTERM" : undefined) });
      });
    } catch (error) {
      done({ code: -1, stdout: "", stderr: error instanceof Error ? error.message : String(error) });
      return;
    }
    child.stdin?.on("error", () => { /* git may exit before reading its input */ });
    child.stdin?.end(opts.input ?? "");
  });
}

export class GitError extends Error {
  constructor(readonly args: readonly string[], readonly result: GitResult) {
    super(`git ${args.join(" ")} failed (${result.signal ?? `exit ${result.code}`}): ${result.stderr.trim() || result.stdout.trim()}`);
  }
}

/** Runs git and returns its standard output; throws GitError when git fails. */
export async function git(cwd: string, args: readonly string[], opts?: GitOptions): Promise<string> {
  const r = await runGit(cwd, args, opts);
  if (r.code !== 0) throw new GitError(args, r);
  return r.stdout;
}

/** The full sha of a commit-ish, or undefined when it does not name a commit. */
export async function resolveCommit(cwd: string, ref: string): Promise<string | undefined> {
  const r = await runGit(cwd, ["rev-parse", "--verify", "-q", "--end-of-options", `${ref}^{commit}`]);
  return r.code === 0 ? r.stdout.trim() : undefined;
}

/** "Name <email> 1700000000 +0000" (git var's format) → identity. */
export function parseIdent(line: string): Identity | undefined {
  const m = /^(.*?) ?<([^<>]*)>/.exec(line.trim());
  return m ? { name: m[1], email: m[2] } : undefined;
}

/** The repository's git folder (absolute), or undefined outside a repository. */
export async function gitDir(cwd: string): Promise<string | undefined> {
  const r = await runGit(cwd, ["rev-parse", "--absolute-git-dir"], { timeoutMs: 5000 });
  if (r.code !== 0) return undefined;
  const dir = r.stdout.trim();
  return isAbsolute(dir) ? dir : resolve(cwd, dir);
}

/** The top of the working tree that holds `cwd`, or undefined outside a repository. */
export async function workTreeRoot(cwd: string): Promise<string | undefined> {
  const r = await runGit(cwd, ["rev-parse", "--show-toplevel"], { timeoutMs: 5000 });
  return r.code === 0 ? r.stdout.trim() : undefined;
}

// ---------------------------------------------------------------------------------------------
// Host facts

const FACTS_TTL_MS = 10_000;
const cache = new Map<string, { at: number; facts: Promise<Omit<HostFacts, "merging">>; gitDir: Promise<string | undefined> }>();

/**
 * Who will author and commit in `root` (git var GIT_AUTHOR_IDENT / GIT_COMMITTER_IDENT, with
 * user.useConfigOnly so a guessed "root@host" never counts; else user.name / user.email),
 * git's comment character, and whether a merge is in progress. Never throws; the identities
 * are cached per root for a few seconds, the merge state is read every time.
 */
export async function gatherHostFacts(root: string): Promise<HostFacts> {
  const key = resolve(root);
  let entry = cache.get(key);
  if (!entry || Date.now() - entry.at > FACTS_TTL_MS) {
    entry = { at: Date.now(), facts: readFacts(key).catch(() => ({})), gitDir: gitDir(key).catch(() => undefined) };
    cache.set(key, entry);
  }
  const [facts, dir] = await Promise.all([entry.facts, entry.gitDir]);
  const merging = !!dir && existsSync(join(dir, "MERGE_HEAD"));
  return { ...facts, ...(merging ? { merging } : {}) };
}

/** Forgets the cached facts of one root (or all), e.g. after .git/config changed. */
export function invalidateHostFacts(root?: string): void {
  if (root === undefined) cache.clear();
  else cache.delete(resolve(root));
}

async function readFacts(root: string): Promise<Omit<HostFacts, "merging">> {
  const opts = { timeoutMs: 5000 };
  const strict = ["-c", "user.useConfigOnly=true", "var"];
  const [author, committer, name, email, comment] = await Promise.all([
    runGit(root, [...strict, "GIT_AUTHOR_IDENT"], opts),
    runGit(root, [...strict, "GIT_COMMITTER_IDENT"], opts),
    runGit(root, ["config", "--get", "user.name"], opts),
    runGit(root, ["config", "--get", "user.email"], opts),
    runGit(root, ["config", "--get-regexp", "^core\\.comment(char|string)$"], opts),
  ]);
  const fromConfig = name.code === 0 && email.code === 0 && name.stdout.trim() && email.stdout.trim()
    ? { name: name.stdout.trim(), email: email.stdout.trim() } : undefined;
  const gitAuthor = (author.code === 0 ? parseIdent(author.stdout) : undefined) ?? fromConfig;
  const gitCommitter = (committer.code === 0 ? parseIdent(committer.stdout) : undefined) ?? fromConfig;
  const lastComment = comment.code === 0 ? comment.stdout.trim().split("\n").pop() : undefined;
  const commentChar = lastComment ? lastComment.replace(/^\S+ /, "") : undefined;
  return {
    ...(gitAuthor?.name && gitAuthor.email ? { gitAuthor } : {}),
    ...(gitCommitter?.name && gitCommitter.email ? { gitCommitter } : {}),
    ...(commentChar ? { commentChar } : {}),
  };
}

// ---------------------------------------------------------------------------------------------
// Repository state

export type Operation = "rebase" | "merge" | "cherry-pick" | "revert" | "bisect" | "am";

export interface RepoState {
  gitDir: string;
  /** Short branch name; undefined when HEAD is detached. */
  branch?: string;
  /** HEAD's commit; undefined on an unborn branch. */
  head?: string;
  /** A multi-step operation git is in the middle of. */
  operation?: Operation;
  /** Tracked files with staged or unstaged changes (untracked files do not count). */
  dirty: string[];
}

/** Where HEAD is and whether the repository is in a state safe to rewrite. Throws outside a repository. */
export async function repoState(root: string): Promise<RepoState> {
  const dir = await gitDir(root);
  if (!dir) throw new Error(`${root} is not inside a git repository`);
  const [branch, head, status] = await Promise.all([
    runGit(root, ["symbolic-ref", "-q", "--short", "HEAD"]),
    runGit(root, ["rev-parse", "--verify", "-q", "HEAD^{commit}"]),
    runGit(root, ["status", "--porcelain=v1", "-z", "--untracked-files=no", "--ignore-submodules=none"]),
  ]);
  let operation: Operation | undefined;
  if (existsSync(join(dir, "rebase-merge")) || existsSync(join(dir, "rebase-apply", "rebasing"))) operation = "rebase";
  else if (existsSync(join(dir, "rebase-apply"))) operation = "am";
  else if (existsSync(join(dir, "MERGE_HEAD"))) operation = "merge";
  else if (existsSync(join(dir, "CHERRY_PICK_HEAD"))) operation = "cherry-pick";
  else if (existsSync(join(dir, "REVERT_HEAD"))) operation = "revert";
  else if (existsSync(join(dir, "BISECT_LOG"))) operation = "bisect";
  const dirty = status.code === 0 ? status.stdout.split("\0").filter(Boolean).map((e) => e.slice(3)) : [];
  return {
    gitDir: dir,
    branch: branch.code === 0 ? branch.stdout.trim() : undefined,
    head: head.code === 0 ? head.stdout.trim() : undefined,
    operation,
    dirty,
  };
}

/** Why the repository cannot be rewritten now, in words for the user; undefined when it can. */
export function unsafeToRewrite(s: RepoState, what: string): string | undefined {
  if (s.operation) {
    const stop = s.operation === "bisect" ? "git bisect reset" : `git ${s.operation} --abort`;
    return `Cannot ${what}: a ${s.operation} is in progress. Finish it or abort it (${stop}) first.`;
  }
  if (!s.head) return `Cannot ${what}: the branch has no commit yet.`;
  if (!s.branch) return `Cannot ${what}: HEAD is detached. Check out the branch first (git switch <branch>).`;
  if (s.dirty.length > 0) {
    const shown = s.dirty.slice(0, 3).join(", ") + (s.dirty.length > 3 ? `, and ${s.dirty.length - 3} more` : "");
    return `Cannot ${what}: the working tree has uncommitted changes (${shown}). Commit or stash them first.`;
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Commits and bases

export interface CommitInfo {
  sha: string;
  parents: string[];
  author: Identity;
  committer: Identity;
  /** The raw message (%B). */
  message: string;
}

/** The commits of `base..head` (newest first), with the data the DCO checkers read. */
export async function listCommits(root: string, base: string | undefined, head = "HEAD", max?: number): Promise<CommitInfo[]> {
  // "A..B", not "^A B": git reads "^-name" as a bad revision even after --end-of-options.
  const range = base ? [`${base}..${head}`] : [head];
  const out = await git(root, ["log", "-z", ...(max ? [`--max-count=${max}`] : []), "--no-color", "--no-show-signature", "--format=%H%x1f%P%x1f%an%x1f%ae%x1f%cn%x1f%ce%x1f%B", "--end-of-options", ...range, "--"]);
  return out.split("\0").filter((r) => r.length > 0).map((record) => {
    const f = record.split("\x1f");
    return {
      sha: f[0], parents: f[1] ? f[1].split(" ") : [],
      author: { name: f[2], email: f[3] }, committer: { name: f[4], email: f[5] },
      message: f.slice(6).join("\x1f"),
    };
  });
}

export interface BaseChoice { sha: string; ref: string; how: string }

/** The branch HEAD is on tracks (`@{upstream}`), e.g. "origin/main". */
export async function upstreamOf(root: string): Promise<string | undefined> {
  const r = await runGit(root, ["rev-parse", "--abbrev-ref", "--symbolic-full-name", "@{upstream}"]);
  return r.code === 0 && r.stdout.trim() ? r.stdout.trim() : undefined;
}

/** The repository's default branch as a ref: upstream/HEAD, origin/HEAD, then main or master. */
export async function defaultBranch(root: string): Promise<string | undefined> {
  for (const remote of ["upstream", "origin"]) {
    const r = await runGit(root, ["symbolic-ref", "-q", "--short", `refs/remotes/${remote}/HEAD`]);
    if (r.code === 0 && r.stdout.trim()) return r.stdout.trim();
  }
  for (const name of ["upstream/main", "origin/main", "main", "upstream/master", "origin/master", "master"]) {
    if (await resolveCommit(root, name.includes("/") ? `refs/remotes/${name}` : `refs/heads/${name}`)) return name;
  }
  return undefined;
}

/**
 * The commit a pull request from this branch starts at: the merge-base with `explicit` when
 * given; else with the branch's upstream, unless the upstream is the branch's own copy on a
 * remote (origin/feature would only cover unpushed commits); else with the default branch.
 */
export async function chooseBase(root: string, explicit?: string): Promise<BaseChoice | { error: string }> {
  const mergeBase = async (ref: string) => {
    const r = await runGit(root, ["merge-base", "--end-of-options", "HEAD", ref]);
    return r.code === 0 ? r.stdout.trim() : undefined;
  };
  if (explicit !== undefined) {
    if (!(await resolveCommit(root, explicit))) return { error: `--base ${explicit} does not name a commit` };
    const sha = await mergeBase(explicit);
    return sha ? { sha, ref: explicit, how: `merge-base of HEAD and ${explicit}` } : { error: `HEAD and ${explicit} have no common ancestor` };
  }
  const branch = (await runGit(root, ["symbolic-ref", "-q", "--short", "HEAD"])).stdout.trim();
  const upstream = await upstreamOf(root);
  if (upstream && upstream.slice(upstream.indexOf("/") + 1) !== branch) {
    const sha = await mergeBase(upstream);
    if (sha) return { sha, ref: upstream, how: `merge-base with the upstream branch ${upstream}` };
  }
  const def = await defaultBranch(root);
  if (def && def !== branch) {
    const sha = await mergeBase(def);
    if (sha) return { sha, ref: def, how: `merge-base with the default branch ${def}` };
  }
  if (upstream) {
    const sha = await mergeBase(upstream);
    if (sha) return { sha, ref: upstream, how: `merge-base with the upstream branch ${upstream}` };
  }
  return { error: "found no upstream or default branch to compare with; pass --base REF" };
}
