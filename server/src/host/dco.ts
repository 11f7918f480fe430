/**
 * The DCO check of a range of commits, as the two GitHub apps run it on a pull request
 * (specs/dco.md §1): the DCO App (dcoapp/app) and CNCF's DCO2. Which one llm-d runs is not
 * written down, so both verdicts are computed; by default a commit fails when either app would
 * fail it (a branch that passes passes both).
 */
import { parse as parseYaml } from "yaml";
import emailValidator from "email-validator";
import type { Identity } from "../engine/types";
import { formatIdentity, signoffsOf, type SignoffMatch } from "../engine/families/commit/signoff";
import { chooseBase, listCommits, runGit, type CommitInfo } from "./git";

export type DcoApp = "dcoapp" | "dco2";
export const APP_NAMES: Record<DcoApp, string> = { dcoapp: "DCO App", dco2: "DCO2" };

export interface DcoConfig {
  /** `require.members` (default true); false exempts verified commits by organisation members. */
  requireMembers: boolean;
  allowRemediationCommits: { individual: boolean; thirdParty: boolean };
}

export const DEFAULT_DCO_CONFIG: DcoConfig = { requireMembers: true, allowRemediationCommits: { individual: false, thirdParty: false } };

/** Reads `.github/dco.yml` (missing or unreadable parts keep the apps' defaults). */
export function parseDcoConfig(text: string | undefined): DcoConfig {
  if (!text) return DEFAULT_DCO_CONFIG;
  let raw: any;
  try { raw = parseYaml(text); } catch { return DEFAULT_DCO_CONFIG; }
  const individual = raw?.allowRemediationCommits?.individual === true;
  return {
    requireMembers: raw?.require?.members !== false,
    allowRemediationCommits: { individual, thirdParty: individual && raw?.allowRemediationCommits?.thirdParty === true },
  };
}

export interface CommitVerdict {
  commit: CommitInfo;
  /** Why the apps do not check this commit at all. */
  skipped?: "merge" | "bot";
  /** Each app's failure message, when that app fails the commit. */
  failures: Partial<Record<DcoApp, string>>;
  /** A remediation commit in the range signs this commit off (for the apps that accept it). */
  remediatedBy?: string;
}

const lower = (s: string) => s.toLowerCase();
const samePair = (a: Identity | SignoffMatch, b: Identity) => lower(a.name) === lower(b.name) && lower(a.email) === lower(b.email);

/** A commit whose author email is a GitHub App's noreply address belongs to a Bot account, which both apps skip. */
export function isBotCommit(c: CommitInfo): boolean {
  return /\[bot\]@users\.noreply\.github\.com$/i.test(c.author.email);
}

/**
 * DCO2's email check (the Rust `email_address` crate): an RFC 5322 addr-spec — a dot-atom or
 * quoted local part of at most 64 characters, a domain of dot-separated labels (no TLD needed)
 * or a [literal]. GitHub App noreply addresses are exempt.
 */
export function dco2EmailValid(email: string): boolean {
  if (/\[bot\]@users\.noreply\.github\.com$/i.test(email)) return true;
  const at = email.lastIndexOf("@");
  if (at <= 0 || at === email.length - 1) return false;
  const local = email.slice(0, at), domain = email.slice(at + 1);
  const atom = "[A-Za-z0-9!#$%&'*+/=?^_`{|}~\\-\\u0080-\\uFFFF]+";
  const localOk = new RegExp(`^${atom}(\\.${atom})*$`).test(local) || /^"([^"\\\r\n]|\\.)*"$/.test(local);
  const label = "[A-Za-z0-9\\u0080-\\uFFFF]([A-Za-z0-9\\-\\u0080-\\uFFFF]*[A-Za-z0-9\\u0080-\\uFFFF])?";
  const domainOk = (new RegExp(`^${label}(\\.${label})*$`).test(domain) && domain.split(".").every((l) => l.length <= 63))
    || /^\[[^\[\]\\\s]*\]$/.test(domain);
  return localOk && local.length <= 64 && domainOk && domain.length <= 254;
}

interface Remediation { declarant: Identity; representative?: Identity; target: string; by: CommitInfo }

