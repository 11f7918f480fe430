import { strict as assert } from "node:assert";
import { lintRule, roundTrip, show } from "../../support/rule-tester";

const ID = "owners/yaml-syntax";
const run = (text: string, path = "OWNERS") => lintRule(ID, { path, text }).map(show);

describe("owners/yaml-syntax", () => {
  it("accepts ordinary OWNERS files, comments, flow lists, anchors and empty files", () => {
    assert.deepEqual(run("# See the OWNERS docs\napprovers:\n- alice\n- bob\nreviewers: [carol, \"@dave\"]\n"), []);
    assert.deepEqual(run("approvers: &a\n  - alice\nreviewers: *a\n"), []);
    assert.deepEqual(run(""), []);
    assert.deepEqual(run("# only a comment\n"), []);
    assert.deepEqual(run("approvers:\n  - alice\t# a tab after the value is fine\n"), []);
  });

  it("ignores everything after the first document, as Prow does", () => {
    assert.deepEqual(run("approvers:\n- alice\n---\n\t: : broken\n"), []);
  });

  it("reports tab indentation once, on the first tab, with a safe fix for every line", () => {
    const text = "approvers:\n\t- alice\n\t- bob\n";
    assert.deepEqual(run(text), [`${ID} 2:1-2:2 this line is indented with a tab (2 lines do); YAML indents with spaces only, so Prow cannot parse this file and ignores all of it ("found character that cannot start any token")`]);
    const fixed = roundTrip(ID, { path: "OWNERS", text });
    assert.equal(fixed, "approvers:\n  - alice\n  - bob\n");
    assert.equal(lintRule(ID, { path: "OWNERS", text })[0].fixes?.[0].safe, true);
  });

  it("reports an unquoted @login and removes the @ everywhere", () => {
    const text = "approvers:\n  - @alice\n  - @bob\n";
    assert.deepEqual(run(text), [`${ID} 2:5-2:11 \`@alice\`: a YAML value cannot start with @, so Prow cannot parse this file and ignores all of it; write \`alice\` (Prow drops a leading @ anyway)`]);
    assert.equal(roundTrip(ID, { path: "OWNERS", text }), "approvers:\n  - alice\n  - bob\n");
    assert.equal(roundTrip(ID, { path: "OWNERS", text: "approvers:\n  - @alice\n" }, 'Quote it ("@alice")'), 'approvers:\n  - "@alice"\n');
    assert.equal(roundTrip(ID, { path: "OWNERS", text }, 'Quote the 2 names ("@…")'), 'approvers:\n  - "@alice"\n  - "@bob"\n');
  });

  it("reports a backtick at the start of a value", () => {
    const text = "approvers:\n  - `alice`\n";
    assert.deepEqual(run(text), [`${ID} 2:5-2:12 \`\`alice\`\`: a YAML value cannot start with a backtick, so Prow cannot parse this file and ignores all of it; write \`alice\``]);
    assert.equal(roundTrip(ID, { path: "OWNERS", text }), "approvers:\n  - alice\n");
  });

  it("reports -name without a space (test-infra@2236f41449)", () => {
    const text = "approvers:\n- alice\n-mithrav\n";
    assert.deepEqual(run(text), [`${ID} 3:1-3:9 \`-mithrav\` needs a space after "-" to be a list item; as written it is neither a list item nor a key, so Prow cannot parse this file and ignores all of it ("could not find expected ':'")`]);
    assert.equal(roundTrip(ID, { path: "OWNERS", text }), "approvers:\n- alice\n- mithrav\n");
  });

  it("reports stray text and a comment without #", () => {
    assert.deepEqual(run("This is a comment\napprovers:\n- a\n"), [`${ID} 1:1-1:18 stray text \`This is a comment\`: this line is neither a \`key:\` nor a \`- item\`, so Prow cannot parse this file and ignores all of it ("could not find expected ':'"); a comment must start with "#"`]);
    assert.equal(roundTrip(ID, { path: "OWNERS", text: "This is a comment\napprovers:\n- a\n" }), "# This is a comment\napprovers:\n- a\n");
    const text = "reviewers:\nparispittman\n  - jeefy\n";
    assert.deepEqual(run(text), [`${ID} 2:1-2:13 \`parispittman\` is not a list item (it lacks "- ") and not a key (it lacks ":"), so Prow cannot parse this file and ignores all of it ("could not find expected ':'")`]);
    assert.equal(roundTrip(ID, { path: "OWNERS", text }), "reviewers:\n  - parispittman\n  - jeefy\n");
  });

  it("reports every stray line, and offers fixes only where they help", () => {
    const text = "approvers:\n- a\nxx\nreviewers:\n- b\nxx\n";
    assert.deepEqual(run(text), [
      `${ID} 3:1-3:3 \`xx\` is not a list item (it lacks "- ") and not a key (it lacks ":"), so Prow cannot parse this file and ignores all of it ("could not find expected ':'")`,
      `${ID} 6:1-6:3 \`xx\` is not a list item (it lacks "- ") and not a key (it lacks ":"), so Prow cannot parse this file and ignores all of it ("could not find expected ':'")`,
    ]);
    assert.equal(roundTrip(ID, { path: "OWNERS", text }), "approvers:\n- a\n- xx\nreviewers:\n- b\nxx\n");
    const many = Array.from({ length: 8 }, (_, i) => `k${i}:\n- a${i}\nstray${i}\n`).join("");
    const found = lintRule(ID, { path: "OWNERS", text: many });
    assert.equal(found.length, 8);
    assert.deepEqual(found.map((p) => (p.fixes ?? []).length > 0), [true, true, true, true, true, false, false, false]);
  });

  it("reports a key without its colon", () => {
    const text = "approvers:\n- a\nreviewers\n- b\n";
    assert.deepEqual(run(text), [`${ID} 3:1-3:10 \`reviewers\` needs a ":" after it to be a key, so Prow cannot parse this file and ignores all of it ("could not find expected ':'")`]);
    assert.equal(roundTrip(ID, { path: "OWNERS", text }), "approvers:\n- a\nreviewers:\n- b\n");
  });

  it("reports a file whose keys all lack colons (test-infra@eff75fbbbb) as one text", () => {
    const text = "assignees\n- apelisse\napprovers\n- grodrigues3\n";
    assert.deepEqual(run(text), [`${ID} 1:1-1:10 keys need a ":" after them (\`approvers:\`); without it the whole file is one piece of text, so Prow cannot parse this file and ignores all of it`]);
    assert.equal(roundTrip(ID, { path: "OWNERS", text }), "assignees:\n- apelisse\napprovers:\n- grodrigues3\n");
  });

  it("reports a top level that is not a mapping", () => {
    assert.deepEqual(run("TDB\n"), [`${ID} 1:1-1:4 the file is a single piece of text (\`TDB\`), not \`key: value\` pairs such as \`approvers:\`; Prow cannot read it and ignores all of it`]);
    assert.deepEqual(run("- reviewers:\n    - a\n"), [`${ID} 1:1-1:13 the file is a YAML list (its lines start with "- "), but Prow expects \`key: value\` pairs such as \`approvers:\`; Prow cannot read it and ignores all of it`]);
    assert.deepEqual(run("- a\n", "OWNERS_ALIASES"), [`${ID} 1:1-1:4 the file is a YAML list (its lines start with "- "), but Prow expects one \`aliases:\` mapping of alias names to lists; Prow cannot read it and ignores all of it`]);
  });

  it("reports an invalid escape in a double-quoted regexp and doubles the backslash", () => {
    const text = 'filters:\n  "\\.go$":\n    approvers: [a]\n';
    assert.deepEqual(run(text), [`${ID} 2:4-2:6 \`\\.\` is not an escape YAML knows inside double quotes, so Prow cannot parse this file and ignores all of it; for a regexp write \`\\\\.\` in double quotes, or use single quotes`]);
    assert.equal(roundTrip(ID, { path: "OWNERS", text }), 'filters:\n  "\\\\.go$":\n    approvers: [a]\n');
  });

  it("reports an alias without an anchor", () => {
    assert.deepEqual(run("approvers: *x\n"), [`${ID} 1:12-1:14 \`*x\` refers to an anchor \`&x\` that is not defined before it, so Prow cannot parse this file and ignores all of it`]);
  });

  it("reports binary content once", () => {
    assert.deepEqual(run("approvers:\n- a\u0000b\n"), [`${ID} 2:4-2:5 the file holds binary data (a NUL byte), which YAML does not allow, so Prow cannot parse this file and ignores all of it`]);
  });

  it("reports a misindented key (test-infra@55ec7d7cc2) and aligns it with its siblings", () => {
    const text = "aliases:\n  a-leads:\n    - x\n    b-leads:\n    - y\n";
    assert.deepEqual(run(text, "OWNERS_ALIASES"), [`${ID} 4:5-4:13 \`b-leads:\` is indented differently from the lines around it, so YAML cannot tell what it belongs to and Prow cannot parse this file (it ignores all of it); keys of one mapping must start in the same column`]);
    assert.equal(roundTrip(ID, { path: "OWNERS_ALIASES", text }), "aliases:\n  a-leads:\n    - x\n  b-leads:\n    - y\n");
  });
});
