/** Shared judgements of the three rules: is a declaration experimental, is it a switch. */
import type { Evidence, FlagDecl, FlagsSettings } from "./model";
import { hasExperimentalName } from "./evidence";

/** The evidence that asks for the name: stage evidence only when the policy says so. */
export function namingEvidence(d: FlagDecl, s: FlagsSettings): Evidence[] {
  return d.evidence.filter((e) => e.kind !== "stage" || s.featureGateStagesNeedName);
}

/** Experimental by name or by any evidence (an Alpha stage always counts here). */
export function isExperimental(d: FlagDecl): boolean {
  return hasExperimentalName(d.name) || d.evidence.length > 0;
}

/** Only enable switches must default to off; durations, limits and names are tuning, not opt-in. */
export function isSwitch(d: FlagDecl): boolean {
  if (d.valueType === "bool" || d.valueType === "switch-string") return true;
  if (d.valueType === "unknown") return d.default.state === "on" || d.default.state === "off";
  return false;
}

export function describeEvidence(e: Evidence): string {
  if (e.kind === "identifier" || e.kind === "alias") return e.where;
  return `"${e.word}" in ${e.where}`;
}
