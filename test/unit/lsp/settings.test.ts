import { strict as assert } from "node:assert";
import { DEFAULT_MAX_FILE_BYTES } from "../../../server/src/engine/index";
import { settingsFrom, settingsFromPush } from "../../../server/src/lsp/settings";

describe("lsp settings", () => {
  it("keeps valid rule severities and drops unknown rules with a warning", () => {
    const warnings: string[] = [];
    const s = settingsFrom({ rules: { "internal/too-large": "off", "owners/no-such-rule": "error", "internal/config-error": "loud" } }, undefined, (m) => warnings.push(m));
    assert.deepEqual(s.layer.rules, { "internal/too-large": "off" });
    assert.deepEqual(warnings, [
      'setting llm-d-contrib.rules: unknown rule "owners/no-such-rule"; ignored',
      'setting llm-d-contrib.rules: rule "internal/config-error": severity must be one of off, error, warning, info, hint (got "loud"); ignored',
    ]);
  });
  it("passes family sections through and ignores empty ones", () => {
    const s = settingsFrom({ owners: { extraKeys: ["auto-assign"] }, proposal: {}, flags: "nope" }, undefined, () => {});
    assert.deepEqual(s.layer, { owners: { extraKeys: ["auto-assign"] } });
  });
  it("drops unknown family settings and wrong types with a warning that names them", () => {
    const warnings: string[] = [];
    const s = settingsFrom({ flags: { evidenceWords: ["gamma"], evidenceWord: ["x"] }, commit: { titleMaxLength: "long" } }, undefined, (m) => warnings.push(m));
    assert.deepEqual(s.layer, { flags: { evidenceWords: ["gamma"] } });
    assert.deepEqual(warnings, [
      'setting llm-d-contrib.flags: unknown flags setting "evidenceWord"; did you mean "evidenceWords"? (known: evidenceWords, featureGateStagesNeedName); ignored',
      'setting llm-d-contrib.commit: commit.titleMaxLength: must be a positive whole number (got "long"); the default applies; ignored',
    ]);
  });
  it("lets maxFileBytes override the file only when someone changed it from the default", () => {
    assert.equal(settingsFrom({ maxFileBytes: DEFAULT_MAX_FILE_BYTES }, undefined, () => {}).layer.maxFileBytes, undefined);
    assert.equal(settingsFrom({ maxFileBytes: 1000 }, undefined, () => {}).layer.maxFileBytes, 1000);
    assert.equal(settingsFrom({ maxFileBytes: -3 }, undefined, () => {}).layer.maxFileBytes, undefined);
  });
  it("defaults workspaceScan to true and reads git.alwaysSignOff", () => {
    assert.deepEqual(settingsFrom(undefined, undefined, () => {}), { layer: {}, workspaceScan: true, alwaysSignOff: undefined });
    assert.deepEqual(settingsFrom({ workspaceScan: false }, true, () => {}), { layer: {}, workspaceScan: false, alwaysSignOff: true });
  });
  it("reads pushed settings keyed by section", () => {
    assert.equal(settingsFromPush({ other: {} }, () => {}), undefined);
    assert.deepEqual(settingsFromPush({ "llm-d-contrib": { workspaceScan: false }, git: { alwaysSignOff: true } }, () => {}), { layer: {}, workspaceScan: false, alwaysSignOff: true });
  });
});
