import { strict as assert } from "node:assert";
import { availableParallelism } from "node:os";
import { PARALLEL_MIN_FILES, threadCount } from "../../../server/src/cli/lint/parallel";

describe("CLI: how many threads a run uses", () => {
  it("one below PARALLEL_MIN_FILES files, one per core (at most 4) from there", () => {
    assert.equal(threadCount(PARALLEL_MIN_FILES - 1, {}), 1);
    assert.equal(threadCount(PARALLEL_MIN_FILES, {}), Math.max(1, Math.min(availableParallelism(), 4)));
  });
  it("LLM_D_CONTRIB_THREADS decides, capped at 16 and at the number of files; nonsense is ignored", () => {
    assert.equal(threadCount(10, { LLM_D_CONTRIB_THREADS: "3" }), 3);
    assert.equal(threadCount(2, { LLM_D_CONTRIB_THREADS: "3" }), 2);
    assert.equal(threadCount(100_000, { LLM_D_CONTRIB_THREADS: "64" }), 16);
    assert.equal(threadCount(100_000, { LLM_D_CONTRIB_THREADS: "1" }), 1);
    assert.equal(threadCount(10, { LLM_D_CONTRIB_THREADS: "two" }), 1);
    assert.equal(threadCount(10, { LLM_D_CONTRIB_THREADS: "0" }), 1);
  });
});
