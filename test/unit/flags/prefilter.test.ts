/**
 * The pre-check (prefilter.ts) may only skip files whose full parse finds no experimental
 * declaration: checked on every corpus file in its repository's workspace, on mutants of them,
 * and on the one path it cannot settle from the file alone (a Go name from another file).
 */
import { strict as assert } from "node:assert";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { detectKind, lintDocument, memoryWorkspace, resolveConfig, type FileKind, type WorkspaceView } from "../../../server/src/engine/index";
import { parseEveryDeclaration, parseFlags } from "../../../server/src/engine/families/flags/parse";
import { isExperimental } from "../../../server/src/engine/families/flags/classify";
import { mayNameFromElsewhere, namesFromElsewhere, saysExperimental } from "../../../server/src/engine/families/flags/prefilter";
import { lexGo } from "../../../server/src/engine/families/flags/lex/go";
import { DEFAULT_EVIDENCE_WORDS, type FlagsParsed } from "../../../server/src/engine/families/flags/model";
import { targets, textArbitrary } from "../../support/fuzz";
import { flagFormNames } from "../../../server/src/engine/families/flags/recognisers/go-flag";

const config = resolveConfig();
const corpus = join(__dirname, "..", "..", "..", "..", "shared", "corpus", "flags");

function experimental(p: FlagsParsed): string {
  return JSON.stringify(p.decls.filter(isExperimental).map((d) => [d.name, d.range, d.evidence, d.default]));
}

function agree(relPath: string, kind: FileKind, text: string, workspace: WorkspaceView): void {
  const ctx = { document: { relPath, kind, text }, workspace, host: {}, settings: {} };
  const filtered = parseFlags(ctx.document, ctx);
  const full = parseEveryDeclaration(ctx.document, ctx);
  assert.equal(experimental(filtered), experimental(full), `${relPath}: the pre-check changed what is experimental`);
}

describe("flags pre-check", () => {
  it("settles nothing by itself for a file that mentions a word, in any case and spelling", () => {
    for (const t of ["// EXPERIMENTAL", "help: 'Alpha feature'", "x := \"tech-preview\"", "PreRelease: featuregate.Beta", "wip"]) assert.ok(saysExperimental(t, DEFAULT_EVIDENCE_WORDS), t);
    assert.ok(!saysExperimental('fs.Bool("fast", true, "enables the fast path")', DEFAULT_EVIDENCE_WORDS));
    assert.ok(saysExperimental("//experimental", DEFAULT_EVIDENCE_WORDS), "comment markers glued to the word");
    assert.ok(saysExperimental("# gamma rollout", ["gamma"]), "configured words count");
  });

  it("every declaring callee passes its first-letter and length shortcut", () => {
    for (const n of [...flagFormNames(), "RegisterFeatureGate"]) assert.ok(/^[A-Z]/.test(n) && n.length <= 19, n);
  });

  it("skips a file that cannot declare an experimental flag (the full parse finds only plain flags)", () => {
    const text = 'package main\n\nfunc init() {\n\tfs.BoolVar(&o.Fast, "fast", true, "enables the fast path")\n}\n';
    const ctx = { document: { relPath: "cmd/main.go", kind: "go" as const, text }, workspace: memoryWorkspace({}), host: {}, settings: {} };
    assert.equal(parseEveryDeclaration(ctx.document, ctx).decls.length, 1);
    assert.deepEqual(parseFlags(ctx.document, ctx).decls, []);
  });

  it("still parses a Go file whose flag name comes from another file that says experimental", () => {
    const files = {
      "cmd/names.go": 'package main\n\nconst prefetchName = "experimental-prefetch"\n',
      "cmd/main.go": 'package main\n\nfunc init() {\n\tfs.BoolVar(&o.Prefetch, prefetchName, true, "prefetches blocks")\n}\n',
    };
    const problems = lintDocument({ document: { relPath: "cmd/main.go", kind: "go", text: files["cmd/main.go"] }, workspace: memoryWorkspace(files), config });
    assert.deepEqual(problems.map((p) => [p.ruleId, p.range.start.line]), [["flags/experimental-default-on", 3], ["flags/experimental-untested", 3]]);
  });

  it("reads from the text alone that a Go file's calls pass no name from elsewhere", () => {
    const settled = [
      "d := time.Duration(30) * time.Second", "s := x.String()", "fs.BoolVar(&o.X, \"x\", true, \"h\")",
      "fs.StringVar(&o.Cfg.Path, \"a,b)\", \"\", `raw (text)`)", "v := Int64(-1)", "Var(\n\t&o.X,\n\t\"x\")",
      "// no declaring call at all", "RegisterFeatureGate(\"experimental-x\")",
    ];
    for (const t of settled) {
      assert.equal(namesFromElsewhere(lexGo(t)), false, t);
      assert.equal(mayNameFromElsewhere(t), false, t);
    }
    const named = ["fs.BoolVar(&o.X, xName, true, \"h\")", "RegisterFeatureGate(Name)", "flag.Bool(pkg.Name, false, \"h\")",
      "fs.Bool(\"x\", def, \"h\")", "v := os.Getenv(key)"];
    for (const t of named) {
      assert.equal(namesFromElsewhere(lexGo(t)), true, t);
      assert.equal(mayNameFromElsewhere(t), true, t);
    }
    // What the scan does not follow, it leaves to the lexer.
    for (const t of ["Duration /* c */ (30)", "Duration(f(a), x)", "Bool('a', x)", "Var(/* c */ x)", "Bool(\"unterminated\n, x)", "Int(1"]) {
      assert.equal(mayNameFromElsewhere(t), true, t);
    }
  });

  it("never settles a Go text the lexer finds a name from elsewhere in (mutants)", () => {
    const go = targets().find((x) => x.name === "Go")!;
    const calls = { ...go, tokens: [...go.tokens, "time.Duration(", "Var(", "RegisterFeatureGate(", "&o.X", "name", "30", "\t", "é", "\u00a0", "\v", "pkg.Name"] };
    fc.assert(fc.property(textArbitrary(calls), (text) => {
      if (namesFromElsewhere(lexGo(text))) assert.ok(mayNameFromElsewhere(text), JSON.stringify(text));
    }), { numRuns: 3000, seed: 11 });
  });

  (existsSync(corpus) ? it : it.skip)("agrees with the full parse on every corpus file, in its repository's workspace", () => {
    const names = readdirSync(corpus).filter((f) => !f.endsWith(".tsv") && !f.endsWith(".md"));
    const files: Record<string, string> = {};
    for (const n of names) files[n.replace(/__/g, "/")] = readFileSync(join(corpus, n), "utf8");
    const ws = memoryWorkspace(files);
    let checked = 0;
    for (const [relPath, text] of Object.entries(files)) {
      const kind = detectKind(relPath, config);
      if (!kind || !["go", "python", "javascript", "typescript", "yaml"].includes(kind)) continue;
      agree(relPath, kind, text, ws);
      checked++;
    }
    assert.ok(checked >= 30, `only ${checked} corpus files checked`);
  });

  for (const t of targets().filter((x) => ["Go", "Python", "TypeScript", "YAML values"].includes(x.name))) {
    it(`agrees with the full parse on mutated ${t.name} files`, () => {
      const kind = detectKind(t.path, config)!;
      fc.assert(fc.property(textArbitrary(t), (text) => agree(t.path, kind, text, memoryWorkspace({}))), { numRuns: 300, seed: 7 });
    });
  }
});
