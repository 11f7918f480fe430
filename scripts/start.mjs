// `npm start`: builds if needed, then runs the CLI over examples/, a small repository full of
// deliberate mistakes. The CLI exits 1 there by design (error-level findings), so this script
// says so and succeeds; it fails only when the CLI itself fails (exit 2) or the build does.
import { spawnSync } from "node:child_process";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const build = spawnSync(process.execPath, [join(root, "scripts/build.mjs"), "--if-needed"], { stdio: "inherit" });
if (build.status !== 0) process.exit(build.status ?? 1);
const cli = spawnSync(process.execPath, [join(root, "bin/llm-d-contrib.js"), "lint", "examples", ...process.argv.slice(2)], { cwd: root, stdio: "inherit" });
if (cli.status === 1) {
  console.log("\nThe CLI exited 1, as it does in CI when there are error-level findings: examples/ holds a deliberate mistake of every kind.");
  process.exit(0);
}
process.exit(cli.status ?? 2);
