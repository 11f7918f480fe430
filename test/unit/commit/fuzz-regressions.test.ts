// Inputs the fuzzer (test/support/fuzz.ts) found, kept as plain regression cases.
import { strict as assert } from "node:assert";
import { lintRule, show } from "../../support/rule-tester";

describe("commit: fuzz regressions", () => {
  it("offers no repair that would be malformed itself (brackets inside the email)", () => {
    const text = "Fix the scorer\n\nThe scorer divided by zero when no pod was ready.\n\nSigned-off-by: Ada Lovelace <<ada@example.com>ada@example.com>\n";
    const [p] = lintRule("commit/malformed-signoff", { path: ".git/COMMIT_EDITMSG", languageId: "git-commit", text, host: { gitAuthor: { name: "Ada", email: "ada@example.com" } } });
    assert.equal(show(p), "commit/malformed-signoff 5:1-5:63 more than one `<` or `>` in the email");
    assert.deepEqual(p.fixes!.map((f) => f.title), ['Replace with "Signed-off-by: Ada <ada@example.com>"']);
  });
});
