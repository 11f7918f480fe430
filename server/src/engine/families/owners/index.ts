import type { Family, Finding, Rule, SourceDocument } from "../../types";
import { parseOwners, type OwnersDoc } from "./parse";
import { OWNERS_RULES } from "./rules/index";
import { ownersFeatures } from "./features";
import { ownersSettings } from "./schema";

/** More findings of one rule in one file than anyone reads: the rest are summed up in the last one. */
const MAX_FINDINGS_PER_RULE = 100;

/**
 * In a file Prow never reads (vendored OWNERS, an OWNERS_ALIASES outside the root) a problem
 * changes nothing for Prow, so every finding there is at most a hint.
 */
function atMostHintWhereNotRead(rule: Rule<OwnersDoc>): Rule<OwnersDoc> {
  return {
    ...rule,
    check(parsed, ctx) {
      let findings = rule.check(parsed, ctx);
      if (findings.length > MAX_FINDINGS_PER_RULE) {
        const more = findings.length - MAX_FINDINGS_PER_RULE;
        findings = findings.slice(0, MAX_FINDINGS_PER_RULE);
        const last = findings[findings.length - 1];
        findings[findings.length - 1] = { ...last, message: `${last.message} (and ${more} more like it in this file, not shown)` };
      }
      if (!parsed.notRead || findings.length === 0) return findings;
      return findings.map((f): Finding => ({ ...f, severity: "hint" }));
    },
  };
}

/** Parsed documents by kind, path and text: re-checking an unchanged file costs a lookup. */
const recent = new Map<string, OwnersDoc>();
const RECENT_MAX = 32;

function parseShared(doc: SourceDocument, maxBytes: number): OwnersDoc {
  const key = `${doc.kind}\0${doc.relPath}\0${maxBytes}\0${doc.text}`;
  const hit = recent.get(key);
  if (hit) return hit;
  const parsed = parseOwners(doc, maxBytes);
  if (recent.size >= RECENT_MAX) recent.delete(recent.keys().next().value!);
  recent.set(key, parsed);
  return parsed;
}

/** The owners family: OWNERS and OWNERS_ALIASES as Prow reads them (specs/owners.md). */
export const ownersFamily: Family<OwnersDoc> = {
  name: "owners",
  kinds: ["owners", "owners-aliases"],
  settings: {
    extraKeys: { type: "list of texts", description: "More top-level keys the repository's own tools read (besides Prow's and llm-d's)." },
    maxBytes: { type: "whole number", description: "OWNERS files larger than this get one owners/too-large note instead of a check." },
    labelsDenylist: { type: "list of texts", description: "Prow's owners.labels_denylist (plugins.yaml): labels verify-owners rejects (owners/banned-label)." },
    prowGithubActions: { type: "boolean", description: "Whether /approve and /lgtm are llm-d's prow-github-actions, which read only the root OWNERS and no aliases (owners/prow-actions-ignored); unset: detected from .github/workflows." },
  },
  parse: (doc, ctx) => parseShared(doc, ownersSettings(ctx.settings).maxBytes),
  rules: OWNERS_RULES.map(atMostHintWhereNotRead),
  features: ownersFeatures,
};
