// Preloaded (node --require) into the CLI by worker-failure.test.ts: a lint worker thread ends
// itself instead of posting its message number LLMD_WORKER_DIES_AT (1: before its share's
// result, 2: before its answers), as a crash or an out-of-memory kill of that thread would.
"use strict";
const { isMainThread, parentPort } = require("node:worker_threads");
const at = Number(process.env.LLMD_WORKER_DIES_AT);
if (!isMainThread && parentPort && at > 0) {
  const post = parentPort.postMessage.bind(parentPort);
  let sent = 0;
  parentPort.postMessage = (...args) => {
    if (++sent === at) process.exit(7);
    return post(...args);
  };
}
