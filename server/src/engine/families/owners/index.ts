import type { Family, Finding, Rule } from "../../types";
import { parseOwners, type OwnersDoc } from "./parse";
import { OWNERS_RULES } from "./rules/index";

/**
 * In a file Prow never reads (vendored OWNERS, an OWNERS_ALIASES outside the root) a problem
 * changes nothing for Prow, so every finding there is at most a hint.
 */
function atMostHintWhereNotRead(rule: Rule<OwnersDoc>): Rule<OwnersDoc> {
  return {
    ...rule,
    check(parsed, ctx) {
      const findings = rule.check(parsed, ctx);
      if (!parsed.notRead || findings.length === 0) return findings;
      return findings.map((f): Finding => ({ ...f, severity: "hint" }));
    },
  };
}

/** The owners family: OWNERS and OWNERS_ALIASES as Prow reads them (specs/owners.md). */
export const ownersFamily: Family<OwnersDoc> = {
  name: "owners",
  kinds: ["owners", "owners-aliases"],
  parse: (doc) => parseOwners(doc),
  rules: OWNERS_RULES.map(atMostHintWhereNotRead),
};
