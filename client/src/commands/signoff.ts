/**
 * Sign-off and DCO commands, through VS Code's git extension API (commits from the input box)
 * and the pure-node operations of server/src/host (amend, branch sign-off, DCO check), never
 * a shell. Each command can be called with arguments ({ root, message, assumeYes, base }) and
 * returns a result, so tests drive them without dialogs. In an untrusted workspace none of them
 * runs git: git's configuration can run programs.
 */
import * as vscode from "vscode";
import type { LanguageClient } from "vscode-languageclient/node";
import type { Identity } from "../../../server/src/engine/types";
import { gatherHostFacts, invalidateHostFacts, workTreeRoot } from "../../../server/src/host/git";
import { APP_NAMES, checkBranch, fixCommand, remediationCommitText, title, type BranchDco, type DcoApp } from "../../../server/src/host/dco";
import { amendWithSignoff, signOffBranch, type OpResult } from "../../../server/src/host/signoff-ops";
import type { CommitInfo } from "../../../server/src/host/git";
import { gitApi, pickRepository, pickRoot, type CommandTarget } from "../git/repository";
import { gitWouldMisplaceSignoff, withSignoff } from "../git/message";

export interface CommandResult { ok: boolean; message: string; [extra: string]: unknown }

const PREFIX = "llm-d-contrib";
const fail = (message: string): CommandResult => { void vscode.window.showErrorMessage(message); return { ok: false, message }; };
const done = (message: string, extra: Record<string, unknown> = {}): CommandResult => { void vscode.window.showInformationMessage(message); return { ok: true, message, ...extra }; };
const asTarget = (arg: unknown): CommandTarget => (arg && typeof arg === "object" && !(arg instanceof vscode.Uri) ? arg as CommandTarget : {});

function untrusted(what: string): CommandResult | undefined {
  return vscode.workspace.isTrusted ? undefined
    : fail(`${what} is disabled in an untrusted workspace: it runs git, and a repository's git configuration can run programs. Trust the workspace to use it.`);
}

async function identity(root: string): Promise<Identity | undefined> {
  invalidateHostFacts(root);
  const f = await gatherHostFacts(root);
  return f.gitCommitter ?? f.gitAuthor;
}

async function confirm(message: string, detail: string, action: string, assumeYes?: boolean): Promise<boolean> {
  if (assumeYes) return true;
  return (await vscode.window.showWarningMessage(message, { modal: true, detail }, action)) === action;
}

async function commitSignedOff(arg: unknown, signCommit: boolean): Promise<CommandResult> {
  const name = signCommit ? "Commit Signed Off and Signed" : "Commit (Signed Off)";
  const blocked = untrusted(name);
  if (blocked) return blocked;
  const api = await gitApi();
  if (!api) return fail(`${name} needs VS Code's built-in git extension, which is disabled or missing.`);
  const repo = await pickRepository(api, arg);
  if (!repo) return fail(`${name}: no git repository is open.`);
  const t = asTarget(arg);
  let message = t.message ?? repo.inputBox.value;
  if (!message.trim()) return fail(`${name}: type a commit message in the Source Control input box first.`);
  if (repo.state.mergeChanges.length > 0) return fail(`${name}: resolve the merge conflicts first.`);
  // git -s would put the sign-off above a trailing '#…' paragraph: put it last ourselves.
  const me = await identity(repo.rootUri.fsPath);
  if (me && gitWouldMisplaceSignoff(message)) message = withSignoff(message, me);
  let all: boolean | undefined;
  if (repo.state.indexChanges.length === 0) {
    if (repo.state.workingTreeChanges.length === 0) return fail(`${name}: there are no changes to commit.`);
    if (!(await confirm("There are no staged changes. Commit all changed tracked files?", "This stages every modified tracked file, like git commit --all.", "Commit All", t.assumeYes))) {
      return { ok: false, message: "Cancelled." };
    }
    all = true;
  }
  const typed = repo.inputBox.value;
  try {
    await repo.commit(message, { signoff: true, signCommit, ...(all ? { all } : {}) });
  } catch (e) {
    return fail(`${name} failed: ${gitErrorText(e)}`);
  }
  if (repo.inputBox.value === typed && t.message === undefined) repo.inputBox.value = "";
  return done(`Committed, signed off${signCommit ? " and signed" : ""}${me ? ` by ${me.name} <${me.email}>` : ""}.`);
}

function gitErrorText(e: unknown): string {
  const x = e as { stderr?: string; message?: string };
  return (x?.stderr || x?.message || String(e)).trim().split("\n").filter((l) => !l.startsWith("hint:")).slice(-3).join(" ");
}

