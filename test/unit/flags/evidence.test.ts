import { strict as assert } from "node:assert";
import { findEvidenceWord, longestParts, mayMentionWord, experimentalName, hasExperimentalName, switchState, offSpelling } from "../../../server/src/engine/families/flags/evidence";
import { DEFAULT_EVIDENCE_WORDS, flagsSettings } from "../../../server/src/engine/families/flags/model";

const words = DEFAULT_EVIDENCE_WORDS;
const word = (text: string, name = "") => findEvidenceWord(text, words, name)?.word;

describe("flags evidence words", () => {
  it("finds experimental, alpha, tech preview, unstable, work in progress and WIP as words", () => {
    assert.equal(word("Experimental override for the group size"), "Experimental");
    assert.equal(word("enables RDMA transport (experimental)"), "experimental");
    assert.equal(word("Allows loading of Alpha plugins."), "Alpha");
    assert.equal(word("This is a Tech Preview feature"), "Tech Preview");
    assert.equal(word("tech-preview only"), "tech-preview");
    assert.equal(word("Unstable: may change"), "Unstable");
    assert.equal(word("This feature is work in progress"), "work in progress");
    assert.equal(word("WIP feature toggle"), "WIP");
  });
  it("ignores API versions, benchmark experiments, folder and module names, and glued identifiers", () => {
    for (const text of [
      "served at /apis/llm-d.ai/v1alpha1", "v1alpha2 types", "run the experiment twice", "experiments/ folder",
      "see experimental/README.md", "grpc.experimental stubs", "set ENABLE_EXPERIMENTAL_FEATURE", "pass --experimental-foo too",
      "a non-experimental flag", "this is not experimental anymore", "no longer experimental", "graduated from alpha",
      "the alpha value of the EWMA", "alpha=0.5 smoothing", "retry on unstable networks", "wipe the cache (wip)",
    ]) assert.equal(word(text), undefined, text);
  });
  it("does not take alpha as evidence for a flag that is itself named alpha", () => {
    assert.equal(word("Alpha of the moving average; alpha stage", "smoothing-alpha"), undefined);
  });
  it("uses the configured words only", () => {
    assert.equal(findEvidenceWord("a beta feature", ["beta"])?.word, "beta");
    assert.equal(findEvidenceWord("an experimental feature", ["beta"]), undefined);
    assert.deepEqual(flagsSettings({ evidenceWords: ["beta"] }).evidenceWords, ["beta"]);
    assert.deepEqual(flagsSettings({ evidenceWords: [1] }).evidenceWords, DEFAULT_EVIDENCE_WORDS);
    assert.equal(flagsSettings({ featureGateStagesNeedName: true }).featureGateStagesNeedName, true);
    assert.equal(flagsSettings({}).featureGateStagesNeedName, false);
  });
});

describe("flags evidence pre-test", () => {
  it("searches one word per word or phrase, and none for a phrase holding a word already searched", () => {
    assert.deepEqual(longestParts(DEFAULT_EVIDENCE_WORDS), ["experimental", "alpha", "unstable", "wip", "preview", "progress"]);
    assert.deepEqual(longestParts(["Work-in_progress", "  ", "progress"]), ["progress"]);
    assert.deepEqual(longestParts(["beta release", "early access"]), ["release", "access"]);
  });
  it("says yes to every text the full search finds a word in", () => {
    for (const text of ["a Technology Preview feature", "TECH-PREVIEW", "work in progress", "WIP", "EXPERIMENTAL"]) {
      assert.ok(word(text), text);
      assert.ok(mayMentionWord(text, words), text);
    }
    assert.ok(!mayMentionWord("a stable, generally available option", words));
  });
});

describe("flags names", () => {
  it("sees experimental in any spelling", () => {
    for (const n of ["experimental-x", "allow-experimental-plugins", "ENABLE_EXPERIMENTAL_X", "experimentalHttpRoute", "useExperimental", "ExperimentalX"]) assert.ok(hasExperimentalName(n), n);
    assert.ok(!hasExperimentalName("experiment-count"));
  });
  it("adds experimental in the name's own style", () => {
    assert.equal(experimentalName("decode-chunk-size"), "experimental-decode-chunk-size");
    assert.equal(experimentalName("attn_group_size"), "experimental_attn_group_size");
    assert.equal(experimentalName("ENABLE_X"), "EXPERIMENTAL_ENABLE_X");
    assert.equal(experimentalName("dataLayer"), "experimentalDataLayer");
    assert.equal(experimentalName("StopGRPCServiceOnDefrag"), "ExperimentalStopGRPCServiceOnDefrag");
    assert.equal(experimentalName("chunked"), "experimental-chunked");
    assert.equal(experimentalName("chunked", "camel"), "experimentalChunked");
    assert.equal(experimentalName("chunked", "_"), "experimental_chunked");
    assert.equal(experimentalName("", "camel"), "", "an empty name gets no suggestion");
    assert.equal(experimentalName(""), "");
  });
  it("reads switch values and writes their off spelling", () => {
    assert.equal(switchState("true"), "on");
    assert.equal(switchState("On"), "on");
    assert.equal(switchState("off"), "off");
    assert.equal(switchState(""), "off");
    assert.equal(switchState("0"), "off");
    assert.equal(switchState("model-only"), undefined);
    assert.equal(offSpelling("true"), "false");
    assert.equal(offSpelling("True"), "False");
    assert.equal(offSpelling('"on"'), '"off"');
    assert.equal(offSpelling("'enabled'"), "'disabled'");
  });
});
