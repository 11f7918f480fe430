/**
 * The operations that rewrite commits to add sign-offs: amend the last commit, and sign off
 * every commit of the branch (`git rebase --signoff` from the pull request's base). Each one
 * refuses unsafe states, writes a backup ref first (refs/llm-d-contrib/backup/<branch>/<time>),
 * and undoes an interrupted rebase. Pure node (execFile), so tests and the VS Code commands
 * share it.
 */
import type { Identity } from "../engine/types";
import { sameIdentity, signoffLine } from "../engine/families/commit/signoff";
import { checkCommits, fails, title } from "./dco";
import {
  chooseBase, gatherHostFacts, git, invalidateHostFacts, listCommits, repoState, resolveCommit, runGit, unsafeToRewrite,
  type CommitInfo, type RepoState,
} from "./git";

export const BACKUP_PREFIX = "refs/llm-d-contrib/backup";

export interface OpOptions {
  /** Asked before signing commits authored by someone else; no answer means no. */
  confirmForeign?: (commits: CommitInfo[], me: Identity) => Promise<boolean>;
  /** Aborting stops git (the rebase is then undone). */
  signal?: AbortSignal;
  /** For the backup ref's name (tests). */
  now?: Date;
}

export interface OpResult {
  ok: boolean;
  /** What happened, for the user. */
  message: string;
  /** Nothing needed doing. */
  nothingToDo?: boolean;
  backupRef?: string;
  /** How to get the branch back as it was. */
  restoreCommand?: string;
  /** Commits rewritten. */
  rewritten?: number;
}

const refuse = (message: string): OpResult => ({ ok: false, message });

async function whoAmI(root: string): Promise<Identity | undefined> {
  invalidateHostFacts(root);
  const facts = await gatherHostFacts(root);
  return facts.gitCommitter ?? facts.gitAuthor;
}

function stamp(now: Date): string {
  const p = (n: number, w = 2) => String(n).padStart(w, "0");
  return `${now.getUTCFullYear()}${p(now.getUTCMonth() + 1)}${p(now.getUTCDate())}-${p(now.getUTCHours())}${p(now.getUTCMinutes())}${p(now.getUTCSeconds())}-${p(now.getUTCMilliseconds(), 3)}`;
}

/** Writes refs/llm-d-contrib/backup/<branch>/<time> at HEAD; never overwrites one. */
export async function writeBackup(root: string, state: RepoState, now = new Date()): Promise<string> {
  const ref = `${BACKUP_PREFIX}/${state.branch}/${stamp(now)}`;
  await git(root, ["check-ref-format", ref]);
  await git(root, ["update-ref", "--create-reflog", "-m", "llm-d-contrib: backup before signing off", "--end-of-options", ref, state.head!, ""]);
  return ref;
}

/** The backups of a branch, newest first. */
export async function listBackups(root: string, branch: string): Promise<{ ref: string; sha: string }[]> {
  const out = await git(root, ["for-each-ref", "--sort=-refname", "--format=%(refname) %(objectname)", "--end-of-options", `${BACKUP_PREFIX}/${branch}/`]);
  return out.split("\n").filter(Boolean).map((l) => { const [ref, sha] = l.split(" "); return { ref, sha }; });
}

/**
 * Puts the branch back where a backup says: aborts a rebase left behind (an interrupted run),
 * then `git reset --keep` (which keeps local changes and refuses to overwrite them).
 */
export async function restoreBackup(root: string, backupRef: string): Promise<OpResult> {
  const target = await resolveCommit(root, backupRef);
  if (!target) return refuse(`There is no backup ${backupRef}.`);
  let state = await repoState(root);
  if (state.operation === "rebase") {
    await runGit(root, ["rebase", "--abort"]);
    state = await repoState(root);
  }
  if (state.operation) return refuse(`Cannot restore: a ${state.operation} is in progress. Finish or abort it first.`);
  if (!state.branch) return refuse(`Cannot restore: HEAD is detached. Check out the branch first.`);
  if (state.head === target) return { ok: true, message: `${state.branch} is already at ${backupRef}.`, nothingToDo: true };
  // `target` is a full sha resolved above, never an option (git reset has no --end-of-options).
  const r = await runGit(root, ["reset", "--keep", target]);
  if (r.code !== 0) return refuse(`Could not restore ${state.branch}: ${r.stderr.trim()}`);
  return { ok: true, message: `Restored ${state.branch} to ${backupRef} (${target.slice(0, 12)}).` };
}

const restoreHint = (ref: string) => `git reset --keep ${ref}`;

/**
 * `git commit --amend --only --no-edit --signoff`: adds the committer's sign-off to the last
 * commit, keeping its message and leaving staged changes staged (--only).
 */
