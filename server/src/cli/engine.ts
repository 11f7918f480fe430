/**
 * The part of the engine the CLI calls, behind an interface so tests can run the CLI with a
 * fake family whose rules they control (the real families are being written alongside).
 */
import { allRules, analyze, lintDocument, type LintInput, type Problem, type RuleMeta } from "../engine/index";

/** What analyze() made of a document: its parse, to run the rules on again. */
export type Analysis = ReturnType<typeof analyze>;

export interface CliEngine {
  /** Lints one document (lintDocument semantics: never throws, severities and disable comments applied). */
  lint(input: LintInput, analysis?: Analysis): Problem[];
  /** Parses one document for lint(); an engine without it parses inside lint(). */
  analyze?(input: LintInput): Analysis;
  /** Every rule the product has, internal ones included (for `rules`, config checks and SARIF). */
  rules(): RuleMeta[];
}

export const realEngine: CliEngine = {
  lint: (input, analysis) => lintDocument(input, analysis),
  analyze,
  rules: allRules,
};
