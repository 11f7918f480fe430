/** Entry point of dist/cli.js (bin/llm-d-contrib.js requires it); also the body of lint's worker threads. */
import { isMainThread, workerData } from "node:worker_threads";
import { nodeIo } from "./io";
import { isWorkerJob, runWorker } from "./lint/parallel";
import { runCli } from "./program";

if (!isMainThread && isWorkerJob(workerData)) {
  runWorker(workerData);
} else {
  runCli(process.argv.slice(2), { ...nodeIo(), workerScript: __filename }).then(
    (code) => { process.exitCode = code; },
    (e) => { process.stderr.write(`llm-d-contrib: internal error: ${e instanceof Error ? e.stack : String(e)}\n`); process.exitCode = 2; },
  );
}