export async function amendWithSignoff(root: string, opts: OpOptions = {}): Promise<OpResult> {
  const state = await repoState(root);
  const unsafe = unsafeToRewrite({ ...state, dirty: [] }, "amend the last commit");
  if (unsafe) return refuse(unsafe);
  const [head] = await listCommits(root, undefined, "HEAD", 1);
  if (head.parents.length > 1) return { ok: true, nothingToDo: true, message: "The last commit is a merge commit; the DCO checks skip merges, so it needs no sign-off." };
  const me = await whoAmI(root);
  if (!me) return refuse("git does not know who you are: set user.name and user.email (git config user.name \"Your Name\"; git config user.email you@example.com).");
  const mine = signoffLine(me);
  const lines = head.message.replace(/\s+$/, "").split("\n");
  if (lines[lines.length - 1] === mine) return { ok: true, nothingToDo: true, message: `The last commit is already signed off by ${me.name} <${me.email}>.` };
  if (!sameIdentity(head.author, me) && !(await opts.confirmForeign?.([head], me))) {
    return refuse("Cancelled: the last commit was authored by someone else; nothing was changed.");
  }
  const backupRef = await writeBackup(root, state, opts.now);
  const r = await runGit(root, ["-c", "user.useConfigOnly=true", "commit", "--amend", "--only", "--no-edit", "--signoff", "--allow-empty", "--quiet"], { signal: opts.signal, env: { GIT_EDITOR: "true" } });
  if (r.code !== 0) {
    const now = await repoState(root);
    const untouched = now.head === state.head;
    return {
      ok: false, backupRef, restoreCommand: restoreHint(backupRef),
      message: `git commit --amend failed${r.signal ? ` (${r.signal})` : ""}: ${(r.stderr || r.stdout).trim() || "no output"}. `
        + (untouched ? "The last commit is unchanged." : `To restore the branch: ${restoreHint(backupRef)}`),
    };
  }
  return {
    ok: true, rewritten: 1, backupRef, restoreCommand: restoreHint(backupRef),
    message: `Signed off the last commit as ${me.name} <${me.email}>. If it was pushed, update the pull request with git push --force-with-lease. To undo: ${restoreHint(backupRef)}`,
  };
}

/**
 * Signs off every commit of the branch since the pull request's base: `git rebase --signoff`
 * onto the same base (with --rebase-merges when the range has merges), after a backup ref.
 * An interrupted or failed rebase is aborted, which puts the branch back.
 */
export async function signOffBranch(root: string, opts: OpOptions & { base?: string } = {}): Promise<OpResult> {
  const state = await repoState(root);
  const unsafe = unsafeToRewrite(state, "sign off the branch");
  if (unsafe) return refuse(unsafe);
  const base = await chooseBase(root, opts.base);
  if ("error" in base) return refuse(`Cannot sign off the branch: ${base.error}.`);
  const commits = await listCommits(root, base.sha);
  if (commits.length === 0) return { ok: true, nothingToDo: true, message: `${state.branch} has no commits since ${base.ref}; nothing to sign off.` };
  const failing = checkCommits(commits).filter((v) => fails(v));
  if (failing.length === 0) return { ok: true, nothingToDo: true, message: `All ${commits.length} commits of ${state.branch} since ${base.ref} already pass the DCO check.` };
  const me = await whoAmI(root);
  if (!me) return refuse("git does not know who you are: set user.name and user.email first.");
  const foreign = commits.filter((c) => c.parents.length <= 1 && !sameIdentity(c.author, me));
  if (foreign.length > 0 && !(await opts.confirmForeign?.(foreign, me))) {
    return refuse(`Cancelled: ${foreign.length} commit(s) were authored by someone else; nothing was changed.`);
  }
  const backupRef = await writeBackup(root, state, opts.now);
  const merges = commits.some((c) => c.parents.length > 1);
  const args = ["-c", "user.useConfigOnly=true", "rebase", "--signoff", "--no-autostash", ...(merges ? ["--rebase-merges"] : []), "--end-of-options", base.sha];
  const r = await runGit(root, args, { signal: opts.signal, env: { GIT_EDITOR: "true", GIT_SEQUENCE_EDITOR: "true" } });
  if (r.code !== 0) {
    const after = await repoState(root).catch(() => undefined);
    if (after?.operation === "rebase") await runGit(root, ["rebase", "--abort"]);
    const now = await repoState(root).catch(() => undefined);
    const back = now?.branch === state.branch && now?.head === state.head && !now?.operation;
    const why = (r.stderr || r.stdout).trim().split("\n").filter((l) => !/^hint:/.test(l)).slice(-4).join(" ") || "no output";
    return {
      ok: false, backupRef, restoreCommand: restoreHint(backupRef),
      message: `git rebase --signoff failed${r.signal ? ` (${r.signal})` : ""}: ${why}. `
        + (back ? `The rebase was aborted; ${state.branch} is unchanged. The backup ${backupRef} also holds it.`
          : `Restore the branch with: git rebase --abort; ${restoreHint(backupRef)}`),
    };
  }
  const after = checkCommits(await listCommits(root, base.sha)).filter((v) => fails(v));
  const still = after.length ? ` ${after.length} commit(s) still fail: ${after.map((v) => `${v.commit.sha.slice(0, 7)} ${title(v.commit)} (${Object.values(v.failures)[0]})`).join("; ")}.` : "";
  return {
    ok: after.length === 0, rewritten: commits.length, backupRef, restoreCommand: restoreHint(backupRef),
    message: `Signed off ${commits.length} commit(s) on ${state.branch} since ${base.ref}.${still} Update the pull request with git push --force-with-lease. To undo: ${restoreHint(backupRef)}`,
  };
}
