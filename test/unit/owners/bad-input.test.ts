/** Hostile or absurd input: one clear finding each, in bounded time, and nothing throws. */
import { strict as assert } from "node:assert";
import { decodeFile } from "../../../server/src/engine/index";
import { lint, show } from "../../support/rule-tester";

function timed(path: string, text: string, files?: Record<string, string>) {
  const started = Date.now();
  const problems = lint({ path, text, files });
  return { problems, shown: problems.map((p) => `${p.severity} ${show(p)}`), ms: Date.now() - started };
}
/** Generous: the machine running the tests may be shared; a quadratic path would take minutes. */
const BOUND_MS = 10_000;

describe("owners: bad input", function () {
  this.timeout(120_000);
  it("reports an alias bomb (billion laughs) once, without expanding it", () => {
    let text = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n';
    const L = "abcdefghi";
    for (let i = 1; i < 9; i++) text += `${L[i]}: &${L[i]} [${Array(9).fill("*" + L[i - 1]).join(",")}]\n`;
    text += "approvers: *i\n";
    const r = timed("OWNERS", text);
    assert.deepEqual(r.shown, ["error owners/yaml-syntax 2:8-2:10 anchors and aliases (&x / *x) expand this file to more than 100000 values (an \"alias bomb\"); Prow's YAML reader refuses it (\"excessive aliasing\")"]);
    assert.ok(r.ms < BOUND_MS, `${r.ms} ms`);
  });

  it("reports an alias inside its own anchor as a loop", () => {
    assert.deepEqual(timed("OWNERS", "a: &a [*a]\napprovers: *a\n").shown, ["error owners/yaml-syntax 1:8-1:10 `*a` stands for the value that contains it (`&a`), an endless loop; so Prow cannot parse this file and ignores all of it (\"anchor value contains itself\")"]);
  });

  it("reports binary content once", () => {
    const r = timed("OWNERS", "\u0000\u0001\u0002PK\u0003\u0004" + "x".repeat(100_000));
    assert.deepEqual(r.shown, ["error owners/yaml-syntax 1:1-1:2 the file holds binary data (a NUL byte), which YAML does not allow, so Prow cannot parse this file and ignores all of it"]);
  });

  it("leaves invalid UTF-8 and binary files on disk to the engine's one finding", () => {
    const bad = decodeFile(new Uint8Array([0x61, 0x70, 0x70, 0xff, 0xfe, 0x0a]));
    assert.ok("problem" in bad && bad.problem.ruleId === "internal/invalid-encoding");
    const bin = decodeFile(new Uint8Array([0x61, 0x00, 0x62]));
    assert.ok("problem" in bin && bin.problem.ruleId === "internal/binary-file");
  });

  it("reports a huge file once and does not parse it", () => {
    const text = "approvers:\n" + Array.from({ length: 60_000 }, (_, i) => `- user${i}\n`).join("");
    const r = timed("OWNERS", text);
    assert.deepEqual(r.shown, [`info owners/too-large 1:1-1:1 not checked: this file is ${Math.round(text.length / 1024)} KB, far beyond any real OWNERS file (the owners checks stop at 256 KB; raise owners.maxBytes in .llm-d-contrib.yaml to check it)`]);
    assert.ok(r.ms < BOUND_MS, `${r.ms} ms`);
    assert.deepEqual(lint({ path: "OWNERS", text, config: { owners: { maxBytes: 2_000_000 } } }).filter((p) => p.ruleId === "owners/too-large"), []);
  });

  it("reports an extremely long name once, with the name shortened in the message", () => {
    const r = timed("OWNERS", "approvers:\n- " + "a".repeat(200_000) + "\n");
    assert.deepEqual(r.shown, [`error owners/invalid-login 2:3-2:200003 \`${"a".repeat(59)}…\` is longer than 39 characters, so it cannot be a GitHub login (in approvers)`]);
    assert.ok(r.ms < BOUND_MS, `${r.ms} ms`);
    const key = timed("OWNERS", "k".repeat(200_000) + ": [x]\napprovers: [alice]\n");
    assert.deepEqual(key.shown.map((s) => s.split(" ").slice(0, 3).join(" ")), ["warning owners/unknown-key 1:1-1:200001"]);
    assert.ok(key.ms < BOUND_MS, `${key.ms} ms`);
  });

  it("refuses absurd nesting before the parser can overflow its stack", () => {
    for (const text of ["approvers: " + "[".repeat(5000) + "]".repeat(5000) + "\n", "approvers: " + "{a: ".repeat(3000) + "b" + "}".repeat(3000) + "\n", "- ".repeat(3000) + "x\n"]) {
      const r = timed("OWNERS", text);
      assert.equal(r.problems.length, 1, r.shown.join("\n"));
      assert.match(r.shown[0], /^error owners\/yaml-syntax 1:1-1:\d+ values are nested more than 100 levels deep/);
      assert.ok(r.ms < BOUND_MS, `${r.ms} ms`);
    }
  });

  it("reports thousands of tab-indented lines once, and caps a rule at 100 findings per file", () => {
    const tabs = timed("OWNERS", "approvers:\n" + "\t- a\n".repeat(5_000));
    assert.equal(tabs.problems.length, 1);
    assert.match(tabs.shown[0], /^error owners\/yaml-syntax 2:1-2:2 this line is indented with a tab \(5000 lines do\)/);
    assert.ok(tabs.ms < BOUND_MS, `${tabs.ms} ms`);
    const dup = timed("pkg/OWNERS", "approvers:\n" + "- alice\n".repeat(2_000));
    assert.equal(dup.problems.length, 100);
    assert.match(dup.shown[99], /\(and 1899 more like it in this file, not shown\)$/);
    assert.ok(dup.ms < BOUND_MS, `${dup.ms} ms`);
  });

  it("never throws on random bytes-turned-text and odd YAML", () => {
    const samples = ["", "\n\n", "---\n---\n", "...\n", "? a\n: b\n", "!!binary aGk=\n", "approvers: !!map {}\n", "<<: *x\n", "approvers:\n  - &a x\n  - *a\n", "%YAML 1.1\n---\napprovers: [a]\n", "approvers: [a\n", "a: 'unterminated\n", "\ufeffapprovers: [a]\n", "approvers:\r\n- a\r\n"];
    let seed = 7;
    for (let i = 0; i < 200; i++) {
      let s = "";
      for (let j = 0; j < 60; j++) { seed = (seed * 1103515245 + 12345) & 0x7fffffff; s += "a:- []{}#&*!|>'\"%@`\n\t ,?"[seed % 24]; }
      samples.push(s);
    }
    for (const text of samples) for (const path of ["OWNERS", "x/OWNERS", "OWNERS_ALIASES"]) lint({ path, text });
  });
});
