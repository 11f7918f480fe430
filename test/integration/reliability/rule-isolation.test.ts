/**
 * The server survives its own rules, parser and editor features: a TEST build of the real
 * server (bundle.ts) whose owners family misbehaves on markers in the text. A failure is
 * reported once in the output (window/logMessage) and as an internal/rule-error diagnostic,
 * the other rules still run, and the server keeps answering requests and publishing.
 */
import { strict as assert } from "node:assert";
import { spawnSync } from "node:child_process";
import { rmSync } from "node:fs";
import { dirname } from "node:path";
import {
  CodeActionRequest, CompletionRequest, DocumentSymbolRequest, HoverRequest,
  type CodeAction, type Diagnostic, type PublishDiagnosticsParams,
} from "vscode-languageserver-protocol/node";
import { LspHarness, messageOf, removeRepo, tempRepo } from "../lsp-harness";
import { buildMisbehavingBundle } from "./bundle";
import { MARKERS, THROWING_RULE_ID } from "./misbehaving-family";

const range = (sl: number, sc: number, el: number, ec: number) => ({ start: { line: sl, character: sc }, end: { line: el, character: ec } });
const BODY = "approvers:\n  - alice\nreviwers:\n  - bob\n";
const codes = (p: PublishDiagnosticsParams) => p.diagnostics.map((d) => d.code);