const INDIVIDUAL = /^I, (.*) <(.*)>, hereby add my Signed-off-by to this commit: (.*)\s*$/i;
const THIRD_PARTY = /^On behalf of (.*) <(.*)>, I, (.*) <(.*)>, hereby add my Signed-off-by to this commit: (.*)\s*$/i;

function remediationsIn(commits: CommitInfo[], config: DcoConfig): Remediation[] {
  if (!config.allowRemediationCommits.individual) return [];
  const out: Remediation[] = [];
  for (const by of commits) {
    for (const line of by.message.split("\n")) {
      const m = INDIVIDUAL.exec(line);
      if (m) out.push({ declarant: { name: m[1], email: m[2] }, target: m[3], by });
      const t = config.allowRemediationCommits.thirdParty ? THIRD_PARTY.exec(line) : null;
      if (t) out.push({ declarant: { name: t[1], email: t[2] }, representative: { name: t[3], email: t[4] }, target: t[5], by });
    }
  }
  return out;
}

/** Whether a remediation in the range signs `c` off, by the rules of `app` (specs/dco.md §1.5, §1.7). */
function remediated(c: CommitInfo, rems: Remediation[], app: DcoApp): Remediation | undefined {
  return rems.find((r) => {
    if (r.target !== c.sha) return false;
    if (app === "dcoapp") {
      if (!samePair(r.declarant, c.author)) return false;
      if (r.representative) return samePair(r.representative, r.by.author) || samePair(r.representative, r.by.committer);
      return samePair(r.by.author, c.author);
    }
    const speaker = r.representative ?? r.declarant;
    if (!samePair(speaker, r.by.author) && !samePair(speaker, r.by.committer)) return false;
    return samePair(r.declarant, c.author) || samePair(r.declarant, c.committer);
  });
}

/** The DCO App's verdict on one commit (lib/dco.js): a failure message, or undefined. */
export function dcoAppFailure(c: CommitInfo): string | undefined {
  const signoffs = signoffsOf(c.message);
  if (signoffs.length === 0) return "The sign-off is missing.";
  const email = c.author.email || c.committer.email;
  if (!emailValidator.validate(email)) return `${email} is not a valid email address.`;
  const names = [lower(c.author.name), lower(c.committer.name)];
  const emails = [lower(c.author.email), lower(c.committer.email)];
  const ok = (s: SignoffMatch) => names.includes(lower(s.name)) && emails.includes(lower(s.email));
  if (signoffs.length === 1) {
    return ok(signoffs[0]) ? undefined : `Expected "${formatIdentity(c.author)}", but got "${signoffs[0].name} <${signoffs[0].email}>".`;
  }
  return signoffs.some(ok) ? undefined
    : `Can not find "${formatIdentity(c.author)}", in [${signoffs.map((s) => `"${s.name} <${s.email}>"`).join(", ")}].`;
}

/** DCO2's verdict on one commit (dco2/src/dco/check/mod.rs): its errors joined, or undefined. */
export function dco2Failure(c: CommitInfo): string | undefined {
  const errors: string[] = [];
  const committerOk = dco2EmailValid(c.committer.email);
  if (!committerOk) errors.push(`invalid committer email "${c.committer.email}"`);
  const authorOk = c.author.email === c.committer.email || dco2EmailValid(c.author.email);
  if (!authorOk) errors.push(`invalid author email "${c.author.email}"`);
  const signoffs = signoffsOf(c.message);
  if (signoffs.length === 0) errors.push("sign-off not found");
  else if (committerOk && authorOk && !signoffs.some((s) => samePair(s, c.author) || samePair(s, c.committer))) {
    errors.push(`no sign-off matches the author "${formatIdentity(c.author)}" or the committer "${formatIdentity(c.committer)}"`);
  }
  return errors.length ? errors.join("; ") : undefined;
}

