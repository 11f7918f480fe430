import * as assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import * as vscode from "vscode";
import { activate, waitFor, workspaceRoot } from "./helpers";

/**
 * The sign-off commands against the workspace, a real git repository the runner created (one
 * signed-off commit on main, identity "E2E Tester <e2e@example.com>" in its local config).
 * Commits go through VS Code's git extension; the commands take { root, message, assumeYes,
 * base } so no dialog opens. Each test works on a branch of its own, created from main.
 */
const ME = "Signed-off-by: E2E Tester <e2e@example.com>";

function git(...args: string[]): string {
  return execFileSync("git", args, {
    cwd: workspaceRoot(), encoding: "utf8",
    env: { ...process.env, GIT_CONFIG_NOSYSTEM: "1", GIT_CONFIG_GLOBAL: process.env.GIT_CONFIG_GLOBAL ?? "/dev/null" },
  });
}
const lastMessage = () => git("log", "-1", "--format=%B").trimEnd();
const head = () => git("rev-parse", "HEAD").trim();

interface Repo {
  rootUri: vscode.Uri;
  inputBox: { value: string };
  state: { HEAD?: { commit?: string; name?: string } };
  status(): Promise<void>;
}

async function repository(): Promise<Repo> {
  const ext = vscode.extensions.getExtension<{ enabled: boolean; getAPI(v: 1): { state: string; repositories: Repo[] } }>("vscode.git");
  assert.ok(ext, "VS Code's git extension is not present");
  const exports = ext.isActive ? ext.exports : await ext.activate();
  assert.ok(exports.enabled, "the git extension is disabled (git.enabled must be true for this suite)");
  const api = exports.getAPI(1);
  const root = fs.realpathSync(workspaceRoot());
  return waitFor("the git extension to open the workspace repository",
    () => api.repositories.find((r) => fs.realpathSync(r.rootUri.fsPath) === root), 30_000,
    () => `state=${api.state} repositories=${api.repositories.map((r) => r.rootUri.fsPath).join(",")}`);
}

/** A fresh branch from main, with a new file staged (or committed with the given messages). */
function branch(name: string, unsignedCommits = 0): void {
  git("checkout", "-q", "-B", name, "main");
  for (let i = 1; i <= unsignedCommits; i++) {
    fs.writeFileSync(path.join(workspaceRoot(), `notes-${name}-${i}.txt`), `note ${i}\n`);
    git("add", `notes-${name}-${i}.txt`);
    git("commit", "-q", "-m", `Add note ${i} on ${name}`);
  }
}

function stage(file: string): void {
  fs.writeFileSync(path.join(workspaceRoot(), file), `${file}\n`);
  git("add", file);
}

interface Result { ok: boolean; message: string; failing?: { sha: string }[]; text?: string; rewritten?: number }
const run = (cmd: string, arg: object) => vscode.commands.executeCommand<Result>(`llm-d-contrib.${cmd}`, arg);

describe("sign-off commands (git repository, git extension)", function () {
  let repo: Repo;
  let root: string;

  before(async () => {
    await activate();
    root = workspaceRoot();
    repo = await repository();
  });

  afterEach(() => {
    git("checkout", "-q", "main");
  });

  it("Commit (Signed Off) commits the Source Control message with the user's sign-off", async () => {
    branch("e2e-commit");
    stage("commit-a.txt");
    await repo.status();
    repo.inputBox.value = "Add commit-a\n\nThrough the input box.";
    const before = head();
    const r = await run("commitSignedOff", { root });
    assert.ok(r?.ok, `command failed: ${r?.message}`);
    assert.notEqual(head(), before, "no commit was made");
    assert.equal(lastMessage(), `Add commit-a\n\nThrough the input box.\n\n${ME}`);
    assert.equal(git("show", "--name-only", "--format=", "HEAD").trim(), "commit-a.txt");
    assert.equal(repo.inputBox.value, "", "the input box is cleared after the commit");
  });

  it("Commit Signed Off and Signed passes -S (a signature is made) and signs off", async () => {
    branch("e2e-signed");
    // A stand-in for gpg: git only needs a signature on stdout and SIG_CREATED on the status fd.
    const fake = path.join(root, ".git", "fake-gpg.sh");
    fs.writeFileSync(fake, "#!/bin/sh\ncat >/dev/null\necho '-----BEGIN PGP SIGNATURE-----'\necho 'e2e'\necho '-----END PGP SIGNATURE-----'\necho '[GNUPG:] SIG_CREATED D 1 8 00 0 0 0' >&2\n", { mode: 0o755 });
    git("config", "gpg.program", fake);
    try {
      stage("signed-a.txt");
      await repo.status();
      const r = await run("commitSignedOffAndSigned", { root, message: "Add signed-a" });
      assert.ok(r?.ok, `command failed: ${r?.message}`);
      assert.equal(lastMessage(), `Add signed-a\n\n${ME}`);
      assert.match(git("cat-file", "commit", "HEAD"), /^gpgsig -----BEGIN PGP SIGNATURE-----/m, "the commit carries no signature: -S was not passed");
    } finally {
      git("config", "--unset", "gpg.program");
    }
  });

  it("Add Sign-off puts the user's Signed-off-by at the end of the Source Control message", async () => {
    branch("e2e-add");
    repo.inputBox.value = "Fix the fast path\n\nIt skipped scoring.";
    const r = await run("addSignoff", { root });
    assert.ok(r?.ok, `command failed: ${r?.message}`);
    assert.equal(repo.inputBox.value, `Fix the fast path\n\nIt skipped scoring.\n\n${ME}`);
    const again = await run("addSignoff", { root });
    assert.equal(repo.inputBox.value, `Fix the fast path\n\nIt skipped scoring.\n\n${ME}`, `a second run must not add another (${again?.message})`);
    repo.inputBox.value = "";
  });

  it("Check DCO lists the unsigned commits of the branch", async () => {
    branch("e2e-dco", 2);
    const r = await run("checkDco", { root, base: "main", assumeYes: false });
    assert.equal(r?.ok, false, `an unsigned branch must fail: ${r?.message}`);
    assert.deepEqual(r.failing?.map((f) => f.sha).sort(), git("rev-list", "main..HEAD").trim().split("\n").sort());
  });

  it("Amend Last Commit with Sign-off signs off HEAD and leaves its content alone", async () => {
    branch("e2e-amend", 1);
    const tree = git("rev-parse", "HEAD^{tree}").trim();
    const r = await run("amendWithSignoff", { root, assumeYes: true });
    assert.ok(r?.ok, `command failed: ${r?.message}`);
    assert.equal(lastMessage(), `Add note 1 on e2e-amend\n\n${ME}`);
    assert.equal(git("rev-parse", "HEAD^{tree}").trim(), tree, "the amended commit changed files");
    assert.equal(git("rev-parse", "HEAD~1").trim(), git("rev-parse", "main").trim());
  });

  it("Sign Off All Commits on This Branch signs off every commit since main, and Check DCO then passes", async () => {
    branch("e2e-branch", 3);
    const r = await run("signOffBranch", { root, base: "main", assumeYes: true });
    assert.ok(r?.ok, `command failed: ${r?.message}`);
    const bodies = git("log", "--format=%B%x00", "main..HEAD").split("\0").map((s) => s.trim()).filter(Boolean);
    assert.equal(bodies.length, 3);
    for (const b of bodies) assert.ok(b.endsWith(ME), `not signed off: ${JSON.stringify(b)}`);
    const check = await run("checkDco", { root, base: "main", assumeYes: false });
    assert.equal(check?.ok, true, check?.message);
    assert.deepEqual(check.failing, []);
  });
});
