import { strict as assert } from "node:assert";
import { releaseScanMemory } from "../../../server/src/lsp/memory";

describe("releasing a scan's memory", () => {
  it("collects garbage at once: the heap in use drops by what was let go", () => {
    let held: string[][] | undefined = [];
    for (let i = 0; i < 200; i++) held.push(Array.from({ length: 2000 }, (_, j) => `file ${i} line ${j}`));
    const before = process.memoryUsage().heapUsed;
    held = undefined;
    releaseScanMemory();
    const after = process.memoryUsage().heapUsed;
    assert.ok(before - after > 10 * 1024 * 1024, `heap in use went from ${before >> 20} MB to ${after >> 20} MB`);
  });
});
