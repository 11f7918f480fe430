import { strict as assert } from "node:assert";
import type { Problem } from "../../../server/src/engine/index";
import { TokenHashes } from "../../../server/src/engine/families/flags/token-hashes";
import { DeferredTestMentions, mentionedNames } from "../../../server/src/cli/lint/test-mentions";

const finding = (message: string): Problem => ({ ruleId: "flags/experimental-untested", severity: "info", message, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } } });

describe("CLI: questions about test files answered after the run", () => {
  it("answers no while files are checked, and re-runs the rules only of files where some name is mentioned", () => {
    const m = new DeferredTestMentions();
    const reruns: string[] = [];
    m.begin("a.go", "package a");
    assert.equal(m.anyOf(["experimental-a", "ExperimentalA"]), false);
    m.end("a.go", () => { reruns.push("a.go"); return []; });
    m.begin("b.go", "package b");
    assert.equal(m.anyOf(["experimental-b"]), false);
    m.end("b.go", () => { reruns.push("b.go"); return [finding("b")]; });
    m.begin("c.go", "package c");
    m.end("c.go", () => { reruns.push("c.go"); return []; });
    assert.deepEqual(m.askedNames().sort(), ["ExperimentalA", "experimental-a", "experimental-b"]);

    const changed = m.answer(new Set(["ExperimentalA"]));
    assert.deepEqual(reruns, ["a.go"], "b.go's answers stay no, c.go asked nothing");
    assert.deepEqual(changed, [["a.go", []]]);
    assert.equal(m.anyOf(["ExperimentalA"]), true, "later questions are answered from the search");
    assert.equal(m.anyOf(["experimental-b"]), false);
  });

  it("indexes the words of the test files it checks, and no other file", () => {
    const m = new DeferredTestMentions();
    m.begin("pkg/a_test.go", 'run("--experimental-a=true")');
    m.begin("pkg/b.go", "experimental-b");
    assert.ok(m.testTokens.has("experimental-a"));
    assert.ok(!m.testTokens.has("experimental-b"));
    assert.deepEqual(m.testsSeen, ["pkg/a_test.go"]);
  });

  it("finds names in any thread's index and in test files no thread checked, read only then", () => {
    const other = new TokenHashes();
    other.addTokensOf("experimental-b");
    const reads: string[] = [];
    const texts: Record<string, string> = { "test/e2e/run.sh": "serve --experimental-c", "test/x_test.go": "experimental-d", "main.go": "experimental-e" };
    const found = mentionedNames(["experimental-a", "experimental-b", "experimental-c", "experimental-d", "experimental-e"], [new TokenHashes(), other],
      Object.keys(texts), new Set(["test/x_test.go", "main.go"]), (p) => { reads.push(p); return texts[p]; });
    assert.deepEqual([...found].sort(), ["experimental-b", "experimental-c"]);
    assert.deepEqual(reads, ["test/e2e/run.sh"], "test files a thread saw are in its index; main.go is no test");
    assert.deepEqual([...mentionedNames([], [], Object.keys(texts), new Set(), () => { throw new Error("read"); })], [], "nothing asked, nothing read");
  });
});