async function addSignoff(arg: unknown): Promise<CommandResult> {
  const api = await gitApi();
  if (!api) return fail("Add Sign-off needs VS Code's built-in git extension, which is disabled or missing.");
  const repo = await pickRepository(api, arg);
  if (!repo) return fail("Add Sign-off: no git repository is open.");
  if (!vscode.workspace.isTrusted) return fail("Add Sign-off is disabled in an untrusted workspace: reading who you are runs git. Trust the workspace to use it.");
  const me = await identity(repo.rootUri.fsPath);
  if (!me) return fail("git does not know who you are: set user.name and user.email (git config user.name \"Your Name\"; git config user.email you@example.com).");
  const before = asTarget(arg).message ?? repo.inputBox.value;
  const after = withSignoff(before, me);
  if (after === before) return done(`The message is already signed off by ${me.name} <${me.email}>.`, { text: after });
  repo.inputBox.value = after;
  return done(`Added "Signed-off-by: ${me.name} <${me.email}>" to the commit message.`, { text: after });
}

function foreignDetail(commits: CommitInfo[], me: Identity): string {
  const list = commits.slice(0, 10).map((c) => `${c.sha.slice(0, 7)} ${title(c)} — ${c.author.name} <${c.author.email}>`).join("\n");
  return `${list}${commits.length > 10 ? `\n… and ${commits.length - 10} more` : ""}\n\nSigning off certifies the Developer Certificate of Origin as ${me.name} <${me.email}>. Only do so if you have the right to submit this work (DCO clause (b) or (c)).`;
}

async function runOp(name: string, arg: unknown, op: (root: string, confirmForeign: (cs: CommitInfo[], me: Identity) => Promise<boolean>) => Promise<OpResult>): Promise<CommandResult> {
  const blocked = untrusted(name);
  if (blocked) return blocked;
  const t = asTarget(arg);
  const picked = await pickRoot(arg);
  const root = picked && (await workTreeRoot(picked));
  if (!root) return fail(`${name}: no git repository is open.`);
  const r = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: `${name}…` }, () =>
    op(root, (cs, me) => confirm(`${cs.length} commit(s) were authored by someone else. Sign them off as ${me.name}?`, foreignDetail(cs, me), "Sign Off", t.assumeYes)));
  (await gitApi().catch(() => undefined))?.getRepository(vscode.Uri.file(root))?.status().catch(() => undefined);
  void refreshStatus();
  if (!r.ok && !r.backupRef) return fail(r.message);
  if (!r.ok) {
    void vscode.window.showErrorMessage(r.message, "Copy Restore Command").then((b) => { if (b && r.restoreCommand) void vscode.env.clipboard.writeText(r.restoreCommand); });
    return { ...r, ok: false };
  }
  if (r.restoreCommand) {
    void vscode.window.showInformationMessage(r.message, "Copy Restore Command").then((b) => { if (b) void vscode.env.clipboard.writeText(r.restoreCommand!); });
    return { ...r };
  }
  return done(r.message, { ...r });
}

// ---------------------------------------------------------------------------------------------
// DCO check and status bar

let status: vscode.StatusBarItem | undefined;
let lastRoot: string | undefined;

function describeFailures(v: BranchDco["failing"][number]): string {
  return (Object.keys(v.failures) as DcoApp[]).map((a) => `${APP_NAMES[a]}: ${v.failures[a]}`).join(" · ");
}

async function checkDco(arg: unknown): Promise<CommandResult> {
  const blocked = untrusted("Check DCO");
  if (blocked) return blocked;
  const t = asTarget(arg);
  const picked = await pickRoot(arg);
  const root = picked && (await workTreeRoot(picked));
  if (!root) return fail("Check DCO: no git repository is open.");
  let r: BranchDco;
  try { r = await checkBranch(root, { base: t.base }); } catch (e) { return fail(`Check DCO: ${e instanceof Error ? e.message : String(e)}`); }
  lastRoot = root;
  updateStatus(r);
  const summary = r.failing.length === 0
    ? `All ${r.verdicts.length} commits since ${r.base.ref} pass the DCO check.`
    : `${r.failing.length} of ${r.verdicts.length} commits since ${r.base.ref} fail the DCO check.`;
  const result = {
    ok: r.failing.length === 0, message: summary, base: r.base,
    failing: r.failing.map((v) => ({ sha: v.commit.sha, title: title(v.commit), failures: v.failures })),
  };
  if (t.assumeYes !== undefined || r.failing.length === 0) { if (t.assumeYes === undefined) void vscode.window.showInformationMessage(summary); return result; }
  const me = await identity(root);
  const merges = r.verdicts.some((v) => v.skipped === "merge");
  const items: (vscode.QuickPickItem & { run?: () => unknown })[] = r.failing.map((v) => ({
    label: `$(error) ${v.commit.sha.slice(0, 7)} ${title(v.commit)}`,
    detail: `${describeFailures(v)} — fix: ${fixCommand(v, r.base.sha, v.commit.sha === r.verdicts[0].commit.sha, merges)}`,
    description: v.commit.author.name,
  }));
  items.push({ label: "", kind: vscode.QuickPickItemKind.Separator });
  items.push({ label: "$(edit) Sign Off All Commits on This Branch", detail: `git rebase --signoff ${r.base.sha.slice(0, 12)}, with a backup ref first`, run: () => vscode.commands.executeCommand(`${PREFIX}.signOffBranch`, { root }) });
  if (r.failing.length === 1 && r.failing[0].commit.sha === r.verdicts[0].commit.sha) {
    items.push({ label: "$(edit) Amend Last Commit with Sign-off", detail: "git commit --amend --signoff --no-edit", run: () => vscode.commands.executeCommand(`${PREFIX}.amendWithSignoff`, { root }) });
  }
  if (r.config.allowRemediationCommits.individual && me) {
    const text = remediationCommitText(r.failing.map((v) => v.commit), me);
    items.push({ label: "$(note) Put a Remediation Commit Message in the Input Box", detail: ".github/dco.yml allows remediation commits: sign off without rewriting history", run: async () => {
      const api = await gitApi(); const repo = api?.getRepository(vscode.Uri.file(root)); if (repo) repo.inputBox.value = text;
    } });
  }
  const pick = await vscode.window.showQuickPick(items, { title: summary, placeHolder: "Each failing commit with the reasons; pick a fix", matchOnDetail: true });
  await pick?.run?.();
  return result;
}

