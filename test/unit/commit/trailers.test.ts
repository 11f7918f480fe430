/**
 * The engine's reading of git's trailer rules must agree with git itself: for many messages,
 * `git commit -s` (with --cleanup=verbatim, so git keeps every byte) must produce exactly the
 * text our add-sign-off edit produces. Also git's `interpret-trailers --parse` against the
 * trailer block we find.
 */
import { strict as assert } from "node:assert";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { applyEdits } from "../../../server/src/engine/index";
import { findTrailerBlock, signoffInsertion, type GitReading } from "../../../server/src/engine/families/commit/trailers";
import { LineIndex } from "../../../server/src/engine/text";
import { isolateGit, Repo, JANE } from "./git-fixture";

const SOB = `Signed-off-by: ${JANE.name} <${JANE.email}>`;
const POOL = [
  "Body prose that explains why.", "", "", "Signed-off-by: Other Person <other@example.com>", "Reviewed-by: Rita <r@example.com>",
  "# a comment", "#123 was the cause", "  continued trailer value", "Conflicts:", "\tsrc/file.go", "(cherry picked from commit 0123abcd)",
  "Key : value", "signed-off-by: Jane Dev <jane@example.com>", "# ------------------------ >8 ------------------------", SOB,
  "---", "Fixes: #12", "not: a trailer because of spaces here", "; semicolon comment",
];

/** A small deterministic PRNG (mulberry32), so a failure names a reproducible case. */
function rng(seed: number) {
  return () => { seed |= 0; seed = (seed + 0x6d2b79f5) | 0; let t = Math.imul(seed ^ (seed >>> 15), 1 | seed); t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t; return ((t ^ (t >>> 14)) >>> 0) / 4294967296; };
}

const HAND_PICKED = [
  "Title", "Title\n", "Title\n\n", "Title\n\nBody.\n", "Title\n\nFixes: #12\nsome prose\n",
  "Title\n\nl1\nl2\nl3\nSigned-off-by: Other <o@example.com>\n", "Title\n\nl1\nl2\nl3\nl4\nSigned-off-by: Other <o@example.com>\n",
  "Fix crash\n\n#123 was the root cause\n", `Title\n\n${SOB}\n`, `Title\n\n${SOB}\nReviewed-by: R <r@example.com>\n`,
  "Title\n\nsigned-off-by: Jane Dev <jane@example.com>\n", "Signed-off-by: A <a@example.com>\n", "Title\nSigned-off-by: A <a@example.com>\n",
  "Title\n\nBody\n# Please enter the commit message\n#\n", "Title\n\nBody\n\n# ------------------------ >8 ------------------------\ndiff\n",
  "Title\n\nConflicts:\n\tfile.c\n", "Title\n\nKey: v\n  continued\nOther: w\n", "\nTitle\n", "Title\r\n\r\nBody\r\n",
];

describe("commit trailers agree with git", function () {
  this.timeout(180_000); // one git process per message; slow only on a loaded machine
  let undo: () => void;
  let repo: Repo;
  before(() => { undo = isolateGit(); repo = new Repo("trailers"); });
  after(() => { repo.remove(); undo(); });

  const messages: string[] = [...HAND_PICKED];
  const random = rng(42);
  for (let i = 0; i < 50; i++) {
    const n = 1 + Math.floor(random() * 6);
    const lines = ["Title of the change"];
    for (let j = 0; j < n; j++) lines.push(POOL[Math.floor(random() * POOL.length)]);
    messages.push(lines.join("\n") + (random() < 0.8 ? "\n" : ""));
  }

  const viaGit = (message: string, commentChar = "#"): string => {
    const file = join(repo.dir, ".git", "MSG");
    writeFileSync(file, message);
    repo.git("-c", `core.commentChar=${commentChar}`, "commit", "-q", "--allow-empty", "-s", "--cleanup=verbatim", "-F", file);
    const raw = repo.git("cat-file", "commit", "HEAD");
    return raw.slice(raw.indexOf("\n\n") + 2);
  };
  const viaUs = (message: string, reading: GitReading): string => {
    const ins = signoffInsertion(message, SOB, reading);
    if (!ins) return message.endsWith("\n") ? message : message + "\n";
    const at = new LineIndex(message).positionAt(ins.offset);
    return applyEdits(message, [{ range: { start: at, end: at }, newText: ins.newText }]);
  };

  it(`git commit -s places the sign-off where we do, on ${messages.length} messages`, () => {
    for (const m of messages) assert.equal(viaUs(m, { comment: "#", scissors: true }), viaGit(m), `message ${JSON.stringify(m)}`);
  });

  it("and with core.commentChar=';'", () => {
    for (const m of messages.slice(0, 30)) assert.equal(viaUs(m, { comment: ";", scissors: true }), viaGit(m, ";"), `message ${JSON.stringify(m)}`);
  });

  it("finds the trailer block git interpret-trailers --parse reads", () => {
    let compared = 0;
    for (const m of messages) {
      const ours = findTrailerBlock(m.endsWith("\n") ? m : m + "\n", { comment: "#", scissors: true });
      const file = join(repo.dir, ".git", "MSG");
      writeFileSync(file, m);
      const parsed = repo.git("interpret-trailers", "--parse", "--no-divider", file);
      // --parse prints only lines with a separator, unfolded and normalised: compare the keys.
      const theirKeys = parsed.split("\n").filter(Boolean).map((l) => l.slice(0, l.indexOf(":")).trim());
      const ourKeys = (ours?.entries ?? []).map((e) => e.text).filter((t) => /^[A-Za-z0-9-]+[ \t]*:/.test(t)).map((t) => t.slice(0, t.indexOf(":")).trim());
      assert.deepEqual(ourKeys, theirKeys, `message ${JSON.stringify(m)}`);
      compared++;
    }
    assert.equal(compared, messages.length);
  });
});

describe("signoffInsertion", () => {
  it("adds nothing when that exact sign-off is already the last trailer", () => {
    assert.equal(signoffInsertion(`T\n\n${SOB}\n`, SOB, { comment: "#", scissors: true }), undefined);
  });
  it("adds a second one when ours is not last (git does not de-duplicate)", () => {
    assert.deepEqual(signoffInsertion(`T\n\n${SOB}\nReviewed-by: R <r@x.io>\n`, SOB, { comment: "#", scissors: true }), { offset: 3 + SOB.length + 1 + 24, newText: `${SOB}\n` });
  });
  it("leaves room for a title in an empty message, as git's template does", () => {
    assert.deepEqual(signoffInsertion("", SOB, { comment: "#", scissors: true }), { offset: 0, newText: `\n\n${SOB}\n` });
  });
});

