import { strict as assert } from "node:assert";
import { lint, lintRule, roundTrip, show } from "../../support/rule-tester";
import { applyEdits, allRules, docPath } from "../../../server/src/engine/index";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { isTestFile, occurrences, testMentions } from "../../../server/src/engine/families/flags/workspace-index";
import { memoryWorkspace, Workspace } from "../../../server/src/engine/workspace";

const NAME = "flags/experimental-name";
const ON = "flags/experimental-default-on";
const UNTESTED = "flags/experimental-untested";
const goOpts = [
  "package opts",
  "",
  "func AddFlags(fs *pflag.FlagSet) {",
  '\tfs.IntVar(&o.ChunkSize, "decode-chunk-size", 0, "Experimental: chunked decode budget")',
  '\tfs.BoolVar(&o.Turbo, "experimental-turbo", true, "turbo")',
  "}",
].join("\n");
const goCase = { path: "pkg/opts/options.go", text: goOpts };

describe("flags/experimental-name", () => {
  it("warns, with a rename fix that is previewed, never safe", () => {
    const [p] = lintRule(NAME, goCase);
    assert.equal(show(p), 'flags/experimental-name 4:2-4:45 --decode-chunk-size is marked experimental ("Experimental" in its help text) but its name lacks "experimental"; name it --experimental-decode-chunk-size');
    assert.equal(p.severity, "warning");
    assert.equal(p.fixes?.[0].safe, false);
  });
  it("the rename round-trips and changes only the name", () => {
    const fixed = roundTrip(NAME, goCase);
    assert.equal(fixed, goOpts.replace('"decode-chunk-size"', '"experimental-decode-chunk-size"'));
  });
  it("the rename edits every exact occurrence in other files, not longer names", () => {
    const files = {
      "docs/flags.md": "Use `--decode-chunk-size=64`; not --max-decode-chunk-size or decode-chunk-size-limit.\n",
      "deploy/sidecar.yaml": "args:\n  - --decode-chunk-size=128\n",
    };
    const [p] = lintRule(NAME, { ...goCase, files });
    const fix = p.fixes![0];
    assert.equal(fix.title, "Rename to experimental-decode-chunk-size here and wherever the workspace spells it");
    assert.equal(fix.otherFiles, undefined, "other files are searched only when an editor resolves the fix");
    const byPath = Object.fromEntries(fix.resolveOtherFiles!().map((o) => [o.relPath, applyEdits(files[o.relPath as keyof typeof files], o.edits)]));
    assert.deepEqual(byPath, {
      "docs/flags.md": "Use `--experimental-decode-chunk-size=64`; not --max-decode-chunk-size or decode-chunk-size-limit.\n",
      "deploy/sidecar.yaml": "args:\n  - --experimental-decode-chunk-size=128\n",
    });
  });
  it("renaming a Helm value also renames .Values references in the chart", () => {
    const values = "# Experimental chunking\nchunked: false\n";
    const tpl = "env:\n  - name: CHUNKED\n    value: {{ .Values.chunked | quote }}\n";
    const [p] = lintRule(NAME, { path: "charts/c/values.yaml", text: values, files: { "charts/c/templates/d.yaml": tpl } });
    assert.equal(show(p), 'flags/experimental-name 2:1-2:8 chunked is marked experimental ("Experimental" in the comment above it) but its name lacks "experimental"; name it experimentalChunked');
    const other = p.fixes![0].resolveOtherFiles!();
    assert.deepEqual(other.map((o) => [o.relPath, applyEdits(tpl, o.edits)]), [["charts/c/templates/d.yaml", tpl.replace(".Values.chunked", ".Values.experimentalChunked")]]);
    assert.equal(roundTrip(NAME, { path: "charts/c/values.yaml", text: values }), values.replace("chunked:", "experimentalChunked:"));
  });
  it("evidence words are configurable", () => {
    const text = 'package p\nfunc f() { fs.Bool("fancy", false, "beta quality") }\n';
    assert.deepEqual(lintRule(NAME, { path: "p.go", text }).map(show), []);
    assert.deepEqual(lintRule(NAME, { path: "p.go", text, config: { flags: { evidenceWords: ["beta"] } } }).map(show), [
      'flags/experimental-name 2:12-2:27 --fancy is marked experimental ("beta" in its help text) but its name lacks "experimental"; name it --experimental-fancy',
    ]);
  });
  it("a disable comment silences it", () => {
    const text = 'package p\nfunc f() {\n\t// llm-d-contrib-disable-next-line flags/experimental-name\n\tfs.Bool("fancy", false, "experimental")\n}\n';
    assert.deepEqual(lintRule(NAME, { path: "p.go", text }), []);
  });
});

