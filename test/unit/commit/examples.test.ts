/** examples/commit-messages/<rule>/COMMIT_EDITMSG shows exactly its rule; good/ shows none. */
import { strict as assert } from "node:assert";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { lint } from "../../support/rule-tester";

const dir = join(__dirname, "../../../examples/commit-messages");
const HOST = { gitAuthor: { name: "Jane Dev", email: "jane@example.com" }, gitCommitter: { name: "Jane Dev", email: "jane@example.com" } };

describe("commit message examples", () => {
  const folders = readdirSync(dir).sort();
  it("cover every commit rule and a good message", () => {
    assert.deepEqual(folders, ["good", "malformed-signoff", "missing-body", "missing-signoff", "signoff-mismatch", "title-body-separator", "title-length"]);
  });
  for (const f of folders) {
    it(`${f}/COMMIT_EDITMSG`, () => {
      const text = readFileSync(join(dir, f, "COMMIT_EDITMSG"), "utf8");
      const ids = lint({ path: `examples/commit-messages/${f}/COMMIT_EDITMSG`, text, host: HOST }).map((p) => p.ruleId);
      assert.deepEqual(ids, f === "good" ? [] : [`commit/${f}`]);
    });
  }
});
