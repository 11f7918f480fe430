// A short fuzz run inside `npm test`; `npm run test:fuzz` runs the same properties 100,000 times per parser.
import { strict as assert } from "node:assert";
import fc from "fast-check";
import { targets, textArbitrary, violations } from "../../support/fuzz";

const RUNS = Number(process.env.FUZZ_RUNS ?? 100);

describe("fuzz: the engine keeps its promises on any input (short run)", () => {
  for (const t of targets()) {
    it(`${t.name}: no throw, bounded time, ranges inside, fixes remove their finding (${RUNS} inputs)`, () => {
      fc.assert(fc.property(textArbitrary(t), (text) => {
        const v = violations(t, text, 5000);
        assert.deepEqual(v, [], `on input ${JSON.stringify(text.slice(0, 400))}`);
      }), { numRuns: RUNS, seed: 20261126 });
    });
  }
});

/** Inputs the long run (`npm run test:fuzz`) found, kept so they stay fixed. */
const FOUND: { target: string; text: string }[] = [
  // experimentalName("") read name[0] of an empty gate name: the parser threw.
  { target: "Go", text: '// Experimental\nloader.RegisterFeatureGate("")\n' },
  { target: "Go", text: 'var x = map[featuregate.Feature]featuregate.FeatureSpec{\n "": {Default: true, PreRelease: featuregate.Alpha},\n}\n' },
  // A YAML document with errors: its key was guessed past a tag glued to it, so the rename fix
  // could never take (the document is now skipped).
  { target: "YAML values", text: "lmcache:\n  # -- Use experimental features of LMCache\n!####,xperimental: true\n" },
];

describe("fuzz: inputs the long run found", () => {
  for (const { target, text } of FOUND) {
    it(`${target}: ${JSON.stringify(text).slice(0, 70)}`, () => {
      const t = targets().find((x) => x.name === target);
      assert.ok(t, `no target ${target}`);
      assert.deepEqual(violations(t, text, 5000), []);
    });
  }
});
