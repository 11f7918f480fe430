/** Entry point of dist/cli.js (bin/llm-d-contrib.js requires it). */
import { nodeIo } from "./io";
import { runCli } from "./program";

runCli(process.argv.slice(2), nodeIo()).then(
  (code) => { process.exitCode = code; },
  (e) => { process.stderr.write(`llm-d-contrib: internal error: ${e instanceof Error ? e.stack : String(e)}\n`); process.exitCode = 2; },
);
