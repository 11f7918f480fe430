// Bundles the three entry points with esbuild. `--if-needed` skips the work when dist/ is
// newer than every source; `--production` minifies and drops source maps (for the .vsix).
import { build } from "esbuild";
import { readdirSync, statSync, existsSync } from "node:fs";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const production = process.argv.includes("--production");
const entries = [
  { in: "client/src/extension.ts", out: "dist/extension.js", external: ["vscode"] },
  { in: "server/src/server.ts", out: "dist/server.js", external: [] },
  { in: "server/src/cli/main.ts", out: "dist/cli.js", external: [] },
];

function newest(dir) {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

if (process.argv.includes("--if-needed")) {
  const sources = Math.max(newest(join(root, "server/src")), newest(join(root, "client/src")), statSync(join(root, "package.json")).mtimeMs);
  const fresh = entries.every((e) => existsSync(join(root, e.out)) && statSync(join(root, e.out)).mtimeMs >= sources);
  if (fresh) process.exit(0);
}

await Promise.all(entries.filter((e) => existsSync(join(root, e.in))).map((e) => build({
  entryPoints: [join(root, e.in)],
  outfile: join(root, e.out),
  bundle: true,
  platform: "node",
  target: "node20",
  format: "cjs",
  external: e.external,
  minify: production,
  sourcemap: production ? false : "linked",
  logLevel: "warning",
  // remark and friends are ESM-only; bundling turns them into CommonJS the extension host can load.
  mainFields: ["module", "main"],
  // ESM dependencies may call createRequire(import.meta.url); in a CommonJS bundle that must be this file's URL.
  banner: { js: "const __bundle_import_meta_url = require(\"node:url\").pathToFileURL(__filename).href;" },
  define: { "import.meta.url": "__bundle_import_meta_url" },
})));
