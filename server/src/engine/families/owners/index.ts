import type { Family, Finding, Rule, SourceDocument } from "../../types";
import { parseOwners, type OwnersDoc } from "./parse";
import { OWNERS_RULES } from "./rules/index";
import { ownersFeatures } from "./features";

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

/** Parsed documents by kind, path and text: re-checking an unchanged file costs a lookup. */
const recent = new Map<string, OwnersDoc>();
const RECENT_MAX = 32;

function parseShared(doc: SourceDocument): OwnersDoc {
  const key = `${doc.kind}\0${doc.relPath}\0${doc.text}`;
  const hit = recent.get(key);
  if (hit) return hit;
  const parsed = parseOwners(doc);
  if (recent.size >= RECENT_MAX) recent.delete(recent.keys().next().value!);
  recent.set(key, parsed);
  return parsed;
}

/** The owners family: OWNERS and OWNERS_ALIASES as Prow reads them (specs/owners.md). */
export const ownersFamily: Family<OwnersDoc> = {
  name: "owners",
  kinds: ["owners", "owners-aliases"],
  parse: (doc) => parseShared(doc),
  rules: OWNERS_RULES.map(atMostHintWhereNotRead),
  features: ownersFeatures,
};
