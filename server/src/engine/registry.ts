import type { Family, FileKind, Rule, Severity } from "./types";
import type { FamilySettingSpecs } from "./config";
import { ownersFamily } from "./families/owners/index";
import { proposalFamily } from "./families/proposal/index";
import { flagsFamily } from "./families/flags/index";
import { commitFamily } from "./families/commit/index";

/** Every family the product has. Adding a family means adding it here and nowhere else. */
export const FAMILIES: readonly Family<any>[] = [ownersFamily, proposalFamily, flagsFamily, commitFamily];

/** Findings the engine itself makes about a file (it could not be checked) or about itself. */
export const INTERNAL_RULES = [
  { id: "internal/rule-error", description: "A rule failed on this file; the other rules still ran.", defaultSeverity: "warning" },
  { id: "internal/too-large", description: "The file is larger than maxFileBytes and was not checked.", defaultSeverity: "info" },
  { id: "internal/binary-file", description: "The file holds binary data and was not checked.", defaultSeverity: "info" },
  { id: "internal/invalid-encoding", description: "The file is not valid UTF-8 and was not checked.", defaultSeverity: "warning" },
  { id: "internal/unreadable", description: "The file could not be read.", defaultSeverity: "error" },
  { id: "internal/config-error", description: "The .llm-d-contrib.yaml configuration has an error; defaults apply to that part.", defaultSeverity: "error" },
] as const satisfies readonly { id: string; description: string; defaultSeverity: Severity }[];

export interface RuleMeta { id: string; description: string; defaultSeverity: Severity; fixable: boolean; family: string }

const familyByKind = new Map<FileKind, Family<any>>();
for (const f of FAMILIES) for (const k of f.kinds) familyByKind.set(k, f);

export function familyFor(kind: FileKind): Family<unknown> | undefined {
  return familyByKind.get(kind);
}

export function allRules(): RuleMeta[] {
  const out: RuleMeta[] = [];
  for (const f of FAMILIES) for (const r of f.rules as readonly Rule<unknown>[]) {
    out.push({ id: r.id, description: r.description, defaultSeverity: r.defaultSeverity, fixable: !!r.fixable, family: f.name });
  }
  for (const r of INTERNAL_RULES) out.push({ ...r, fixable: false, family: "internal" });
  return out;
}

let ids: Set<string> | undefined;
/** The settings each family's section of the configuration may hold. */
export function familySettingSpecs(): FamilySettingSpecs {
  return Object.fromEntries(FAMILIES.map((f) => [f.name, f.settings ?? {}]));
}

export function knownRuleIds(): ReadonlySet<string> {
  return (ids ??= new Set(allRules().map((r) => r.id)));
}

/** docs/rules/<family>-<name>.md, the rule's page in this repository. */
export function docPath(ruleId: string): string {
  return `docs/rules/${ruleId.replace("/", "-")}.md`;
}

/** Where the rule's doc page is published; front ends pass a local base when the docs are installed beside them. */
export const DEFAULT_DOCS_BASE = "https://github.com/llm-d/llm-d-contrib-tools/blob/main/";
export function docUrl(ruleId: string, base = DEFAULT_DOCS_BASE): string {
  return base.replace(/\/?$/, "/") + docPath(ruleId);
}
