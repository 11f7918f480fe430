/**
 * A lint worker thread that dies loses nothing: its share is checked on the main thread, before
 * or after the questions about test files are answered, and the report is the one-thread report.
 */
import { strict as assert } from "node:assert";
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { REPO_ROOT, removeRepo, tempRepo } from "../lsp-harness";

const BIN = join(REPO_ROOT, "bin", "llm-d-contrib.js");
const PRELOAD = join(__dirname, "worker-dies-preload.cjs");

describe("reliability: a lint worker that dies", function () {
  this.timeout(60_000);
  let root: string;
  before(() => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 24; i++) {
      files[`d${i}/OWNERS`] = i % 4 === 0 ? "approvers:\n  - alice\nreviwers:\n  - bob\n" : "approvers:\n  - alice\n";
      files[`d${i}/main.go`] = `package main\n\nvar x${i} = flag.Bool("experimental-x${i}", ${i % 5 === 0}, "x")\n`;
      if (i % 2 === 0) files[`d${i}/main_test.go`] = `package main\n\nfunc TestX(t *testing.T) { run("--experimental-x${i}") }\n`;
    }
    root = tempRepo(files);
  });
  after(() => { if (root) removeRepo(root); });

  const lint = (env: Record<string, string>) => spawnSync(process.execPath, [BIN, "lint", "--format", "json"], {
    cwd: root, encoding: "utf8", timeout: 30_000, env: { ...process.env, NODE_OPTIONS: `--require=${JSON.stringify(PRELOAD)}`, ...env },
  });

  for (const [at, when] of [["1", "before posting its share's result"], ["2", "after its result, before its answers"]]) {
    it(`${when}: its files are checked on the main thread and the report is unchanged`, () => {
      const one = lint({ LLM_D_CONTRIB_THREADS: "1", LLMD_WORKER_DIES_AT: at });
      const three = lint({ LLM_D_CONTRIB_THREADS: "3", LLMD_WORKER_DIES_AT: at, LLM_D_CONTRIB_DEBUG: "1" });
      assert.equal(one.status, 1, one.stderr);
      const deaths = three.stderr.match(/a lint worker failed \(lint worker exited with code 7\); checking its files on the main thread/g) ?? [];
      assert.equal(deaths.length, 2, three.stderr);
      assert.equal(three.status, one.status);
      assert.equal(three.stdout, one.stdout);
      const ids = (JSON.parse(one.stdout) as { ruleId: string }[]).map((p) => p.ruleId);
      assert.equal(ids.filter((id) => id === "flags/experimental-untested").length, 12, "the untested half only");
      assert.equal(ids.filter((id) => id === "owners/unknown-key").length, 6);
    });
  }
});
