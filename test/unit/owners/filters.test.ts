import { strict as assert } from "node:assert";
import { findings, fixTitles, fixed } from "./support";

describe("owners/filters-ignored", () => {
  const ID = "owners/filters-ignored";
  it("accepts filters alone, and top-level lists alone", () => {
    assert.deepEqual(findings(ID, "options:\n  no_parent_owners: true\nfilters:\n  '.*':\n    approvers: [a]\n  '\\.md$':\n    reviewers: [b]\n"), []);
    assert.deepEqual(findings(ID, "approvers: [a]\nfilters:\n"), []);
  });

  it("reports filters beside top-level lists (cluster-api@4cad79df1b) and moves the lists into \".*\"", () => {
    const text = "approvers:\n- alice\nfilters:\n  '\\.md$':\n    reviewers: [bob]\n";
    assert.deepEqual(findings(ID, text, "docs/OWNERS"), [`error ${ID} 3:1-3:8 Prow ignores this whole \`filters\` block because the file also has top-level approvers (line 1); with filters, put every list under a filter (\`".*"\` matches all files)`]);
    assert.deepEqual(fixTitles(ID, text, "docs/OWNERS"), ['Move the top-level lists into a ".*" filter [preferred]']);
    assert.equal(fixed(ID, text, undefined, "docs/OWNERS"), "filters:\n  \".*\":\n    approvers:\n    - alice\n  '\\.md$':\n    reviewers: [bob]\n");
  });

  it("does not report filters when the top-level lists cannot be read (Prow then uses the filters)", () => {
    assert.deepEqual(findings(ID, "approvers: alice\nfilters:\n  '.*':\n    reviewers: [bob]\n", "a/OWNERS"), []);
  });
});

describe("owners/invalid-regex", () => {
  const ID = "owners/invalid-regex";
  it("accepts valid Go regexps, including RE2-only syntax", () => {
    assert.deepEqual(findings(ID, "filters:\n  '.*':\n    approvers: [a]\n  '_test\\.go$':\n    approvers: [b]\n  '(?i)^docs/':\n    labels: [x]\n  '(?P<n>x)\\z':\n    labels: [y]\n"), []);
  });

  it("reports a glob written as a regexp (kueue@02d1c95967) and offers the regexp", () => {
    const text = 'filters:\n  "*_test.go$":\n    approvers: [a]\n';
    assert.deepEqual(findings(ID, text), ["error owners/invalid-regex 2:3-2:15 `*_test.go$` is not a valid Go regular expression (missing argument to repetition operator: `*`), so Prow skips this filter and its lists never apply; it looks like a glob, but filters are regexps matched anywhere in the path, so write `_test.go$`"]);
    assert.equal(fixed(ID, text), 'filters:\n  "_test.go$":\n    approvers: [a]\n');
    assert.equal(fixed(ID, "filters:\n  '*e2e*':\n    labels: [x]\n"), "filters:\n  'e2e':\n    labels: [x]\n");
  });

  it("reports lookarounds and backreferences, which RE2 does not have", () => {
    assert.deepEqual(findings(ID, "filters:\n  '(?=x)':\n    approvers: [b]\n  '(a)\\1':\n    approvers: [c]\n"), [
      "error owners/invalid-regex 2:3-2:10 `(?=x)` is not a valid Go regular expression (invalid or unsupported Perl syntax: `(?=`), so Prow skips this filter and its lists never apply; Go regexps (RE2) have no lookahead or lookbehind",
      "error owners/invalid-regex 4:3-4:10 `(a)\\1` is not a valid Go regular expression (invalid escape sequence: `\\1`), so Prow skips this filter and its lists never apply; Go regexps (RE2) have no backreferences",
    ]);
  });

  it("compiles a pathological pattern without running it, in bounded time", () => {
    const started = Date.now();
    assert.deepEqual(findings(ID, "filters:\n  '(a+)+$':\n    approvers: [a]\n"), []);
    assert.ok(Date.now() - started < 1000);
  });
});
