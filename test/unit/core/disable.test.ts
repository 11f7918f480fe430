import { strict as assert } from "node:assert";
import { applyDirectives, findDirectives } from "../../../server/src/engine/disable";
import type { FileKind, Problem } from "../../../server/src/engine/index";

/** One problem of `ruleId` on each given zero-based line. */
function problems(ruleId: string, lines: number[]): Problem[] {
  return lines.map((line) => ({ ruleId, severity: "error", message: "m", range: { start: { line, character: 0 }, end: { line, character: 1 } } }));
}
const kept = (ps: Problem[]) => ps.map((p) => `${p.ruleId}@${p.range.start.line}`);

/** Each kind with a comment in its own syntax, and a comment syntax that is not its own. */
const SYNTAX: Record<FileKind, { open: string; close: string; foreign: string }> = {
  "owners": { open: "#", close: "", foreign: "//" },
  "owners-aliases": { open: "#", close: "", foreign: "//" },
  "yaml": { open: "#", close: "", foreign: "//" },
  "python": { open: "#", close: "", foreign: "//" },
  "commit-message": { open: "#", close: "", foreign: "<!--" },
  "go": { open: "//", close: "", foreign: "#" },
  "javascript": { open: "//", close: "", foreign: "#" },
  "typescript": { open: "/*", close: " */", foreign: "#" },
  "proposal": { open: "<!--", close: " -->", foreign: "#" },
};

describe("disable comments", () => {
  for (const [kind, { open, close, foreign }] of Object.entries(SYNTAX) as [FileKind, typeof SYNTAX[FileKind]][]) {
    describe(kind, () => {
      const c = (body: string) => `${open} ${body}${close}`;

      it("-next-line switches off the named rule on the next line only", () => {
        const text = ["a", c("llm-d-contrib-disable-next-line x/one"), "b", "c"].join("\n");
        const ps = [...problems("x/one", [0, 2, 3]), ...problems("x/two", [2])];
        assert.deepEqual(kept(applyDirectives(ps, text, kind)), ["x/one@0", "x/one@3", "x/two@2"]);
      });

      it("-line switches off findings on its own line", () => {
        const text = ["a", `b ${c("llm-d-contrib-disable-line x/one")}`, "c"].join("\n");
        assert.deepEqual(kept(applyDirectives(problems("x/one", [0, 1, 2]), text, kind)), ["x/one@0", "x/one@2"]);
      });

      it("-file and the plain marker switch off the whole file; no ids means every rule", () => {
        for (const marker of ["llm-d-contrib-disable-file x/one", "llm-d-contrib-disable x/one"]) {
          const text = ["a", "b", c(marker)].join("\n");
          assert.deepEqual(kept(applyDirectives([...problems("x/one", [0, 1]), ...problems("x/two", [0])], text, kind)), ["x/two@0"], marker);
        }
        const all = ["a", c("llm-d-contrib-disable-file")].join("\n");
        assert.deepEqual(kept(applyDirectives([...problems("x/one", [0]), ...problems("x/two", [1])], all, kind)), []);
      });

      it("a list of ids, with commas or spaces", () => {
        const text = [c("llm-d-contrib-disable-next-line x/one, x/two x/three"), "a"].join("\n");
        const ps = [...problems("x/one", [1]), ...problems("x/two", [1]), ...problems("x/three", [1]), ...problems("x/four", [1])];
        assert.deepEqual(kept(applyDirectives(ps, text, kind)), ["x/four@1"]);
      });

      it("a directive in another language's comment syntax, or outside a comment, does nothing", () => {
        const text = [`${foreign} llm-d-contrib-disable-file`, "llm-d-contrib-disable-file", "a"].join("\n");
        assert.deepEqual(findDirectives(text, kind), []);
        assert.deepEqual(kept(applyDirectives(problems("x/one", [2]), text, kind)), ["x/one@2"]);
      });
    });
  }

  it("finds the right line numbers with CRLF endings and several directives", () => {
    const text = "a\r\n# llm-d-contrib-disable-next-line x/a\r\nb\r\nc # llm-d-contrib-disable-line\r\n";
    assert.deepEqual(findDirectives(text, "yaml").map((d) => [d.scope, d.line, d.rules === "all" ? "all" : [...d.rules]]), [
      ["next-line", 1, ["x/a"]],
      ["line", 3, "all"],
    ]);
  });

  it("a longer marker word is not a directive", () => {
    assert.deepEqual(findDirectives("# llm-d-contrib-disabled-for-now\n", "yaml"), []);
    assert.deepEqual(findDirectives("# llm-d-contrib-disable-lines x/a\n", "yaml"), []);
  });
});