describe("reliability: a failing rule, parser or feature does not take the server down", function () {
  this.timeout(60_000);
  let serverPath: string;
  let root: string;
  let h: LspHarness;

  before(async () => {
    serverPath = await buildMisbehavingBundle();
    root = tempRepo({
      "OWNERS": "approvers:\n  - alice\n",
      // On disk before start: the workspace scan meets the failing rule too.
      "scanned/OWNERS": `${BODY}# ${MARKERS.ruleThrows}\n`,
    });
    h = await LspHarness.start({ root, serverPath, initializationOptions: { debounceMs: 0 } });
  });
  after(() => {
    h?.kill();
    if (root) removeRepo(root);
    if (serverPath) rmSync(dirname(serverPath), { recursive: true, force: true });
  });

  const logsMatching = (prefix: string) => h.logs.filter((l) => l.startsWith(prefix));
  const at = (uri: string, line: number, character: number) => ({ textDocument: { uri }, position: { line, character } });

  async function assertStillServing(uri: string): Promise<void> {
    const hover = await h.connection.sendRequest(HoverRequest.type, at(uri, 0, 3));
    assert.ok(hover && JSON.stringify(hover.contents).includes("/approve"), `hover on approvers: ${JSON.stringify(hover)}`);
    const items = await h.connection.sendRequest(CompletionRequest.type, at(uri, 4, 0));
    const labels = (Array.isArray(items) ? items : items?.items ?? []).map((i) => i.label);
    assert.ok(labels.includes("reviewers"), `completion of keys: ${labels.join(", ")}`);
  }

  it("isolates a throwing rule: one log line, an internal/rule-error diagnostic, the other rules' findings, requests answered", async () => {
    const uri = await h.open("a/OWNERS", "owners", `${BODY}# ${MARKERS.ruleThrows}\n`);
    const d = await h.waitForDiagnostics(uri, { version: 1 });
    assert.deepEqual(d.diagnostics.map((x) => [x.code, x.range, messageOf(x)]), [
      ["internal/rule-error", range(0, 0, 0, 0), `rule ${THROWING_RULE_ID} failed on this file (boom from a test rule); the other rules still ran. Please report this.`],
      ["owners/unknown-key", range(2, 0, 2, 8), messageOf(d.diagnostics[1])],
    ]);
    // More versions of the same document: still a diagnostic each time, still one log line.
    for (let i = 0; i < 3; i++) {
      const v = await h.change(uri, { range: range(4, 0, 4, 0), text: "# more\n" });
      assert.deepEqual(codes(await h.waitForDiagnostics(uri, { version: v })), ["internal/rule-error", "owners/unknown-key"]);
    }
    const logged = logsMatching(`${THROWING_RULE_ID} failed on a/OWNERS: Error: boom from a test rule`);
    assert.equal(logged.length, 1, h.logs.join("\n"));
    assert.match(logged[0], /\n\s+at /, "the log line carries the stack");

    // Requests answer after the failure; the quick fix of the other rule's finding is offered.
    await assertStillServing(uri);
    const unknownKey = (await h.waitForDiagnostics(uri, {})).diagnostics.find((x) => x.code === "owners/unknown-key") as Diagnostic;
    const actions = await h.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: unknownKey.range, context: { diagnostics: [unknownKey] } }) as CodeAction[];
    assert.ok(actions.some((a) => a.kind === "quickfix" && /reviewers/.test(a.title)), JSON.stringify(actions.map((a) => a.title)));

    // The failure goes away with the marker.
    const v = await h.change(uri, { range: range(0, 0, 20, 0), text: BODY });
    assert.deepEqual(codes(await h.waitForDiagnostics(uri, { version: v })), ["owners/unknown-key"]);
  });

  it("isolates a rule that throws something that is not an Error", async () => {
    const uri = await h.open("b/OWNERS", "owners", `${BODY}# ${MARKERS.ruleThrowsString}\n`);
    const d = await h.waitForDiagnostics(uri, { version: 1 });
    assert.deepEqual(codes(d), ["internal/rule-error", "owners/unknown-key"]);
    assert.equal(messageOf(d.diagnostics[0]), `rule ${THROWING_RULE_ID} failed on this file (a plain string, not an Error); the other rules still ran. Please report this.`);
    await h.until("one log line", () => logsMatching(`${THROWING_RULE_ID} failed on b/OWNERS: a plain string, not an Error`).length === 1 || undefined);
  });

  it("isolates a rule that returns something that is not a list of findings", async () => {
    const uri = await h.open("c/OWNERS", "owners", `${BODY}# ${MARKERS.ruleReturnsGarbage}\n`);
    const d = await h.waitForDiagnostics(uri, { version: 1, timeoutMs: 5000 });
    assert.deepEqual(codes(d), ["internal/rule-error", "owners/unknown-key"]);
    assert.equal(messageOf(d.diagnostics[0]), `rule ${THROWING_RULE_ID} failed on this file (it returned undefined instead of a list of findings); the other rules still ran. Please report this.`);
    await assertStillServing(uri);
  });

  it("checks a file of the workspace scan whose rule throws, and logs it once", async () => {
    const uri = h.uri("scanned/OWNERS");
    const d = await h.waitForDiagnostics(uri, {});
    assert.deepEqual(codes(d), ["internal/rule-error", "owners/unknown-key"]);
    assert.equal(logsMatching(`${THROWING_RULE_ID} failed on scanned/OWNERS:`).length, 1, h.logs.join("\n"));
  });

  it("survives a rule that fails later (an uncaught exception and a rejected promise) and keeps answering", async () => {
    const uri = await h.open("d/OWNERS", "owners", `${BODY}# ${MARKERS.ruleThrowsLater}\n`);
    assert.deepEqual(codes(await h.waitForDiagnostics(uri, { version: 1 })), ["owners/unknown-key"]);
    await h.until("the uncaught exception in the log", () => h.logs.find((l) => l.startsWith("uncaught: Error: late failure from a test rule")));
    await h.until("the rejection in the log", () => h.logs.find((l) => l.startsWith("unhandled rejection: Error: rejected promise from a test rule")));
    await assertStillServing(uri);
    const v = await h.change(uri, { range: range(4, 0, 5, 0), text: "" });
    assert.deepEqual(codes(await h.waitForDiagnostics(uri, { version: v })), ["owners/unknown-key"]);
    assert.equal(h.proc.exitCode, null, "the server process is alive");
  });

  it("isolates a throwing parser: one internal/rule-error, features answer empty, and the file recovers", async () => {
    const uri = await h.open("p/OWNERS", "owners", `${BODY}# ${MARKERS.parserThrows}\n`);
    const d = await h.waitForDiagnostics(uri, { version: 1 });
    assert.deepEqual(d.diagnostics.map((x) => [x.code, x.range, messageOf(x)]), [
      ["internal/rule-error", range(0, 0, 0, 0), "the owners parser failed on this file (boom from a test parser); no owners rule could run. Please report this."],
    ]);
    assert.equal(await h.connection.sendRequest(HoverRequest.type, at(uri, 0, 3)), null);
    assert.deepEqual(await h.connection.sendRequest(CompletionRequest.type, at(uri, 4, 0)), []);
    assert.deepEqual(await h.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } }), []);
    const v = await h.change(uri, { range: range(4, 0, 5, 0), text: "" });
    assert.deepEqual(codes(await h.waitForDiagnostics(uri, { version: v })), ["owners/unknown-key"]);
    await assertStillServing(uri);
    assert.equal(logsMatching("owners parser failed on p/OWNERS: Error: boom from a test parser").length, 1, h.logs.join("\n"));
  });

  it("answers a hover whose feature throws with null, logs it, and keeps serving", async () => {
    const uri = await h.open("f/OWNERS", "owners", `${BODY}# ${MARKERS.hoverThrows}\n`);
    assert.deepEqual(codes(await h.waitForDiagnostics(uri, { version: 1 })), ["owners/unknown-key"]);
    assert.equal(await h.connection.sendRequest(HoverRequest.type, at(uri, 0, 3)), null);
    await h.until("the hover failure in the log", () => h.logs.find((l) => l.startsWith("hover failed: Error: boom from a test hover")));
    const items = await h.connection.sendRequest(CompletionRequest.type, at(uri, 4, 0));
    assert.ok((Array.isArray(items) ? items : items?.items ?? []).some((i) => i.label === "reviewers"));
    const v = await h.change(uri, { range: range(4, 0, 5, 0), text: "" });
    assert.deepEqual(codes(await h.waitForDiagnostics(uri, { version: v })), ["owners/unknown-key"]);
    await assertStillServing(uri);
  });

  it("answers a completion whose feature throws with an empty list, and keeps serving", async () => {
    const uri = await h.open("g/OWNERS", "owners", `${BODY}# ${MARKERS.completionThrows}\n`);
    await h.waitForDiagnostics(uri, { version: 1 });
    assert.deepEqual(await h.connection.sendRequest(CompletionRequest.type, at(uri, 4, 0)), []);
    await h.until("the completion failure in the log", () => h.logs.find((l) => l.startsWith("completion failed: Error: boom from a test completion")));
    const hover = await h.connection.sendRequest(HoverRequest.type, at(uri, 0, 3));
    assert.ok(hover, "hover still answers");
  });

  it("shuts down cleanly after all of it", async () => {
    assert.equal(await h.stop(), 0);
  });
});

