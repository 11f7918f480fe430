// Bundles the in-VS-Code suite (test/suite/*.ts) into dist/test/suite/: index.js (the
// extensionTestsPath) and one *.test.js per test file. `vscode` comes from the extension host;
// mocha is loaded at run time from node_modules (see test/suite/index.ts).
import { build } from "esbuild";
import { readdirSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const src = join(root, "test", "suite");
const outdir = join(root, "dist", "test", "suite");
const entries = readdirSync(src).filter((f) => f === "index.ts" || f.endsWith(".test.ts")).map((f) => join(src, f));

rmSync(outdir, { recursive: true, force: true });
await build({
  entryPoints: entries,
  outdir,
  bundle: true,
  platform: "node",
  target: "node20",
  format: "cjs",
  external: ["vscode", "mocha", "mocha/*"],
  sourcemap: "inline",
  logLevel: "warning",
});
console.log(`built ${entries.length} suite file(s) into ${outdir}`);
