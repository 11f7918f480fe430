/**
 * The DCO check of a branch (host/dco.ts) and the dco, commit-msg and install-hook commands,
 * on temporary repositories: signed, unsigned, mismatched, malformed, lowercase, merge commits,
 * another author's commit; each app's exact rules.
 */
import { strict as assert } from "node:assert";
import { chmodSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { checkBranch, checkCommits, dco2EmailValid, dcoAppFailure, dco2Failure, parseDcoConfig, remediationCommitText } from "../../../server/src/host/dco";
import { gatherHostFacts, invalidateHostFacts, parseIdent } from "../../../server/src/host/git";
import type { CommitInfo } from "../../../server/src/host/git";
import { runCli } from "../../../server/src/cli/program";
import type { CliIo } from "../../../server/src/cli/io";
import { HOOK_MARKER, hookScript } from "../../../server/src/cli/commands/install-hook";
import { isolateGit, Repo, JANE, BOB } from "./git-fixture";

const SOB = `Signed-off-by: ${JANE.name} <${JANE.email}>`;
const commit = (message: string, author = JANE, committer = author, parents = ["p"]): CommitInfo =>
  ({ sha: "a".repeat(40), parents, author, committer, message });

function io(cwd: string): CliIo & { out: string; err: string } {
  const o = { out: "", err: "" };
  return Object.assign(o, {
    cwd, env: { NO_COLOR: "1" },
    stdout: { write: (s: string) => { o.out += s; } },
    stderr: { write: (s: string) => { o.err += s; } },
    readStdin: async () => "", now: () => 0,
  });
}

describe("DCO verdicts per app", () => {
  it("the DCO App: missing, lowercase key, trailing spaces, mismatch messages", () => {
    assert.equal(dcoAppFailure(commit("T\n")), "The sign-off is missing.");
    assert.equal(dcoAppFailure(commit("T\n\nsigned-off-by: jane dev <JANE@example.com>\n")), undefined);
    assert.equal(dcoAppFailure(commit(`T\n\n${SOB}   \n`)), undefined);
    assert.equal(dcoAppFailure(commit("T\n\nSigned-off-by:Jane Dev <jane@example.com>\n")), "The sign-off is missing.");
    assert.equal(dcoAppFailure(commit("T\n\nSigned-off-by: Bob <bob@example.com>\n")), 'Expected "Jane Dev <jane@example.com>", but got "Bob <bob@example.com>".');
    assert.equal(dcoAppFailure(commit("T\n\nSigned-off-by:   Jane Dev  <jane@example.com>\n")), 'Expected "Jane Dev <jane@example.com>", but got "  Jane Dev  <jane@example.com>".');
    assert.equal(dcoAppFailure(commit("T\n\nSigned-off-by: A <a@x.io>\nSigned-off-by: B <b@x.io>\n")), 'Can not find "Jane Dev <jane@example.com>", in ["A <a@x.io>", "B <b@x.io>"].');
  });
  it("the DCO App validates the author email with email-validator (no TLD fails)", () => {
    const me = { name: "Jane", email: "jane@laptop" };
    assert.equal(dcoAppFailure(commit("T\n\nSigned-off-by: Jane <jane@laptop>\n", me)), "jane@laptop is not a valid email address.");
    assert.equal(dco2Failure(commit("T\n\nSigned-off-by: Jane <jane@laptop>\n", me)), undefined, "DCO2's validator needs no TLD");
  });
  it("identity: the DCO App mixes author and committer halves, DCO2 needs a pair", () => {
    const c = commit("T\n\nSigned-off-by: Bob Builder <jane@example.com>\n", BOB, JANE);
    assert.equal(dcoAppFailure(c), undefined);
    assert.equal(dco2Failure(c), 'no sign-off matches the author "Bob Builder <bob@example.com>" or the committer "Jane Dev <jane@example.com>"');
    const [v] = checkCommits([c]);
    assert.deepEqual(Object.keys(v.failures), ["dco2"]);
  });
  it("a committer's sign-off on another author's commit passes both", () => {
    const [v] = checkCommits([commit(`T\n\n${SOB}\n`, BOB, JANE)]);
    assert.deepEqual(v.failures, {});
  });
  it("merges and GitHub App bots are skipped", () => {
    const [m, b] = checkCommits([
      commit("Merge branch 'x'\n", JANE, JANE, ["p1", "p2"]),
      commit("Bump x\n", { name: "dependabot[bot]", email: "49699333+dependabot[bot]@users.noreply.github.com" }),
    ]);
    assert.equal(m.skipped, "merge");
    assert.equal(b.skipped, "bot");
  });
  it("DCO2's email rule", () => {
    for (const ok of ["jane@example.com", "jane@laptop", "x+y@a.b.c", "\"j d\"@example.com", "1+a[bot]@users.noreply.github.com"]) assert.ok(dco2EmailValid(ok), ok);
    for (const bad of ["", "jane", "@x.io", "jane@", "ja ne@x.io", "jane@-x.io", "a..b@x.io"]) assert.ok(!dco2EmailValid(bad), bad);
  });
  it("remediation commits count only when .github/dco.yml allows them", () => {
    const target = commit("Unsigned\n");
    const rem: CommitInfo = { ...commit(`DCO Remediation Commit for ${JANE.name} <${JANE.email}>\n\nI, ${JANE.name} <${JANE.email}>, hereby add my Signed-off-by to this commit: ${target.sha}\n\n${SOB}\n`), sha: "b".repeat(40) };
    assert.deepEqual(checkCommits([rem, target])[1].failures, { dcoapp: "The sign-off is missing.", dco2: "sign-off not found" });
    const allowed = parseDcoConfig("allowRemediationCommits:\n  individual: true\n");
    const v = checkCommits([rem, target], allowed)[1];
    assert.deepEqual(v.failures, {});
    assert.equal(v.remediatedBy, "b".repeat(40));
    assert.equal(remediationCommitText([target], JANE), `DCO Remediation Commit for Jane Dev <jane@example.com>\n\nI, Jane Dev <jane@example.com>, hereby add my Signed-off-by to this commit: ${target.sha}\n\n${SOB}\n`);
  });
  it("reads dco.yml defaults", () => {
    assert.deepEqual(parseDcoConfig(undefined), { requireMembers: true, allowRemediationCommits: { individual: false, thirdParty: false } });
    assert.deepEqual(parseDcoConfig("require:\n  members: false\nallowRemediationCommits:\n  thirdParty: true\n"), { requireMembers: false, allowRemediationCommits: { individual: false, thirdParty: false } });
    assert.deepEqual(parseDcoConfig(": : bad yaml ["), parseDcoConfig(undefined));
  });
  it("parses git var's identity line", () => {
    assert.deepEqual(parseIdent("Jane Dev <jane@example.com> 1700000000 +0100\n"), JANE);
    assert.equal(parseIdent("garbage"), undefined);
  });
});

describe("DCO check of a branch (temporary repositories)", function () {
  this.timeout(120_000);
  let undo: () => void;
  let repo: Repo;
  const shas: Record<string, string> = {};
  before(() => {
    undo = isolateGit();
    repo = new Repo("dco");
    repo.commit("Base\n");
    repo.git("checkout", "-q", "-b", "feature");
    shas.signed = repo.commit(`Signed\n\nWhy.\n\n${SOB}\n`);
    shas.unsigned = repo.commit("Unsigned\n\nWhy.\n");
    shas.mismatched = repo.commit("Mismatched\n\nWhy.\n\nSigned-off-by: Jane Dev <jane@old-job.example>\n");
    shas.malformed = repo.commit("Malformed\n\nWhy.\n\nSigned-off-by:Jane Dev <jane@example.com>\n");
    shas.lowercase = repo.commit("Lowercase\n\nWhy.\n\nsigned-off-by: jane dev <JANE@EXAMPLE.COM>\n");
    shas.bob = repo.commit("Bob's change\n\nWhy.\n\nSigned-off-by: Bob Builder <bob@example.com>\n", { author: BOB });
    shas.bobUnsigned = repo.commit("Bob unsigned\n", { author: BOB });
    repo.git("checkout", "-q", "-b", "side", "main");
    repo.commit("Side\n\nWhy.\n\n" + SOB + "\n", { file: "side.txt" });
    repo.git("checkout", "-q", "feature");
    repo.git("merge", "-q", "--no-ff", "-m", "Merge branch 'side' into feature", "side");
    shas.merge = repo.head();
  });
  after(() => { repo.remove(); undo(); });

  it("names exactly the commits the apps fail, and skips the merge", async () => {
    const r = await checkBranch(repo.dir);
    assert.equal(r.base.ref, "main");
    const failing = new Set(r.failing.map((v) => v.commit.sha));
    assert.deepEqual([...failing].sort(), [shas.unsigned, shas.mismatched, shas.malformed, shas.bobUnsigned].sort());
    assert.equal(r.verdicts.find((v) => v.commit.sha === shas.merge)?.skipped, "merge");
    assert.equal(r.verdicts.length, 9, "7 feature commits, the side commit and the merge");
  });

  it("--base limits the range", async () => {
    const r = await checkBranch(repo.dir, { base: shas.malformed });
    assert.deepEqual(r.failing.map((v) => v.commit.sha).sort(), [shas.bobUnsigned].sort());
  });

  it("llm-d-contrib dco prints each failing commit, its reasons and fix, and exits 1", async () => {
    const out = io(repo.dir);
    const code = await runCli(["dco"], out);
    assert.equal(code, 1, out.err);
    assert.match(out.out, /^Checked 8 commits of [0-9a-f]{12}\.\.HEAD \(merge-base with the default branch main\); 1 merge commit skipped\.$/m);
    assert.ok(out.out.includes(`✖ ${shas.unsigned.slice(0, 7)} Unsigned\n    DCO App: The sign-off is missing.\n    DCO2: sign-off not found\n    fix: git rebase --signoff `), out.out);
    assert.ok(out.out.includes(`✖ ${shas.bobUnsigned.slice(0, 7)} Bob unsigned\n`), out.out);
    assert.ok(!out.out.includes("--amend"), "no failing commit is HEAD (the merge is): amending would not help");
    assert.ok(out.out.includes("    fix: git rebase --signoff --rebase-merges "), "the range has a merge, which a plain rebase would flatten");
    assert.equal((out.out.match(/✖/g) ?? []).length, 4);
    assert.ok(out.out.includes("4 of 8 commits fail the DCO check."));
  });

  it("--format json lists every commit with its verdict", async () => {
    const out = io(repo.dir);
    assert.equal(await runCli(["dco", "--format", "json"], out), 1);
    const j = JSON.parse(out.out);
    assert.equal(j.failing, 4);
    assert.equal(j.commits.find((c: any) => c.sha === shas.merge).skipped, "merge");
    assert.deepEqual(j.commits.find((c: any) => c.sha === shas.mismatched).failures, {
      dcoapp: 'Expected "Jane Dev <jane@example.com>", but got "Jane Dev <jane@old-job.example>".',
      dco2: 'no sign-off matches the author "Jane Dev <jane@example.com>" or the committer "Jane Dev <jane@example.com>"',
    });
  });

  it("exits 0 on a clean range, and 2 outside a repository or on a bad base", async () => {
    const clean = io(repo.dir);
    assert.equal(await runCli(["dco", "--base", shas.bobUnsigned], clean), 0, clean.out + clean.err);
    assert.match(clean.out, /✔ every commit passes the DCO check/);
    const bad = io(repo.dir);
    assert.equal(await runCli(["dco", "--base", "no-such-ref"], bad), 2);
    assert.match(bad.err, /--base no-such-ref does not name a commit/);
    const nowhere = io("/");
    assert.equal(await runCli(["dco"], nowhere), 2);
  });

  it("a ref that looks like an option is a ref, never an option", async () => {
    const out = io(repo.dir);
    assert.equal(await runCli(["dco", "--base=--output=/tmp/pwned"], out), 2);
    assert.ok(!existsSync("/tmp/pwned"));
  });

  it("gatherHostFacts reads the identity, comment char and merge state, and never throws", async () => {
    repo.git("config", "core.commentChar", ";");
    invalidateHostFacts();
    const facts = await gatherHostFacts(repo.dir);
    assert.deepEqual(facts, { gitAuthor: JANE, gitCommitter: JANE, commentChar: ";" });
    repo.git("config", "--unset", "core.commentChar");
    invalidateHostFacts();
    const t = Date.now();
    assert.deepEqual(await gatherHostFacts("/nonexistent/folder"), {});
    assert.ok(Date.now() - t < 10_000);
  });
});

describe("commit-msg and install-hook", function () {
  this.timeout(60_000);
  let undo: () => void;
  let repo: Repo;
  before(() => { undo = isolateGit(); repo = new Repo("hook"); repo.commit(`Base\n\nWhy.\n\n${SOB}\n`); invalidateHostFacts(); });
  after(() => { repo.remove(); undo(); });

  it("commit-msg exits 1 on errors, naming file, position and rule", async () => {
    const file = join(repo.dir, ".git", "COMMIT_EDITMSG");
    writeFileSync(file, "Fix crash\n\nWhy.\n# Please enter the commit message\n");
    const out = io(repo.dir);
    assert.equal(await runCli(["commit-msg", file], out), 1);
    assert.ok(out.err.startsWith(`${file}:1:1  error  no Signed-off-by line: every llm-d commit needs one for the DCO check; add "${SOB}" (git commit -s)  commit/missing-signoff\n`), out.err);
    writeFileSync(file, `Fix crash\n\nWhy.\n\n${SOB}\n`);
    const ok = io(repo.dir);
    assert.equal(await runCli(["commit-msg", file], ok), 0, ok.err);
    assert.equal(ok.err, "");
    assert.equal(await runCli(["commit-msg", join(repo.dir, "missing")], io(repo.dir)), 2);
  });

  it("commit-msg lets a merge commit's message through without a sign-off (MERGE_HEAD exists)", async () => {
    repo.git("checkout", "-q", "-b", "topic");
    repo.commit(`Topic\n\nWhy.\n\n${SOB}\n`, { file: "topic.txt" });
    repo.git("checkout", "-q", "main");
    repo.commit(`Main\n\nWhy.\n\n${SOB}\n`, { file: "main.txt" });
    repo.git("merge", "-q", "--no-commit", "--no-ff", "topic");
    const file = join(repo.dir, ".git", "COMMIT_EDITMSG");
    writeFileSync(file, "Merge branch 'topic'\n");
    const out = io(repo.dir);
    assert.equal(await runCli(["commit-msg", file], out), 0, out.err);
    repo.git("merge", "--abort");
    const after = io(repo.dir);
    assert.equal(await runCli(["commit-msg", file], after), 1, "without the merge it is an ordinary commit");
  });

  it("install-hook writes a hook that git runs, and it stops an unsigned commit", async () => {
    const out = io(repo.dir);
    assert.equal(await runCli(["install-hook"], out), 0, out.err);
    const hook = join(repo.dir, ".git", "hooks", "commit-msg");
    assert.ok(readFileSync(hook, "utf8").includes(HOOK_MARKER));
    // The test process is not the installed CLI: point the hook at a stand-in that runs ours.
    const cli = join(repo.dir, ".git", "run-cli.mjs");
    writeFileSync(cli, `import { runCli } from ${JSON.stringify(join(__dirname, "../../../server/src/cli/program.ts"))};\nimport { nodeIo } from ${JSON.stringify(join(__dirname, "../../../server/src/cli/io.ts"))};\nprocess.exitCode = await runCli(process.argv.slice(2), nodeIo());\n`);
    const tsx = join(__dirname, "../../../node_modules/.bin/tsx");
    writeFileSync(hook, hookScript(cli, tsx).replace("command -v llm-d-contrib", "false"));
    chmodSync(hook, 0o755);
    assert.throws(() => repo.gitIn({}, "Unsigned\n\nWhy.\n", "commit", "-q", "--allow-empty", "-F", "-"), /missing-signoff/);
    repo.gitIn({}, "Signed\n\nWhy.\n", "commit", "-q", "--allow-empty", "-s", "-F", "-");
    assert.match(repo.message(), /^Signed-off-by: Jane Dev <jane@example.com>$/m);
  });

  it("install-hook refuses to overwrite a foreign hook, and updates its own", async () => {
    const hook = join(repo.dir, ".git", "hooks", "commit-msg");
    writeFileSync(hook, "#!/bin/sh\necho theirs\n");
    const out = io(repo.dir);
    assert.equal(await runCli(["install-hook"], out), 1);
    assert.match(out.err, /already exists and was not written by llm-d-contrib; it was left as it is/);
    assert.equal(readFileSync(hook, "utf8"), "#!/bin/sh\necho theirs\n");
    writeFileSync(hook, `#!/bin/sh\n${HOOK_MARKER}: old version\n`);
    assert.equal(await runCli(["install-hook"], io(repo.dir)), 0);
    assert.ok(readFileSync(hook, "utf8").includes("exec llm-d-contrib commit-msg"));
  });
});