describe("reliability: the CLI goes on past a failing rule or parser, in worker threads too", function () {
  this.timeout(60_000);
  let cliPath: string;
  let root: string;

  before(async () => {
    cliPath = await buildMisbehavingBundle("cli");
    root = tempRepo({
      "OWNERS": "approvers:\n  - alice\n",
      "a/OWNERS": `${BODY}# ${MARKERS.ruleThrows}\n`,
      "b/OWNERS": `${BODY}# ${MARKERS.ruleReturnsGarbage}\n`,
      "p/OWNERS": `${BODY}# ${MARKERS.parserThrows}\n`,
      "z/OWNERS": BODY,
    });
  });
  after(() => {
    if (root) removeRepo(root);
    if (cliPath) rmSync(dirname(cliPath), { recursive: true, force: true });
  });

  for (const threads of ["1", "2"]) {
    it(`reports each failure as internal/rule-error and checks every other file (${threads} thread${threads === "1" ? "" : "s"})`, () => {
      const r = spawnSync(process.execPath, [cliPath, "lint", root, "--format", "json"], {
        encoding: "utf8", timeout: 30_000, env: { ...process.env, LLM_D_CONTRIB_THREADS: threads, LLM_D_CONTRIB_DEBUG: "1" },
      });
      assert.ok(r.status === 0 || r.status === 1, `exit ${r.status}: ${r.stderr}`);
      const problems = JSON.parse(r.stdout) as { file: string; ruleId: string; message: string }[];
      const byFile = (f: string) => problems.filter((p) => p.file === f).map((p) => p.ruleId);
      assert.deepEqual(
        ["OWNERS", "a/OWNERS", "b/OWNERS", "p/OWNERS", "z/OWNERS"].map((f) => [f, byFile(f)]),
        [["OWNERS", []], ["a/OWNERS", ["internal/rule-error", "owners/unknown-key"]], ["b/OWNERS", ["internal/rule-error", "owners/unknown-key"]], ["p/OWNERS", ["internal/rule-error"]], ["z/OWNERS", ["owners/unknown-key"]]],
      );
      assert.match(problems.find((p) => p.file === "a/OWNERS")!.message, /^rule owners\/test-throws failed on this file \(boom from a test rule\)/);
      // With LLM_D_CONTRIB_DEBUG the stacks go to stderr, one per failure.
      assert.match(r.stderr, /a\/OWNERS: owners\/test-throws threw: Error: boom from a test rule\n\s+at /);
      assert.match(r.stderr, /p\/OWNERS: owners parser threw: Error: boom from a test parser/);
    });
  }
});