describe("flags/experimental-default-on", () => {
  it("errors, with a safe fix for a plain boolean literal that round-trips", () => {
    const [p] = lintRule(ON, goCase);
    assert.equal(show(p), "flags/experimental-default-on 5:2-5:43 --experimental-turbo is experimental (by its name) but defaults to on (true); experimental features must be off by default");
    assert.equal(p.severity, "error");
    assert.deepEqual(p.fixes?.map((f) => [f.title, f.safe]), [["Set the default to off (false)", true]]);
    assert.equal(roundTrip(ON, goCase), goOpts.replace('"experimental-turbo", true', '"experimental-turbo", false'));
  });
  it("a string switch gets its off spelling, not marked safe", () => {
    const c = { path: "config/app.yaml", text: 'experimental:\n  mode: "on"\n' };
    assert.deepEqual(lintRule(ON, c)[0].fixes?.map((f) => [f.title, f.safe]), [['Set the default to off ("off")', false]]);
    assert.equal(roundTrip(ON, c), 'experimental:\n  mode: "off"\n');
  });
  it("a default resolved through a constructor is fixed there, not safely", () => {
    const text = 'package p\nfunc New() *O { return &O{ExperimentalX: true} }\nfunc (o *O) Add(fs *pflag.FlagSet) { fs.BoolVar(&o.ExperimentalX, "experimental-x", o.ExperimentalX, "x") }\n';
    const c = { path: "p.go", text };
    assert.deepEqual(lintRule(ON, c)[0].fixes?.map((f) => [f.title, f.safe]), [["Set the default to off (false)", false]]);
    assert.equal(roundTrip(ON, c), text.replace("ExperimentalX: true", "ExperimentalX: false"));
  });
  it("valid: tuning parameters of experimental features (durations, limits, names) are exempt", () => {
    const text = 'package p\nfunc f() {\n\tfs.Duration("experimental-interval", time.Second, "x")\n\tfs.Int("experimental-limit", 10, "x")\n\tfs.String("experimental-name", "etcd", "x")\n}\n';
    assert.deepEqual(lintRule(ON, { path: "p.go", text }), []);
  });
});

describe("flags/experimental-untested", () => {
  it("informs about an experimental switch no test mentions (a tuning parameter needs no on/off test)", () => {
    const [p] = lintRule(UNTESTED, goCase);
    assert.equal(show(p), "flags/experimental-untested 5:2-5:43 no test file mentions the experimental --experimental-turbo; add tests for both its on and off states");
    assert.equal(p.severity, "info");
  });
  it("valid: a test file that mentions the flag, its env name or the field it sets", () => {
    for (const [p, t] of [["pkg/opts/options_test.go", 'args := []string{"--decode-chunk-size=4", "--experimental-turbo=false"}'], ["test/e2e/run.sh", "run --decode-chunk-size 4 --experimental-turbo"], ["pkg/opts/x_test.go", "o.ChunkSize = 1; o.Turbo = false"]]) {
      assert.deepEqual(lintRule(UNTESTED, { ...goCase, files: { [p]: t } }).map(show), [], p);
    }
  });
  it("recognises test files by name and folder", () => {
    for (const p of ["a/b_test.go", "test_x.py", "x_test.py", "a.test.ts", "a.spec.js", "test/x.go", "tests/x.py", "a/__tests__/b.js", "test/e2e/run.sh"]) assert.ok(isTestFile(p), p);
    for (const p of ["a/b.go", "attest.py", "latest/x.go", "docs/test.md"]) assert.ok(!isTestFile(p), p);
  });
  it("builds the test index once: no test file is read again while the file list is unchanged", () => {
    const files: Record<string, string> = { "a.go": "x" };
    for (let i = 0; i < 70; i++) files[`t/x${i}_test.go`] = `flag${i}`;
    let reads = 0;
    let list = Object.keys(files);
    const ws = new Workspace("/r", (p) => { reads++; return files[p]; }, () => list);
    assert.ok(testMentions(ws).anyOf(["flag3"]));
    const first = reads;
    testMentions(ws);
    assert.equal(reads, first, "a large test set is keyed by its file list only");
    files["t/new_test.go"] = "brandnew";
    list = Object.keys(files);
    assert.ok(testMentions(ws).anyOf(["brandnew"]), "a new file list rebuilds the index");
    const small = memoryWorkspace({ "x_test.go": "alpha" });
    assert.ok(testMentions(small).anyOf(["alpha"]));
  });
});

describe("flags whole-name occurrences", () => {
  it("matches --name, \"name\" and name= but not longer names", () => {
    const t = '--x-y "x-y" x-y=1 a-x-y x-y-z x_y x-y_z';
    assert.deepEqual(occurrences(t, "x-y"), [2, 7, 12]);
  });
});

describe("flags rule docs", () => {
  it("every flags rule has a doc page", () => {
    const root = join(__dirname, "..", "..", "..");
    const ids = allRules().filter((r) => r.family === "flags").map((r) => r.id);
    assert.deepEqual(ids, [NAME, ON, UNTESTED]);
    for (const id of ids) assert.ok(existsSync(join(root, docPath(id))), docPath(id));
  });
  it("never throws on odd input", () => {
    for (const [path, text] of [["a.go", "fs.Bool(\"x\", `unterminated"], ["a.py", 'p.add_argument("--x", help="""unterminated'], ["a.ts", "program.option(`${"], ["a.yaml", "experimental: [\n  - {"], ["charts/x/templates/a.yaml", "- name: EXPERIMENTAL_X\n  value: {{ .Values."]]) {
      assert.doesNotThrow(() => lint({ path, text }), path);
    }
  });
});

describe("flags occurrences of several names in one pass", () => {
  it("agrees with the one-name scan, overlapping names included", () => {
    const { occurrencesOfAll } = require("../../../server/src/engine/families/flags/workspace-index") as typeof import("../../../server/src/engine/families/flags/workspace-index");
    const text = 'fs.Bool("field-1", ...) fs.Bool("field-10") --field-1=x field-1-y a.field-10 "field-10"';
    const all = occurrencesOfAll(text, ["field-1", "field-10"]);
    assert.deepEqual(all.get("field-1"), occurrences(text, "field-1"));
    assert.deepEqual(all.get("field-10"), occurrences(text, "field-10"));
  });
});
