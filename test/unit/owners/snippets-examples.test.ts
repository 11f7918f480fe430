import { strict as assert } from "node:assert";
import { readFileSync, readdirSync } from "node:fs";
import { join, relative } from "node:path";
import { detectKind, familySettingSpecs, knownRuleIds, lintDocument, memoryWorkspace, parseConfigText, resolveConfig, type Problem } from "../../../server/src/engine/index";
import { ownersFamily } from "../../../server/src/engine/families/owners/index";

const repoRoot = join(__dirname, "..", "..", "..");

/** A snippet body as VS Code inserts it with its defaults ("github-login" becomes a real-looking login). */
function expand(body: string[]): string {
  return body.join("\n")
    .replace(/\$\{\d+\|([^,|]*)[^}]*\|\}/g, "$1")
    .replace(/\$\{\d+:([^}]*)\}/g, "$1")
    .replace(/\$\{?\d+\}?/g, "")
    .replace(/\\([$}\\])/g, "$1")
    .replace(/github-login/g, "alice");
}

describe("owners snippets", () => {
  for (const [file, path, wrap] of [["owners.code-snippets", "pkg/OWNERS", ""], ["owners-aliases.code-snippets", "OWNERS_ALIASES", "aliases:\n"]] as const) {
    it(`${file}: every snippet expands to a file with no finding`, () => {
      const snippets = JSON.parse(readFileSync(join(repoRoot, "snippets", file), "utf8")) as Record<string, { prefix: string[]; body: string[]; description: string }>;
      assert.ok(Object.keys(snippets).length >= 2);
      for (const [name, s] of Object.entries(snippets)) {
        assert.ok(s.prefix.length > 0 && s.description.length > 20, name);
        let text = expand(s.body);
        let at: string = path;
        if (name === "alias group") text = wrap + text.replace(/^/gm, "  ");
        // llm-d's auto-assign workflow reads only the root OWNERS, which must also name approvers.
        if (name === "llm-d auto-assign") { at = "OWNERS"; text = "approvers:\n  - alice\n" + text; }
        const problems = lintDocument({ document: { relPath: at, kind: at.endsWith("ALIASES") ? "owners-aliases" : "owners", text }, workspace: memoryWorkspace({}), config: resolveConfig() });
        assert.deepEqual(problems.map((p) => `${p.ruleId} ${p.message}`), [], `${name}:\n${text}`);
      }
    });
  }

  it("the filters snippet writes a valid RE2 regexp in single quotes", () => {
    const s = JSON.parse(readFileSync(join(repoRoot, "snippets", "owners.code-snippets"), "utf8"))["OWNERS file with filters"];
    assert.match(expand(s.body), /'_test\\\.go\$':/);
  });
});

describe("owners examples (examples/ is its own repository)", () => {
  const root = join(repoRoot, "examples");
  const files: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p); else files[relative(root, p).split("\\").join("/")] = readFileSync(p, "utf8");
    }
  };
  walk(root);

  it("shows every owners rule at least once, and the root OWNERS has approvers", () => {
    const ws = memoryWorkspace(files);
    // The examples' own configuration, as the CLI reads it (it sets a labels denylist).
    const { raw, errors } = parseConfigText(files[".llm-d-contrib.yaml"], knownRuleIds(), familySettingSpecs());
    assert.deepEqual(errors, []);
    const config = resolveConfig(raw);
    const problems: Problem[] = [];
    for (const [relPath, text] of Object.entries(files)) {
      const kind = detectKind(relPath, config);
      if (kind !== "owners" && kind !== "owners-aliases") continue;
      problems.push(...lintDocument({ document: { relPath, kind, text }, workspace: ws, config }));
    }
    const fired = new Set(problems.map((p) => p.ruleId));
    // owners/too-large guards against absurd input (a file over 256 KB); bad-input.test.ts shows it.
    const notInExamples = new Set(["owners/too-large"]);
    assert.deepEqual(ownersFamily.rules.map((r) => r.id).filter((id) => !fired.has(id) && !notInExamples.has(id)), []);
    assert.match(files.OWNERS, /^approvers:\n  - llm-d-maintainers$/m);
    assert.ok(!problems.some((p) => p.ruleId.startsWith("internal/")));
  });
});
