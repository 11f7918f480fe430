// mocha's spec reporter, plus a JSON line of counts appended to $TEST_COUNTS_FILE so that
// scripts/test.mjs and .ci/run can print one "N passed, N failed" line over every suite.
const Mocha = require("mocha");
const { appendFileSync } = require("node:fs");
const { EVENT_RUN_END } = Mocha.Runner.constants;

class CountingReporter extends Mocha.reporters.Spec {
  constructor(runner, options) {
    super(runner, options);
    runner.once(EVENT_RUN_END, () => {
      const s = runner.stats;
      if (process.env.TEST_COUNTS_FILE) {
        appendFileSync(process.env.TEST_COUNTS_FILE, JSON.stringify({ passed: s.passes, failed: s.failures, pending: s.pending }) + "\n");
      }
    });
  }
}
module.exports = CountingReporter;
