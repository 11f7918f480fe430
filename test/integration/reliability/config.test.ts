/**
 * Configuration mistakes get a clear error at their location and the defaults apply to the
 * rest: a broken .llm-d-contrib.yaml (diagnostics on the file, through the server and the
 * CLI), and broken editor settings (a warning naming the setting, shown once through
 * window/showMessage and written to the output; the valid settings still apply).
 */
import { strict as assert } from "node:assert";
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { DiagnosticSeverity, MessageType, ShowMessageNotification, type ShowMessageParams } from "vscode-languageserver-protocol/node";
import { FULL_CAPABILITIES, LspHarness, REPO_ROOT, messageOf, removeRepo, tempRepo } from "../lsp-harness";

const range = (sl: number, sc: number, el: number, ec: number) => ({ start: { line: sl, character: sc }, end: { line: el, character: ec } });
const CLI = join(REPO_ROOT, "bin", "llm-d-contrib.js");

// duplicate-entry at line 2, at-prefix (a hint by default) at line 3, unknown-key at line 4.
const OWNERS = "approvers:\n  - alice\n  - alice\n  - \"@bob\"\nreviwers:\n  - carol\n";
const DEFAULT_FINDINGS = [["owners/duplicate-entry", 2, DiagnosticSeverity.Warning], ["owners/at-prefix", 3, DiagnosticSeverity.Hint], ["owners/unknown-key", 4, DiagnosticSeverity.Error]];
const BROKEN_CONFIG = [
  "rules:",
  "  owners/unknown-key: loud",
  "  owners/duplicate-entry: off",
  "  owners/no-such-rule: error",
  "  owners/at-prefix: error",
  "ignore: docs/",
  "maxFileBytes: -1",
  "ownerz:",
  "  x: 1",
  "flags: nope",
  "",
].join("\n");
const KNOWN = "(known: rules, ignore, maxFileBytes, owners, proposal, flags, commit)";
const BROKEN_CONFIG_ERRORS = [
  [range(1, 22, 1, 26), 'rule "owners/unknown-key": severity must be one of off, error, warning, info, hint (got "loud")'],
  [range(3, 2, 3, 21), 'unknown rule "owners/no-such-rule"'],
  [range(5, 8, 5, 13), "ignore: must be a list of gitignore-style patterns"],
  [range(6, 14, 6, 16), "maxFileBytes: must be a positive whole number of bytes"],
  [range(7, 0, 7, 6), `unknown setting "ownerz" ${KNOWN}`],
  [range(9, 7, 9, 11), "flags: must be a mapping of that family's settings"],
];

