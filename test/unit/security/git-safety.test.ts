/**
 * git runs only the safe way, in the server, the CLI and the VS Code client alike:
 *  - statically: only host/git.ts touches child_process, through execFile/execFileSync/spawn
 *    with the literal "git" and an argument array; no exec/execSync, no `shell: true`, no
 *    terminal sendText or ShellExecution;
 *  - at run time: every git the operations start (intercepted at child_process.execFile) is
 *    file "git" + an array, no shell, and every argument built from a name the repository or
 *    the user chose comes after `--end-of-options` or `--` (or behind a fixed "refs/" prefix),
 *    so a branch "-x", a remote "-r" or a base "--output=FILE" stay names.
 */
import { strict as assert } from "node:assert";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join, relative } from "node:path";
import { chooseBase, gatherHostFacts, invalidateHostFacts, listCommits, repoState, resolveCommit } from "../../../server/src/host/git";
import { checkBranch } from "../../../server/src/host/dco";
import { amendWithSignoff, listBackups, restoreBackup, signOffBranch } from "../../../server/src/host/signoff-ops";
import { JANE, Repo, isolateGit } from "../commit/git-fixture";

const REPO_ROOT = join(__dirname, "..", "..", "..");
const SOURCE_DIRS = ["server/src", "client/src"];

function sources(): { rel: string; text: string }[] {
  const out: { rel: string; text: string }[] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.(ts|js|mjs|cjs)$/.test(e.name)) out.push({ rel: relative(REPO_ROOT, p), text: readFileSync(p, "utf8") });
    }
  };
  for (const d of SOURCE_DIRS) walk(join(REPO_ROOT, d));
  return out;
}

