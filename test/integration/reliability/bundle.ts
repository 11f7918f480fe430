/**
 * Builds a TEST bundle of the real server (server/src/server.ts) or CLI (server/src/cli/main.ts),
 * with the esbuild options of scripts/build.mjs, in which the registry's import of the owners
 * family resolves to misbehaving-family.ts. Production code carries no test hook; only this
 * bundle misbehaves.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { build, type Plugin } from "esbuild";
import { REPO_ROOT } from "../lsp-harness";

const FAMILY_IMPORT = /(^|\/)families\/owners\/index(\.ts)?$/;

const ENTRIES = { server: "server/src/server.ts", cli: "server/src/cli/main.ts" };

export async function buildMisbehavingBundle(entry: keyof typeof ENTRIES = "server"): Promise<string> {
  const out = join(mkdtempSync(join(tmpdir(), `llm-d-contrib-test${entry}-`)), `${entry}.js`);
  const registry = resolve(REPO_ROOT, "server/src/engine/registry.ts");
  const replacement = resolve(__dirname, "misbehaving-family.ts");
  let replaced = 0;
  const swap: Plugin = {
    name: "swap-owners-family",
    setup(b) {
      b.onResolve({ filter: FAMILY_IMPORT }, (args) => {
        if (resolve(args.importer) !== registry) return undefined; // the wrapper imports the real one
        replaced++;
        return { path: replacement };
      });
    },
  };
  await build({
    entryPoints: [join(REPO_ROOT, ENTRIES[entry])],
    outfile: out,
    bundle: true,
    platform: "node",
    target: "node20",
    format: "cjs",
    sourcemap: false,
    logLevel: "error",
    mainFields: ["module", "main"],
    banner: { js: "const __bundle_import_meta_url = require(\"node:url\").pathToFileURL(__filename).href;" },
    define: { "import.meta.url": "__bundle_import_meta_url" },
    plugins: [swap],
  });
  if (replaced !== 1) throw new Error(`expected to replace the registry's owners import once, replaced it ${replaced} times`);
  return out;
}