describe("reliability: configuration mistakes are located and the defaults apply to the rest", function () {
  this.timeout(60_000);
  let root: string | undefined;
  let h: LspHarness | undefined;
  let shown: ShowMessageParams[];

  async function start(files: Record<string, string>, opts: Partial<Parameters<typeof LspHarness.start>[0]> = {}): Promise<LspHarness> {
    root = tempRepo(files);
    h = await LspHarness.start({ root, initializationOptions: { debounceMs: 0 }, ...opts });
    shown = [];
    h.connection.onNotification(ShowMessageNotification.type, (p) => { shown.push(p); });
    return h;
  }
  afterEach(() => {
    h?.kill();
    h = undefined;
    if (root) removeRepo(root);
    root = undefined;
  });

  const findings = (d: { diagnostics: { code?: unknown; range: { start: { line: number } }; severity?: unknown }[] }) =>
    d.diagnostics.map((x) => [x.code, x.range.start.line, x.severity]);

  it("a .llm-d-contrib.yaml with six mistakes: six located errors, and its valid entries still apply", async () => {
    const s = await start({ "OWNERS": OWNERS, ".llm-d-contrib.yaml": BROKEN_CONFIG });
    const cfg = await s.waitForDiagnostics(s.uri(".llm-d-contrib.yaml"), { accept: (p) => p.diagnostics.length > 0 });
    assert.deepEqual(cfg.diagnostics.map((d) => [d.range, messageOf(d)]), BROKEN_CONFIG_ERRORS);
    assert.ok(cfg.diagnostics.every((d) => d.code === "internal/config-error" && d.severity === DiagnosticSeverity.Error));
    const uri = await s.open("OWNERS", "owners");
    // duplicate-entry is off, at-prefix raised to error; unknown-key ("loud") keeps its default.
    assert.deepEqual(findings(await s.waitForDiagnostics(uri, { version: 1 })), [["owners/at-prefix", 3, DiagnosticSeverity.Error], ["owners/unknown-key", 4, DiagnosticSeverity.Error]]);
  });

  it("a .llm-d-contrib.yaml that is not YAML, or not a mapping: one located error, every default applies", async () => {
    const s = await start({ "OWNERS": OWNERS, ".llm-d-contrib.yaml": "rules:\n  owners/duplicate-entry: [off\n" });
    const cfgUri = s.uri(".llm-d-contrib.yaml");
    const cfg = await s.waitForDiagnostics(cfgUri, { accept: (p) => p.diagnostics.length > 0 });
    assert.equal(cfg.diagnostics.length, 1);
    assert.match(messageOf(cfg.diagnostics[0]), /^invalid YAML: /);
    assert.equal(cfg.diagnostics[0].range.start.line, 2, JSON.stringify(cfg.diagnostics[0].range));
    const uri = await s.open("OWNERS", "owners");
    assert.deepEqual(findings(await s.waitForDiagnostics(uri, { version: 1 })), DEFAULT_FINDINGS);
    // Edited into a list: still one located error.
    const open = await s.open(".llm-d-contrib.yaml", "llm-d-contrib-config", "- owners/duplicate-entry\n- off\n");
    const list = await s.waitForDiagnostics(open, { accept: (p) => p.diagnostics.length === 1 && !messageOf(p.diagnostics[0]).startsWith("invalid YAML") });
    assert.deepEqual(list.diagnostics.map((d) => [d.range, messageOf(d)]), [[range(0, 0, 2, 0), "the configuration must be a mapping of settings (rules:, ignore:, owners:, ...)"]]);
  });

  it("the CLI reports the same mistakes with file, line and column, and applies the rest", () => {
    const repo = tempRepo({ "OWNERS": OWNERS, ".llm-d-contrib.yaml": BROKEN_CONFIG });
    try {
      const r = spawnSync(process.execPath, [CLI, "lint", repo, "--format", "json"], { encoding: "utf8", timeout: 30_000 });
      assert.equal(r.status, 1, r.stderr);
      const problems = JSON.parse(r.stdout) as { file: string; ruleId: string; message: string; range: { start: { line: number; column: number } } }[];
      assert.deepEqual(problems.filter((p) => p.file === ".llm-d-contrib.yaml").map((p) => [p.ruleId, p.range.start.line, p.range.start.column, p.message]),
        BROKEN_CONFIG_ERRORS.map(([r, m]) => ["internal/config-error", (r as ReturnType<typeof range>).start.line + 1, (r as ReturnType<typeof range>).start.character + 1, m]));
      assert.deepEqual(problems.filter((p) => p.file === "OWNERS").map((p) => [p.ruleId, p.range.start.line]), [["owners/at-prefix", 4], ["owners/unknown-key", 5]]);
    } finally {
      removeRepo(repo);
    }
  });

  const BAD_SETTINGS = {
    rules: { "owners/unknown-key": "loud", "owners/no-such-rule": "error", "owners/duplicate-entry": "off" },
    maxFileBytes: -1,
    workspaceScan: "yes",
    flags: "nope",
  };
  const BAD_SETTINGS_MESSAGES = [
    'setting llm-d-contrib.rules: rule "owners/unknown-key": severity must be one of off, error, warning, info, hint (got "loud"); ignored',
    'setting llm-d-contrib.rules: unknown rule "owners/no-such-rule"; ignored',
    'setting llm-d-contrib.flags: must be an object of the flags family\'s settings (got "nope"); ignored',
    "setting llm-d-contrib.maxFileBytes: must be a positive whole number of bytes (got -1); ignored",
    'setting llm-d-contrib.workspaceScan: must be true or false (got "yes"); the default (true) applies',
  ];

  it("bad editor settings: a warning naming each setting, shown once and logged, the valid ones applied", async () => {
    const s = await start({ "OWNERS": OWNERS, "pkg/OWNERS": "approvers:\n  - alice\nreviwers:\n  - bob\n" }, { settings: BAD_SETTINGS });
    await s.until("the warnings", () => shown.length >= BAD_SETTINGS_MESSAGES.length || undefined);
    assert.deepEqual(shown, BAD_SETTINGS_MESSAGES.map((message) => ({ type: MessageType.Warning, message })));
    for (const m of BAD_SETTINGS_MESSAGES) assert.equal(s.logs.filter((l) => l === m).length, 1, `logged once: ${m}`);
    const uri = await s.open("OWNERS", "owners");
    // duplicate-entry off (valid), unknown-key at its default (its value was not).
    assert.deepEqual(findings(await s.waitForDiagnostics(uri, { version: 1 })), [["owners/at-prefix", 3, DiagnosticSeverity.Hint], ["owners/unknown-key", 4, DiagnosticSeverity.Error]]);
    // workspaceScan's default (on) applies: a file that is not open was checked.
    await s.waitForDiagnostics(s.uri("pkg/OWNERS"), { accept: (p) => p.diagnostics.some((d) => d.code === "owners/unknown-key") });

    // Another settings change with the same mistakes shows nothing again.
    await s.changeSettings({ ...BAD_SETTINGS, rules: { ...BAD_SETTINGS.rules, "owners/at-prefix": "error" } });
    await s.waitForDiagnostics(uri, { accept: (p) => p.diagnostics.some((d) => d.code === "owners/at-prefix" && d.severity === DiagnosticSeverity.Error) });
    assert.equal(shown.length, BAD_SETTINGS_MESSAGES.length);
    // Fixed, then made again: shown again.
    await s.changeSettings({});
    await s.waitForDiagnostics(uri, { accept: (p) => p.diagnostics.length === 3 });
    await s.changeSettings({ rules: { "owners/no-such-rule": "error" } });
    await s.until("the warning again", () => shown.length === BAD_SETTINGS_MESSAGES.length + 1 || undefined);
    assert.equal(shown.at(-1)?.message, BAD_SETTINGS_MESSAGES[1]);
  });

  it("bad settings pushed at initialize (a client without workspace/configuration) are shown after initialize", async () => {
    const capabilities = { ...FULL_CAPABILITIES, workspace: { ...FULL_CAPABILITIES.workspace, configuration: false } };
    const s = await start({ "OWNERS": OWNERS }, {
      capabilities,
      initializationOptions: { debounceMs: 0, settings: { "llm-d-contrib": { rules: { "owners/no-such-rule": "off", "owners/at-prefix": "error" } } } },
    });
    await s.until("the warning", () => shown.length > 0 || undefined);
    assert.deepEqual(shown, [{ type: MessageType.Warning, message: 'setting llm-d-contrib.rules: unknown rule "owners/no-such-rule"; ignored' }]);
    const uri = await s.open("OWNERS", "owners");
    assert.deepEqual(findings(await s.waitForDiagnostics(uri, { version: 1 })), [["owners/duplicate-entry", 2, DiagnosticSeverity.Warning], ["owners/at-prefix", 3, DiagnosticSeverity.Error], ["owners/unknown-key", 4, DiagnosticSeverity.Error]]);
  });
});