/** Source text without comments and string contents, so the checks see code only. */
function codeOnly(text: string): string {
  return text
    .replace(/\/\*[\s\S]*?\*\//g, (m) => m.replace(/[^\n]/g, " "))
    .replace(/(^|[^:\\])\/\/.*$/gm, "$1");
}

describe("security: git runs only through execFile with argument arrays", () => {
  const files = sources();

  it("scans a real source tree", () => {
    assert.ok(files.length > 50, `found ${files.length} source files`);
    assert.ok(files.some((f) => f.rel === join("server", "src", "host", "git.ts")));
  });

  it("only host/git.ts imports child_process, and only execFile / execFileSync / spawn from it", () => {
    const importers = files.filter((f) => /["'](node:)?child_process["']/.test(f.text)).map((f) => f.rel);
    assert.deepEqual(importers, [join("server", "src", "host", "git.ts")]);
    const git = files.find((f) => f.rel === importers[0])!.text;
    const imports = [...git.matchAll(/import\s+(.+?)\s+from\s+["'](?:node:)?child_process["']/g)].map((m) => m[1]);
    assert.ok(imports.length > 0 && imports.every((clause) => /^\{[^}]*\}$/.test(clause)), `named imports only: ${imports.join("; ")}`);
    const names = imports.flatMap((clause) => clause.slice(1, -1).split(",").map((n) => n.trim().split(/\s+as\s+/)[0]).filter(Boolean));
    for (const n of names) assert.ok(["execFile", "execFileSync", "spawn", "spawnSync"].includes(n), `child_process.${n} is imported`);
    assert.ok(!/require\(\s*["'](node:)?child_process["']\s*\)/.test(git), "no require() of child_process");
  });

  it("has no exec / execSync call, no shell: true, no terminal or shell-task command anywhere", () => {
    const offenders: string[] = [];
    for (const f of files) {
      const code = codeOnly(f.text);
      const lines = code.split("\n");
      lines.forEach((line, i) => {
        const where = `${f.rel}:${i + 1}: ${line.trim()}`;
        // `.exec(` on a RegExp is fine; a bare or child_process-qualified exec/execSync is not.
        if (/(^|[^.\w$])(exec|execSync)\s*\(/.test(line)) offenders.push(`exec: ${where}`);
        if (/\bchild_process\s*\.\s*(exec|execSync)\b/.test(line)) offenders.push(`exec: ${where}`);
        if (/\bshell\s*:\s*(true|["'`])/.test(line)) offenders.push(`shell: ${where}`);
        if (/\.sendText\s*\(|\bShellExecution\b|\bProcessExecution\b/.test(line)) offenders.push(`terminal: ${where}`);
      });
    }
    assert.deepEqual(offenders, []);
  });

  it("starts processes only as the literal \"git\" with an argument array", () => {
    const calls: string[] = [];
    for (const f of files) {
      for (const m of codeOnly(f.text).matchAll(/\b(execFile|execFileSync|spawn|spawnSync)\s*\(([^,]*),\s*(\S)/g)) {
        calls.push(`${f.rel}: ${m[1]}(${m[2].trim()}, ${m[3]}`);
      }
    }
    assert.ok(calls.length > 0, "found the call sites");
    for (const c of calls) assert.match(c, /\((["'])git\1, \[$/, `a process started other than as git with an array: ${c}`);
  });
});

describe("security: every git invocation keeps repository names away from options", function () {
  this.timeout(30_000);
  interface Call { file: string; args: string[]; options: Record<string, unknown> | undefined }
  const calls: Call[] = [];
  // The module object host/git.ts calls execFile on (a live binding, so replacing it intercepts).
  const cp = createRequire(__filename)("node:child_process") as { execFile: (...a: unknown[]) => unknown };
  const real = cp.execFile;
  let restoreEnv: () => void;
  let repo: Repo;
  const pwned = () => join(repo.dir, "..", `${relative(join(repo.dir, ".."), repo.dir)}-pwned`);
  // Names planted in the repository and passed by the user; they must stay names.
  const HOSTILE = ["-x", "-r/main", "--output="];

  before(() => {
    restoreEnv = isolateGit();
    repo = new Repo("hostile");
    const base = repo.commit("Start\n\nSigned-off-by: Jane Dev <jane@example.com>\n");
    repo.write(".github-dco.txt", "x");
    // A remote called "-r" whose main is the base, and a branch called "-x" tracking it.
    repo.git("update-ref", "refs/remotes/-r/main", base);
    repo.git("config", "remote.-r.url", join(repo.dir, "nowhere"));
    repo.git("config", "remote.-r.fetch", "+refs/heads/*:refs/remotes/-r/*");
    repo.git("update-ref", "refs/heads/-x", base);
    repo.git("symbolic-ref", "HEAD", "refs/heads/-x");
    repo.git("config", "branch.-x.remote", "-r");
    repo.git("config", "branch.-x.merge", "refs/heads/main");
    repo.commit("Change one\n\nNo sign-off.\n", { file: "one.txt" });
    repo.commit("Change two\n", { file: "two.txt" });
    cp.execFile = function (this: unknown, ...a: unknown[]) {
      calls.push({ file: a[0] as string, args: [...(a[1] as string[])], options: a[2] as Record<string, unknown> | undefined });
      return real.apply(this, a);
    } as typeof real;
  });
  after(() => {
    cp.execFile = real;
    restoreEnv?.();
    repo?.remove();
  });

  it("runs the operations of the server, the CLI and the commands on a repository with hostile names", async () => {
    invalidateHostFacts();
    const facts = await gatherHostFacts(repo.dir);
    assert.deepEqual(facts.gitAuthor, JANE);
    const state = await repoState(repo.dir);
    assert.equal(state.branch, "-x");
    const chosen = await chooseBase(repo.dir);
    assert.ok(!("error" in chosen) && chosen.ref === "-r/main", JSON.stringify(chosen));
    assert.deepEqual(await chooseBase(repo.dir, `--output=${pwned()}`), { error: `--base --output=${pwned()} does not name a commit` });
    assert.equal(await resolveCommit(repo.dir, `--output=${pwned()}`), undefined);
    assert.equal((await listCommits(repo.dir, "-r/main")).length, 2);
    const dco = await checkBranch(repo.dir);
    assert.equal(dco.failing.length, 2);
    const amended = await amendWithSignoff(repo.dir);
    assert.ok(amended.ok && amended.backupRef?.startsWith("refs/llm-d-contrib/backup/-x/"), amended.message);
    const backups = await listBackups(repo.dir, "-x");
    assert.equal(backups.length, 1);
    assert.ok((await restoreBackup(repo.dir, backups[0].ref)).ok);
    const signed = await signOffBranch(repo.dir, { now: new Date(Date.UTC(2026, 0, 2)) });
    assert.ok(signed.ok && signed.rewritten === 2, signed.message);
    assert.equal(existsSync(pwned()), false, "a base that looks like an option wrote no file");
  });

  it("started every git as file \"git\" with an array, no shell, no terminal prompt", () => {
    assert.ok(calls.length >= 30, `intercepted ${calls.length} git runs`);
    for (const c of calls) {
      assert.equal(c.file, "git");
      assert.ok(Array.isArray(c.args));
      assert.ok(!c.options?.shell, `no shell: ${c.args.join(" ")}`);
      assert.equal((c.options?.env as Record<string, string> | undefined)?.GIT_TERMINAL_PROMPT, "0");
    }
  });

  it("put --end-of-options or -- before every argument made from a hostile name", () => {
    const tainted: string[] = [];
    const offenders: string[] = [];
    for (const c of calls) {
      const marker = c.args.findIndex((a) => a === "--end-of-options" || a === "--");
      c.args.forEach((a, i) => {
        if (!HOSTILE.some((h) => a.includes(h))) return;
        tainted.push(c.args.join(" "));
        const behindMarker = marker !== -1 && i > marker;
        // A fixed "refs/..." prefix written by the code cannot be read as an option either.
        if (!behindMarker && !a.startsWith("refs/")) offenders.push(`git ${c.args.join(" ")}`);
      });
    }
    // The runs above did pass hostile names (otherwise this test proves nothing).
    for (const op of ["merge-base", "log", "rev-parse", "show", "for-each-ref", "update-ref"]) {
      assert.ok(tainted.some((t) => t.split(" ").includes(op)), `no ${op} with a hostile name ran:\n${tainted.join("\n")}`);
    }
    assert.deepEqual(offenders, []);
    // The rebase gets the base as a sha, still behind --end-of-options.
    const rebase = calls.find((c) => c.args.includes("rebase") && c.args.includes("--signoff"));
    assert.ok(rebase, "the branch sign-off ran git rebase");
    assert.deepEqual(rebase.args.slice(-2).map((a, i) => (i === 1 ? /^[0-9a-f]{40}$/.test(a) : a)), ["--end-of-options", true]);
  });
});
