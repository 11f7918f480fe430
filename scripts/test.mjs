// `npm test`: type-check, unit tests, build, integration tests; then one closing line
// "N passed, N failed" summed over every suite (CI reads that line, not mocha's).
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const counts = join(mkdtempSync(join(tmpdir(), "llm-d-contrib-test-")), "counts.jsonl");
const env = { ...process.env, TEST_COUNTS_FILE: counts };
const bin = (name) => join(root, "node_modules", ".bin", name);
let failedSteps = 0;

function step(title, cmd, args) {
  console.log(`\n=== ${title}`);
  const r = spawnSync(cmd, args, { cwd: root, env, stdio: "inherit" });
  if (r.status !== 0) { failedSteps++; console.log(`=== ${title}: FAILED (exit ${r.status ?? r.signal})`); }
  return r.status === 0;
}

step("type-check", bin("tsc"), ["-p", ".", "--noEmit"]);
step("unit tests", bin("mocha"), ["--config", ".mocharc.json", "test/unit/**/*.test.ts"]);
if (step("build", process.execPath, ["scripts/build.mjs"])) {
  step("integration tests", bin("mocha"), ["--config", ".mocharc.json", "test/integration/**/*.test.ts"]);
}

let passed = 0, failed = 0;
if (existsSync(counts)) {
  for (const line of readFileSync(counts, "utf8").split("\n").filter(Boolean)) {
    const c = JSON.parse(line);
    passed += c.passed; failed += c.failed;
  }
}
// A step that failed outside mocha (type errors, a build error, a crashed runner) counts as a failure too.
const mochaFailures = failed;
if (failedSteps > 0 && mochaFailures === 0) failed += failedSteps;
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed > 0 || failedSteps > 0 ? 1 : 0);
