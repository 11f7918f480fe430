import { strict as assert } from "node:assert";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  checkRuleValue, defaultConfig, DEFAULT_MAX_FILE_BYTES, effectiveSeverity, familySettingSpecs, parseConfigText, resolveConfig, type ConfigError,
} from "../../../server/src/engine/index";
import { loadConfig, loadConfigFile } from "../../../server/src/host/repo";

const KNOWN = new Set(["owners/unknown-key", "flags/experimental-name", "internal/too-large"]);
/** "L:C-L:C message", one-based, for exact assertions. */
const at = (e: ConfigError) => `${e.range.start.line + 1}:${e.range.start.character + 1}-${e.range.end.line + 1}:${e.range.end.character + 1} ${e.message}`;

describe("config", () => {
  it("reads a valid file into raw settings that resolve", () => {
    const text = [
      "rules:",
      "  owners/unknown-key: warning",
      "  flags/experimental-name: { severity: error, allow: [experimental-x] }",
      "ignore:",
      "  - vendor/**",
      "maxFileBytes: 1000",
      "owners:",
      "  requireApprovers: true",
      "proposal:",
      "  folders: [design]",
    ].join("\n");
    const { raw, errors } = parseConfigText(text, KNOWN);
    assert.deepEqual(errors, []);
    const c = resolveConfig(raw);
    assert.deepEqual(c.rules.get("owners/unknown-key"), { severity: "warning", options: {} });
    assert.deepEqual(c.rules.get("flags/experimental-name"), { severity: "error", options: { allow: ["experimental-x"] } });
    assert.deepEqual(c.ignore, ["vendor/**"]);
    assert.equal(c.maxFileBytes, 1000);
    assert.deepEqual(c.families, { owners: { requireApprovers: true }, proposal: { folders: ["design"] } });
  });

  it("family settings: every family declares its keys, and the valid ones apply", () => {
    const specs = familySettingSpecs();
    assert.deepEqual(Object.fromEntries(Object.entries(specs).map(([f, keys]) => [f, Object.keys(keys).sort()])), {
      owners: ["extraKeys", "labelsDenylist", "maxBytes", "prowGithubActions"], proposal: ["folders"], flags: ["evidenceWords", "featureGateStagesNeedName"], commit: ["commentChar", "titleMaxLength"],
    });
    const text = "owners:\n  extraKeys: [auto-assign]\nflags:\n  evidenceWords: [gamma]\n  featureGateStagesNeedName: true\ncommit:\n  titleMaxLength: 60\n  commentChar: ';'\n";
    const { raw, errors } = parseConfigText(text, KNOWN, specs);
    assert.deepEqual(errors, []);
    assert.deepEqual(resolveConfig(raw).families, {
      owners: { extraKeys: ["auto-assign"] }, flags: { evidenceWords: ["gamma"], featureGateStagesNeedName: true }, commit: { titleMaxLength: 60, commentChar: ";" },
    });
  });

  it("family settings: an unknown key or a value of the wrong type is located, and the rest of the section applies", () => {
    const text = "proposal:\n  foldrs: [design]\nflags:\n  evidenceWords: experimental\n  featureGateStagesNeedName: true\ncommit:\n  titleMaxLength: -1\n  colour: red\n";
    const { raw, errors } = parseConfigText(text, KNOWN, familySettingSpecs());
    assert.deepEqual(errors.map(at), [
      '2:3-2:9 unknown proposal setting "foldrs"; did you mean "folders"? (known: folders)',
      '4:18-4:30 flags.evidenceWords: must be a list of texts (got "experimental"); the default applies',
      '7:19-7:21 commit.titleMaxLength: must be a positive whole number (got -1); the default applies',
      '8:3-8:9 unknown commit setting "colour" (known: titleMaxLength, commentChar)',
    ]);
    assert.deepEqual(resolveConfig(raw).families, { proposal: {}, flags: { featureGateStagesNeedName: true }, commit: {} });
  });

  it("an empty file or one of comments is the defaults", () => {
    for (const text of ["", "# nothing\n", "~\n"]) {
      const { raw, errors } = parseConfigText(text, KNOWN);
      assert.deepEqual(errors, [], JSON.stringify(text));
      assert.deepEqual(resolveConfig(raw), defaultConfig());
    }
  });

  it("invalid YAML is one located error, and nothing of the file applies", () => {
    const { raw, errors } = parseConfigText("rules:\n  owners/unknown-key: off\nignore: [a\n", KNOWN);
    assert.equal(errors.length >= 1, true);
    assert.match(errors[0].message, /^invalid YAML: /);
    assert.ok(errors[0].range.start.line >= 2, at(errors[0]));
    assert.deepEqual(raw, {});
  });

  it("unknown keys, unknown rules and bad severities are located; the rest still applies", () => {
    const text = "rulez: {}\nrules:\n  owners/unknown-key: loud\n  owners/nope: off\n  flags/experimental-name: info\nmaxFileBytes: -3\nignore: vendor\nowners: true\n";
    const { raw, errors } = parseConfigText(text, KNOWN);
    assert.deepEqual(errors.map(at), [
      '1:1-1:6 unknown setting "rulez" (known: rules, ignore, maxFileBytes, owners, proposal, flags, commit)',
      '3:23-3:27 rule "owners/unknown-key": severity must be one of off, error, warning, info, hint (got "loud")',
      '4:3-4:14 unknown rule "owners/nope"',
      "6:15-6:17 maxFileBytes: must be a positive whole number of bytes",
      "7:9-7:15 ignore: must be a list of gitignore-style patterns",
      "8:9-8:13 owners: must be a mapping of that family's settings",
    ]);
    assert.deepEqual(raw, { rules: { "flags/experimental-name": "info" } });
  });

  it("a rule given as an object needs no severity, but a bad one is refused", () => {
    assert.equal(checkRuleValue("owners/unknown-key", { max: 3 }, KNOWN), undefined);
    assert.equal(checkRuleValue("owners/unknown-key", { severity: "hint" }, KNOWN), undefined);
    assert.match(checkRuleValue("owners/unknown-key", { severity: "nope" }, KNOWN) ?? "", /severity must be one of/);
    assert.match(checkRuleValue("owners/unknown-key", 3, KNOWN) ?? "", /got 3/);
    assert.equal(checkRuleValue("x/y", "off", KNOWN), 'unknown rule "x/y"');
  });

  it("a top level that is not a mapping is an error", () => {
    const { errors } = parseConfigText("- rules\n", KNOWN);
    assert.deepEqual(errors.map(at), ["1:1-2:1 the configuration must be a mapping of settings (rules:, ignore:, owners:, ...)"]);
  });

  it("resolveConfig layers: later wins per rule and per family setting; options merge; ignores add up", () => {
    const c = resolveConfig(
      { rules: { "a/x": "warning", "a/y": { severity: "error", n: 1, m: 1 } }, ignore: ["one"], maxFileBytes: 10, owners: { a: 1, b: 1 } },
      undefined,
      { rules: { "a/x": "off", "a/y": { n: 2 } }, ignore: ["two"], owners: { b: 2 }, flags: { c: 3 } },
    );
    assert.deepEqual(c.rules.get("a/x"), { severity: "off", options: {} });
    assert.deepEqual(c.rules.get("a/y"), { severity: "error", options: { n: 2, m: 1 } });
    assert.deepEqual(c.ignore, ["one", "two"]);
    assert.equal(c.maxFileBytes, 10);
    assert.deepEqual(c.families, { owners: { a: 1, b: 2 }, flags: { c: 3 } });
    assert.equal(resolveConfig().maxFileBytes, DEFAULT_MAX_FILE_BYTES);
  });

  it("effectiveSeverity: configured, else the finding's, else the rule's default", () => {
    const c = resolveConfig({ rules: { "a/x": "hint" } });
    assert.equal(effectiveSeverity(c, "a/x", "error", "warning"), "hint");
    assert.equal(effectiveSeverity(c, "a/y", "error", "warning"), "error");
    assert.equal(effectiveSeverity(c, "a/y", undefined, "warning"), "warning");
  });

  const made: string[] = [];
  after(() => { for (const d of made) rmSync(d, { recursive: true, force: true }); });
  const tempDir = () => { const d = mkdtempSync(join(tmpdir(), "llm-d-contrib-config-")); made.push(d); return d; };

  it("loadConfigFile: a missing file is no error; a present one is parsed with its path", () => {
    const root = tempDir();
    assert.deepEqual(loadConfigFile(root), { raw: {}, errors: [], path: join(root, ".llm-d-contrib.yaml") });
    writeFileSync(join(root, ".llm-d-contrib.yaml"), "maxFileBytes: 7\nbogus: 1\n");
    const loaded = loadConfigFile(root);
    assert.deepEqual(loaded.raw, { maxFileBytes: 7 });
    assert.equal(loaded.errors.length, 1);
    assert.equal(loadConfig(root, { maxFileBytes: 9 }).config.maxFileBytes, 9, "overrides win");
    const dir = tempDir();
    mkdirSync(join(dir, ".llm-d-contrib.yaml"));
    assert.deepEqual(loadConfigFile(dir).errors, [], "a folder in its place reads as missing");
  });
});
