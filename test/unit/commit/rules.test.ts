/**
 * Every commit/* rule against messages from specs/dco.md's edge cases: exact rule id, range
 * (one-based) and message, valid and invalid, and fixes that round-trip.
 */
import { strict as assert } from "node:assert";
import { lint, lintRule, roundTrip, show, applyFix, type Case } from "../../support/rule-tester";

const JANE = { name: "Jane Dev", email: "jane@example.com" };
const BOB = { name: "Bob Builder", email: "bob@example.com" };
const HOST = { gitAuthor: JANE, gitCommitter: JANE };
const SOB = "Signed-off-by: Jane Dev <jane@example.com>";
const GOOD = `Fix the crash on empty OWNERS\n\nThe parser read past the end of an empty file.\n\n${SOB}\n`;

const editor = (text: string, extra: Partial<Case> = {}): Case => ({ path: "COMMIT_EDITMSG", text, host: HOST, ...extra });
const inputBox = (text: string, extra: Partial<Case> = {}): Case => ({ path: "COMMIT_EDITMSG", text, host: HOST, languageId: "scminput", ...extra });
const shown = (id: string, c: Case) => lintRule(id, c).map(show);

describe("commit rules", () => {
  it("a good message, with git's template comments and a verbose diff, has no problem", () => {
    const text = `${GOOD}# Please enter the commit message for your changes. Lines starting\n# with '#' will be ignored.\n# ------------------------ >8 ------------------------\n# Do not modify or remove the line above.\ndiff --git a/x b/x\n+Signed-off-by:broken\n`;
    assert.deepEqual(lint(editor(text)).map(show), []);
  });

  it("an empty message (only the template) gets no problem at all", () => {
    assert.deepEqual(lint(editor("\n# Please enter the commit message for your changes.\n#\n")).map(show), []);
    assert.deepEqual(lint(inputBox("")).map(show), []);
  });

  describe("commit/missing-signoff", () => {
    const id = "commit/missing-signoff";
    it("reports a message without a sign-off on its title, with the identity to add", () => {
      assert.deepEqual(shown(id, editor("Fix crash\n\nBecause.\n")), [
        `${id} 1:1-1:10 no Signed-off-by line: every llm-d commit needs one for the DCO check; add "${SOB}" (git commit -s)`,
      ]);
    });
    it("without a known identity it names the form", () => {
      assert.deepEqual(shown(id, editor("Fix crash\n\nBecause.\n", { host: {} })), [
        `${id} 1:1-1:10 no Signed-off-by line: every llm-d commit needs \`Signed-off-by: Name <email>\` for the DCO check (git commit -s)`,
      ]);
      assert.equal(lintRule(id, editor("Fix crash\n", { host: {} }))[0].fixes, undefined);
    });
    it("is an error by default and info in the input box when git.alwaysSignOff is on", () => {
      assert.equal(lintRule(id, editor("Fix crash\n"))[0].severity, "error");
      const p = lintRule(id, inputBox("Fix crash", { host: { ...HOST, alwaysSignOff: true } }));
      assert.deepEqual(p.map((x) => [x.severity, x.message]), [["info", "no Signed-off-by line yet; git will add yours when you commit, because git.alwaysSignOff is on"]]);
      // an edited COMMIT_EDITMSG already holds what git added: the setting changes nothing there
      assert.equal(lintRule(id, editor("Fix crash\n", { host: { ...HOST, alwaysSignOff: true } }))[0].severity, "error");
    });
    it("accepts a lowercase key, as both DCO apps do (case-insensitive regex)", () => {
      assert.deepEqual(shown(id, editor("Fix crash\n\nWhy.\n\nsigned-off-by: Jane Dev <jane@example.com>\n")), []);
    });
    it("accepts a sign-off anywhere in the message, as the apps' regex does", () => {
      assert.deepEqual(shown(id, editor(`Fix crash\n\n${SOB}\n\nMore prose after it.\n`)), []);
    });
    it("a sign-off in a comment line does not count in COMMIT_EDITMSG", () => {
      assert.deepEqual(shown(id, editor(`Fix crash\n\nWhy.\n# ${SOB}\n`)).length, 1);
    });
    it("a sign-off below the scissors line does not count", () => {
      assert.equal(shown(id, editor(`Fix crash\n\nWhy.\n# ------------------------ >8 ------------------------\n${SOB}\n`)).length, 1);
    });
    it("in the input box '#' lines are content: a '#' paragraph is message text", () => {
      assert.deepEqual(shown(id, inputBox(`Fix crash\n\n#123 was the cause\n${SOB}`)), []);
    });
    it("is silent for merge messages (the apps skip merge commits) and tags", () => {
      assert.deepEqual(shown(id, { path: ".git/MERGE_MSG", text: "Merge branch 'x'\n", host: HOST }), []);
      assert.deepEqual(shown(id, editor("Merge branch 'x'\n\n# It looks like you may be committing a merge.\n# If this is not correct, please run\n")), []);
      assert.deepEqual(shown(id, editor("Merge branch 'x'\n", { host: { ...HOST, merging: true } })), []);
      assert.deepEqual(shown(id, { path: ".git/TAG_EDITMSG", text: "v1.0\n", host: HOST }), []);
    });
    it("defers to commit/malformed-signoff when a broken sign-off is there", () => {
      assert.deepEqual(shown(id, editor("Fix crash\n\nWhy.\n\nSigned-off-by:Jane Dev <jane@example.com>\n")), []);
    });
    it("the fix adds the sign-off where git -s puts it: a new paragraph after the body", () => {
      const c = editor("Fix crash\n\nBecause.\n# Please enter the commit message\n");
      const fixed = roundTrip(id, c);
      assert.equal(fixed, `Fix crash\n\nBecause.\n\n${SOB}\n# Please enter the commit message\n`);
    });
    it("the fix joins an existing trailer block", () => {
      const fixed = roundTrip(id, editor("Fix crash\n\nBecause.\n\nCo-authored-by: Bob Builder <bob@example.com>\n"));
      assert.equal(fixed, `Fix crash\n\nBecause.\n\nCo-authored-by: Bob Builder <bob@example.com>\n${SOB}\n`);
    });
    it("in the input box the fix goes last, even after a '#' paragraph, with no dangling line break", () => {
      const fixed = roundTrip(id, inputBox("Fix crash\n\n#123 was the root cause"));
      assert.equal(fixed, `Fix crash\n\n#123 was the root cause\n\n${SOB}`);
    });
    it("the add fix is never marked safe: signing off is a statement the author makes", () => {
      assert.equal(lintRule(id, editor("Fix crash\n"))[0].fixes?.[0].safe, undefined);
    });
    it("a CRLF message gets a CRLF sign-off", () => {
      assert.equal(roundTrip(id, editor("Fix crash\r\n\r\nWhy.\r\n")), `Fix crash\r\n\r\nWhy.\r\n\r\n${SOB}\r\n`);
    });
  });

  describe("commit/malformed-signoff", () => {
    const id = "commit/malformed-signoff";
    const body = "Fix crash\n\nWhy.\n\n";
    const one = (line: string, c: Partial<Case> = {}) => shown(id, editor(body + line + "\n", c));
    it("no space after the colon (git reads it as a trailer, the apps do not)", () => {
      assert.deepEqual(one("Signed-off-by:Jane Dev <jane@example.com>"), [
        `${id} 5:14-5:15 no space after the colon; the DCO check needs exactly one space: \`Signed-off-by: Name <email>\``,
      ]);
    });
    it("a tab, or two spaces, after the colon", () => {
      assert.deepEqual(one("Signed-off-by:\tJane Dev <jane@example.com>"), [
        `${id} 5:14-5:16 a tab after the colon; the DCO check needs exactly one space: \`Signed-off-by: Name <email>\``,
      ]);
      assert.deepEqual(one("Signed-off-by:   Jane Dev  <jane@example.com>"), [
        `${id} 5:14-5:18 more than one space after the colon; the DCO check needs exactly one space: \`Signed-off-by: Name <email>\``,
      ]);
    });
    it("a space before the colon", () => {
      assert.deepEqual(one("Signed-off-by : Jane Dev <jane@example.com>"), [
        `${id} 5:14-5:16 no space may stand before the colon: write \`Signed-off-by: Name <email>\``,
      ]);
    });
    it("missing <> around the email", () => {
      assert.deepEqual(one("Signed-off-by: Jane Dev jane@example.com"), [
        `${id} 5:16-5:41 the email must be in angle brackets: \`Signed-off-by: Name <email>\``,
      ]);
    });
    it("leading spaces", () => {
      assert.deepEqual(one("  Signed-off-by: Jane Dev <jane@example.com>"), [
        `${id} 5:1-5:16 the line is indented; the DCO check only reads \`Signed-off-by:\` at the very start of a line`,
      ]);
    });
    it("text after the >", () => {
      assert.deepEqual(one("Signed-off-by: Jane Dev <jane@example.com> (work)"), [
        `${id} 5:44-5:50 text after the closing \`>\` ("(work)"); the DCO check needs the line to end with \`>\``,
      ]);
    });
    it("no name, an empty email, spaces inside the brackets", () => {
      assert.deepEqual(one("Signed-off-by: <jane@example.com>"), [`${id} 5:1-5:34 no name before \`<email>\`; the DCO check needs \`Signed-off-by: Name <email>\``]);
      assert.deepEqual(one("Signed-off-by: Jane Dev <>"), [`${id} 5:1-5:27 no email between \`<\` and \`>\``]);
      assert.deepEqual(one("Signed-off-by: Jane Dev < jane@example.com >"), [`${id} 5:1-5:45 spaces inside \`< >\`; the DCO check compares the email exactly, spaces included`]);
    });
    it("a misspelt key, and no colon at all", () => {
      assert.deepEqual(one("Signed-of-by: Jane Dev <jane@example.com>"), [`${id} 5:1-5:13 "Signed-of-by" is not the key "Signed-off-by"`]);
      assert.deepEqual(one("Signed-off-by Jane Dev <jane@example.com>"), [`${id} 5:1-5:14 \`Signed-off-by\` needs a colon after it: \`Signed-off-by: Name <email>\``]);
    });
    it("leaves prose, other trailers and a valid sign-off alone", () => {
      assert.deepEqual(one("Reviewed-by: Bob Builder <bob@example.com>\n" + SOB), []);
      assert.deepEqual(one("This was signed off by the team lead."), []);
      assert.deepEqual(one(SOB), []);
      assert.deepEqual(one("SIGNED-OFF-BY: Jane Dev <jane@example.com>"), []);
    });
    it("an indented sign-off quoted inside a body that is signed off is a quotation, not a mistake", () => {
      const text = `Revert the parser change\n\nThe original commit said:\n\n    Signed-off-by: Bob Builder <bob@example.com>\n\nand broke x.\n\n${SOB}\n`;
      assert.deepEqual(shown(id, editor(text)), []);
    });
    it("the repair keeps the name and email, and is safe when it only fixes the form", () => {
      const fixed = roundTrip(id, editor(body + "Signed-off-by:Jane Dev <jane@example.com>\n"));
      assert.equal(fixed, body + SOB + "\n");
      const [p] = lintRule(id, editor(body + "  Signed-off-by:  Jane Dev  < jane@example.com >\n"));
      assert.equal(p.fixes?.[0].title, `Change to "${SOB}"`);
      assert.equal(p.fixes?.[0].safe, true);
      assert.equal(p.fixes?.length, 1, "the repaired line is already the host's sign-off");
    });
    it("a repair that drops text or adds brackets is not safe; another person's line offers yours too", () => {
      const [p] = lintRule(id, editor(body + "Signed-off-by: Bob Builder <bob@example.com> (work)\n"));
      assert.deepEqual(p.fixes?.map((f) => [f.title, !!f.safe]), [
        ['Change to "Signed-off-by: Bob Builder <bob@example.com>"', false],
        [`Replace with "${SOB}"`, false],
      ]);
      assert.equal(applyFix(body + "Signed-off-by: Bob Builder <bob@example.com> (work)\n", p.fixes![1]), body + SOB + "\n");
    });
    it("with no email to recover, only the host's sign-off is offered", () => {
      const [p] = lintRule(id, editor(body + "Signed-off-by: Jane Dev\n"));
      assert.deepEqual(p.fixes?.map((f) => f.title), [`Replace with "${SOB}"`]);
    });
  });

  describe("commit/signoff-mismatch", () => {
    const id = "commit/signoff-mismatch";
    const msg = (sobs: string) => `Fix crash\n\nWhy.\n\n${sobs}\n`;
    it("reports a sign-off by somebody else, with both fixes", () => {
      const c = editor(msg("Signed-off-by: Bob Builder <bob@example.com>"));
      assert.deepEqual(shown(id, c), [
        `${id} 5:1-5:45 this sign-off does not match "Jane Dev <jane@example.com>"; the DCO check needs a sign-off with the same name and email as the commit's author or committer`,
      ]);
      assert.equal(roundTrip(id, c), msg(SOB));
      assert.equal(roundTrip(id, c, `Add "${SOB}"`), msg(`Signed-off-by: Bob Builder <bob@example.com>\n${SOB}`));
    });
    it("says which half differs", () => {
      assert.deepEqual(shown(id, editor(msg("Signed-off-by: Jane Dev <jane@old-job.example>"))), [
        `${id} 5:1-5:47 this sign-off does not match "Jane Dev <jane@example.com>" (the email differs: "jane@old-job.example" is not "jane@example.com"); the DCO check needs a sign-off with the same name and email as the commit's author or committer`,
      ]);
    });
    it("ignores case, as both apps do", () => {
      assert.deepEqual(shown(id, editor(msg("Signed-off-by: JANE DEV <Jane@Example.COM>"))), []);
    });
    it("applies DCO2's pairing: the author's name with the committer's email is no match", () => {
      const host = { gitAuthor: BOB, gitCommitter: JANE };
      assert.deepEqual(shown(id, editor(msg("Signed-off-by: Bob Builder <jane@example.com>"), { host })), [
        `${id} 5:1-5:46 this sign-off does not match the author "Bob Builder <bob@example.com>" or the committer "Jane Dev <jane@example.com>" (the name differs: "Bob Builder" is not "Jane Dev"); the DCO check needs a sign-off with the same name and email as the commit's author or committer`,
      ]);
      assert.deepEqual(shown(id, editor(msg("Signed-off-by: Bob Builder <bob@example.com>"), { host })), []);
      assert.deepEqual(shown(id, editor(msg(SOB), { host })), []);
    });
    it("passes when any of several sign-offs matches; otherwise names the last and prefers adding", () => {
      assert.deepEqual(shown(id, editor(msg(`Signed-off-by: Bob Builder <bob@example.com>\n${SOB}`))), []);
      const c = editor(msg("Signed-off-by: Bob Builder <bob@example.com>\nSigned-off-by: Ann Other <ann@example.com>"));
      const [p] = lintRule(id, c);
      assert.equal(show(p), `${id} 6:1-6:43 no sign-off matches "Jane Dev <jane@example.com>"; the DCO check needs a sign-off with the same name and email as the commit's author or committer`);
      assert.deepEqual(p.fixes?.map((f) => [f.title, !!f.isPreferred]), [[`Replace with "${SOB}"`, false], [`Add "${SOB}"`, true]]);
    });
    it("says nothing when the host identity is unknown, or for merges", () => {
      assert.deepEqual(shown(id, editor(msg("Signed-off-by: Bob Builder <bob@example.com>"), { host: {} })), []);
      assert.deepEqual(shown(id, { path: "MERGE_MSG", text: msg("Signed-off-by: Bob Builder <bob@example.com>"), host: HOST }), []);
    });
  });

  describe("commit/title-length", () => {
    const id = "commit/title-length";
    const long = "Make the OWNERS parser accept aliases that are defined after their first use";
    it("warns past 72 characters, from the 73rd on", () => {
      assert.equal(long.length, 76);
      assert.deepEqual(shown(id, editor(`${long}\n\nWhy.\n\n${SOB}\n`)), [
        `${id} 1:73-1:77 the title is 76 characters long; keep it to 72 or fewer so git log and GitHub show it whole`,
      ]);
      assert.equal(lintRule(id, editor(`${long}\n`))[0].severity, "warning");
    });
    it("exactly 72 is fine; trailing spaces do not count", () => {
      assert.deepEqual(shown(id, editor(`${"x".repeat(72)}   \n`)), []);
    });
    it("counts characters, not UTF-16 units", () => {
      assert.deepEqual(shown(id, editor(`${"é".repeat(70)}🙂🙂\n`)), []);
      assert.deepEqual(shown(id, editor(`${"🙂".repeat(73)}\n`)), [`${id} 1:145-1:147 the title is 73 characters long; keep it to 72 or fewer so git log and GitHub show it whole`]);
    });
    it("takes the limit from the rule's max option or commit: titleMaxLength", () => {
      const t = `${"x".repeat(51)}\n`;
      assert.equal(shown(id, editor(t, { config: { rules: { [id]: { max: 50 } } } })).length, 1);
      assert.equal(shown(id, editor(t, { config: { commit: { titleMaxLength: 50 } } })).length, 1);
      assert.equal(shown(id, editor(`${"x".repeat(80)}\n`, { config: { commit: { titleMaxLength: 100 } } })).length, 0);
    });
    it("skips titles git writes (fixup!, squash!, Revert \"…\") and merges", () => {
      assert.deepEqual(shown(id, editor(`fixup! ${long}\n`)), []);
      assert.deepEqual(shown(id, editor(`Revert "${long}"\n`)), []);
      assert.deepEqual(shown(id, { path: "MERGE_MSG", text: `Merge branch '${long}'\n`, host: HOST }), []);
    });
    it("the title is the first line git keeps: leading blank and comment lines are skipped", () => {
      assert.deepEqual(shown(id, editor(`\n# comment\n${long}\n`)), [`${id} 3:73-3:77 the title is 76 characters long; keep it to 72 or fewer so git log and GitHub show it whole`]);
    });
  });

  describe("commit/title-body-separator", () => {
    const id = "commit/title-body-separator";
    it("reports a second line that is not blank, and inserts the blank line", () => {
      const c = editor(`Fix crash\nThe parser read past the end.\n\n${SOB}\n`);
      assert.deepEqual(shown(id, c), [`${id} 2:1-2:30 the line after the title must be blank; git reads every line up to the first blank one as the title`]);
      assert.equal(roundTrip(id, c), `Fix crash\n\nThe parser read past the end.\n\n${SOB}\n`);
    });
    it("comment lines in between do not separate (git strips them)", () => {
      assert.deepEqual(shown(id, editor("Fix crash\n# a comment\nBody\n")), [`${id} 3:1-3:5 the line after the title must be blank; git reads every line up to the first blank one as the title`]);
      assert.deepEqual(shown(id, editor("Fix crash\n# Please enter the commit message\n")), []);
    });
    it("a sign-off straight after the title is not a trailer for git", () => {
      assert.deepEqual(shown(id, editor(`Fix crash\n${SOB}\n`)).length, 1);
    });
    it("a blank second line, or a title alone, is fine", () => {
      assert.deepEqual(shown(id, editor(GOOD)), []);
      assert.deepEqual(shown(id, inputBox("Fix crash")), []);
    });
  });

  describe("commit/missing-body", () => {
    const id = "commit/missing-body";
    it("reports a title with only trailers after it, as info", () => {
      const p = lintRule(id, editor(`Fix crash\n\n${SOB}\n`));
      assert.deepEqual(p.map(show), [`${id} 1:1-1:10 no body: add a paragraph after the title that says why the change was needed (CONTRIBUTING.md)`]);
      assert.equal(p[0].severity, "info");
    });
    it("a broken sign-off is not a body either", () => {
      assert.equal(shown(id, editor("Fix crash\n\nSigned-off-by Jane Dev <jane@example.com>\n")).length, 1);
    });
    it("a body paragraph, even a short one, satisfies it", () => {
      assert.deepEqual(shown(id, editor(GOOD)), []);
      assert.deepEqual(shown(id, inputBox(`Fix crash\n\n#123 was the cause\n\n${SOB}`)), []);
    });
    it("skips fixup! commits and merges", () => {
      assert.deepEqual(shown(id, editor(`fixup! Fix crash\n\n${SOB}\n`)), []);
      assert.deepEqual(shown(id, { path: "MERGE_MSG", text: "Merge branch 'x'\n", host: HOST }), []);
    });
  });

  it("the comment character follows core.commentChar and commit: commentChar", () => {
    // "#123 …" is the title when ";" marks comments, and a comment (so no title) with "#".
    const text = `#123 Fix crash\n\n; a comment\n${SOB}\n`;
    const titleLine = (c: Case) => lintRule("commit/missing-body", c).map((p) => p.range.start.line + 1);
    assert.deepEqual(titleLine(editor(text, { host: { ...HOST, commentChar: ";" } })), [1]);
    assert.deepEqual(titleLine(editor(text, { config: { commit: { commentChar: ";" } } })), [1]);
    assert.deepEqual(titleLine(editor(text)), [3]); // "; a comment" is then the title
  });

  it("disable comments work in a commit message", () => {
    assert.deepEqual(lint(editor(`Fix crash\n\n${SOB}\n# llm-d-contrib-disable commit/missing-body\n`)).map(show), []);
  });
});
