// The owners and proposal tests hold their families' pages to test/support/doc-pages.ts; this holds
// the flags and commit families and the engine's own internal/* findings to the same check.
import { FAMILIES, INTERNAL_RULES, type Rule } from "../../../server/src/engine/index";
import { assertDocPages } from "../../support/doc-pages";

describe("rule documentation pages (flags, commit, internal)", () => {
  for (const name of ["flags", "commit"]) {
    it(`${name}: every rule has a page with what it checks, examples, fixes and how to configure or disable it`, () => {
      assertDocPages(FAMILIES.find((f) => f.name === name)!.rules as readonly Rule<unknown>[]);
    });
  }
  it("internal: the same, except disable comments (these findings come before a file's directives are read)", () => {
    assertDocPages(INTERNAL_RULES.map((r) => ({ ...r, check: () => [] })) as readonly Rule<unknown>[], [], { directives: false });
  });
});