/** Both apps' verdicts on every commit of a pull request's range. */
export function checkCommits(commits: CommitInfo[], config: DcoConfig = DEFAULT_DCO_CONFIG): CommitVerdict[] {
  const rems = remediationsIn(commits, config);
  return commits.map((commit) => {
    if (commit.parents.length > 1) return { commit, skipped: "merge", failures: {} };
    if (isBotCommit(commit)) return { commit, skipped: "bot", failures: {} };
    const failures: CommitVerdict["failures"] = {};
    let remediatedBy: string | undefined;
    const app = dcoAppFailure(commit);
    if (app) {
      const r = remediated(commit, rems, "dcoapp");
      if (r && !app.endsWith("is not a valid email address.")) remediatedBy = r.by.sha; else failures.dcoapp = app;
    }
    const two = dco2Failure(commit);
    if (two) {
      const r = remediated(commit, rems, "dco2");
      if (r) remediatedBy = r.by.sha; else failures.dco2 = two;
    }
    return { commit, failures, ...(remediatedBy ? { remediatedBy } : {}) };
  });
}

/** Whether a verdict fails under the apps chosen (both by default). */
export function fails(v: CommitVerdict, apps: readonly DcoApp[] = ["dcoapp", "dco2"]): boolean {
  return apps.some((a) => v.failures[a] !== undefined);
}

export function title(c: CommitInfo): string {
  return c.message.split("\n").find((l) => l.trim() !== "")?.trim() ?? "";
}

/** The command that repairs one failing commit. */
export function fixCommand(v: CommitVerdict, base: string, isHead: boolean, merges = false): string {
  const rebase = `git rebase --signoff${merges ? " --rebase-merges" : ""}`;
  const email = Object.values(v.failures).some((f) => /valid email|invalid (author|committer) email/.test(f ?? ""));
  if (email) {
    return isHead
      ? `git config user.email <a valid address>; git commit --amend --no-edit --reset-author --signoff`
      : `git config user.email <a valid address>; ${rebase} --exec "git commit --amend --no-edit --reset-author --signoff" ${base.slice(0, 12)}`;
  }
  return isHead ? "git commit --amend --signoff --no-edit" : `${rebase} ${base.slice(0, 12)}`;
}

/** The text of a remediation commit signing off `failing` (only meaningful when dco.yml allows it). */
export function remediationCommitText(failing: CommitInfo[], me: Identity): string {
  const own = failing.filter((c) => samePair(c.author, me));
  const others = failing.filter((c) => !samePair(c.author, me));
  const lines = [
    `DCO Remediation Commit for ${formatIdentity(me)}`, "",
    ...own.map((c) => `I, ${formatIdentity(me)}, hereby add my Signed-off-by to this commit: ${c.sha}`),
    ...others.map((c) => `On behalf of ${formatIdentity(c.author)}, I, ${formatIdentity(me)}, hereby add my Signed-off-by to this commit: ${c.sha}`),
    "", `Signed-off-by: ${formatIdentity(me)}`,
  ];
  return lines.join("\n") + "\n";
}

export interface BranchDco {
  base: { sha: string; ref: string; how: string };
  verdicts: CommitVerdict[];
  failing: CommitVerdict[];
  config: DcoConfig;
  /** Whether .github/dco.yml was found. */
  configFound: boolean;
}

/** Checks every commit of `base..HEAD` in `root`. Throws with a message for the user when it cannot. */
export async function checkBranch(root: string, opts: { base?: string; apps?: readonly DcoApp[] } = {}): Promise<BranchDco> {
  const base = await chooseBase(root, opts.base);
  if ("error" in base) throw new Error(base.error);
  const configText = await readDefaultBranchFile(root, base.ref, ".github/dco.yml");
  const config = parseDcoConfig(configText);
  const commits = await listCommits(root, base.sha);
  const verdicts = checkCommits(commits, config);
  return { base, verdicts, failing: verdicts.filter((v) => fails(v, opts.apps)), config, configFound: configText !== undefined };
}

/** The apps read dco.yml from the default branch; the working tree's copy is the fallback. */
async function readDefaultBranchFile(root: string, ref: string, path: string): Promise<string | undefined> {
  const r = await runGit(root, ["show", "--end-of-options", `${ref}:${path}`]);
  if (r.code === 0) return r.stdout;
  const w = await runGit(root, ["show", "--end-of-options", `HEAD:${path}`]);
  return w.code === 0 ? w.stdout : undefined;
}
