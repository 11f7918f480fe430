import type { Family, HostFacts, Problem, Range, Rule, RuleContext, SourceDocument, WorkspaceView } from "./types";
import { effectiveSeverity, type ResolvedConfig } from "./config";
import { familyFor, INTERNAL_RULES } from "./registry";
import { applyDirectives } from "./disable";

export interface LintInput {
  document: SourceDocument;
  workspace: WorkspaceView;
  config: ResolvedConfig;
  host?: HostFacts;
  /** Told once per failure, so a front end can log it; the failure also becomes an internal/rule-error problem. */
  onRuleError?: (ruleId: string, error: unknown) => void;
}

/** A document parsed by its family, ready for rules and editor features. */
export interface Analysis {
  family: Family<unknown>;
  parsed: unknown;
  context: Omit<RuleContext, "options">;
}

const ORIGIN = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Parses a document with its family's parser; undefined when no family reads its kind. */
export function analyze(input: LintInput): Analysis | { error: Problem } | undefined {
  const { document, workspace, config, host = {} } = input;
  const family = familyFor(document.kind);
  if (!family) return undefined;
  const context = { document, workspace, host, settings: config.families[family.name] ?? {} };
  try {
    return { family, parsed: family.parse(document, context), context };
  } catch (error) {
    input.onRuleError?.(`${family.name} parser`, error);
    return { error: { ruleId: "internal/rule-error", severity: "warning", range: ORIGIN, message: `the ${family.name} parser failed on this file (${describe(error)}); no ${family.name} rule could run. Please report this.` } };
  }
}

/** Runs every enabled rule of the document's family. Never throws; a failing rule is isolated. */
export function lintDocument(input: LintInput, analysis = analyze(input)): Problem[] {
  const { document, config } = input;
  if (document.text.length > config.maxFileBytes) {
    return only(internalProblem(config, "internal/too-large", tooLargeMessage(document.text.length, config.maxFileBytes)));
  }
  if (!analysis) return [];
  if ("error" in analysis) return only(internalProblem(config, analysis.error.ruleId, analysis.error.message, analysis.error.range));
  const problems: Problem[] = [];
  for (const rule of analysis.family.rules as readonly Rule<unknown>[]) {
    const ruleSetting = config.rules.get(rule.id);
    if (ruleSetting?.severity === "off") continue;
    const found: Problem[] = [];
    try {
      const findings = rule.check(analysis.parsed, { ...analysis.context, options: ruleSetting?.options ?? {} });
      // A rule that answers something other than a list fails like one that throws.
      if (!Array.isArray(findings)) throw new TypeError(`it returned ${findings === null ? "null" : typeof findings} instead of a list of findings`);
      for (const f of findings) {
        const severity = effectiveSeverity(config, rule.id, f.severity, rule.defaultSeverity);
        if (severity === "off") continue;
        found.push({ ...f, ruleId: rule.id, severity });
      }
    } catch (error) {
      input.onRuleError?.(rule.id, error);
      problems.push(...only(internalProblem(config, "internal/rule-error", `rule ${rule.id} failed on this file (${describe(error)}); the other rules still ran. Please report this.`)));
      continue;
    }
    problems.push(...found);
  }
  return applyDirectives(problems, document.text, document.kind).sort(byPosition);
}

const INTERNAL_DEFAULTS = new Map<string, Problem["severity"]>(INTERNAL_RULES.map((r) => [r.id, r.defaultSeverity]));

/**
 * A finding of the engine itself (internal/...), with the severity the configuration gives its id
 * (else the id's default); undefined when switched off. Every front end makes these through here.
 */
export function internalProblem(config: ResolvedConfig, ruleId: string, message: string, range: Range = ORIGIN): Problem | undefined {
  const severity = config.rules.get(ruleId)?.severity ?? INTERNAL_DEFAULTS.get(ruleId) ?? "error";
  return severity === "off" ? undefined : { ruleId, severity, message, range };
}

export function tooLargeMessage(bytes: number, limit: number): string {
  return `skipped: too large (${bytes} bytes; the limit maxFileBytes is ${limit})`;
}

function only(p: Problem | undefined): Problem[] {
  return p ? [p] : [];
}

export function byPosition(a: Problem, b: Problem): number {
  return a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character || a.ruleId.localeCompare(b.ruleId);
}