function updateStatus(r: BranchDco | undefined): void {
  if (!status) return;
  if (!r || r.verdicts.length === 0) { status.hide(); return; }
  if (r.failing.length === 0) {
    status.text = "$(pass) DCO";
    status.tooltip = `All ${r.verdicts.length} commits since ${r.base.ref} are signed off (DCO). Click to check again.`;
    status.backgroundColor = undefined;
  } else {
    status.text = `$(error) DCO: ${r.failing.length} failing`;
    status.tooltip = `${r.failing.length} commit(s) since ${r.base.ref} fail the DCO check. Click for the list and the fixes.`;
    status.backgroundColor = new vscode.ThemeColor("statusBarItem.errorBackground");
  }
  status.show();
}

let refreshTimer: NodeJS.Timeout | undefined;
async function refreshStatus(): Promise<void> {
  if (!status || !vscode.workspace.isTrusted) { status?.hide(); return; }
  const root = lastRoot ?? (await pickRootQuietly());
  if (!root) { status.hide(); return; }
  try { lastRoot = root; updateStatus(await checkBranch(root)); } catch { status.hide(); }
}

async function pickRootQuietly(): Promise<string | undefined> {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
  return folder ? workTreeRoot(folder) : undefined;
}

function scheduleRefresh(): void {
  if (refreshTimer) clearTimeout(refreshTimer);
  refreshTimer = setTimeout(() => void refreshStatus(), 1500);
}

export function registerSignoffCommands(context: vscode.ExtensionContext, _client: LanguageClient): void {
  const reg = (id: string, fn: (arg: unknown) => Promise<CommandResult>) =>
    context.subscriptions.push(vscode.commands.registerCommand(`${PREFIX}.${id}`, (arg: unknown) => fn(arg).catch((e) => fail(`${id} failed: ${e instanceof Error ? e.message : String(e)}`))));
  reg("commitSignedOff", (arg) => commitSignedOff(arg, false));
  reg("commitSignedOffAndSigned", (arg) => commitSignedOff(arg, true));
  reg("addSignoff", addSignoff);
  reg("amendWithSignoff", (arg) => runOp("Amend Last Commit with Sign-off", arg, (root, confirmForeign) => amendWithSignoff(root, { confirmForeign })));
  reg("signOffBranch", async (arg) => {
    const t = asTarget(arg);
    return runOp("Sign Off All Commits on This Branch", arg, async (root, confirmForeign) => {
      const go = await confirm("Sign off every commit of this branch?", "This rewrites the branch's commits with git rebase --signoff, after writing a backup ref you can restore. You will need git push --force-with-lease afterwards.", "Sign Off All", t.assumeYes);
      return go ? signOffBranch(root, { confirmForeign, base: t.base }) : { ok: false, message: "Cancelled; nothing was changed." };
    });
  });
  reg("checkDco", checkDco);

  status = vscode.window.createStatusBarItem("llm-d-contrib.dco", vscode.StatusBarAlignment.Left, 50);
  status.name = "llm-d DCO";
  status.command = `${PREFIX}.checkDco`;
  context.subscriptions.push(status);
  void gitApi().then((api) => {
    if (!api) return;
    const watch = (r: { state: { onDidChange: vscode.Event<void> } }) => context.subscriptions.push(r.state.onDidChange(scheduleRefresh));
    api.repositories.forEach(watch);
    context.subscriptions.push(api.onDidOpenRepository((r) => { watch(r); scheduleRefresh(); }));
  }, () => undefined);
  context.subscriptions.push(vscode.workspace.onDidGrantWorkspaceTrust(scheduleRefresh));
  scheduleRefresh();
}
