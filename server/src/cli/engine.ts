/**
 * The part of the engine the CLI calls, behind an interface so tests can run the CLI with a
 * fake family whose rules they control (the real families are being written alongside).
 */
import { allRules, lintDocument, type LintInput, type Problem, type RuleMeta } from "../engine/index";

export interface CliEngine {
  /** Lints one document (lintDocument semantics: never throws, severities and disable comments applied). */
  lint(input: LintInput): Problem[];
  /** Every rule the product has, internal ones included (for `rules`, config checks and SARIF). */
  rules(): RuleMeta[];
}

export const realEngine: CliEngine = {
  lint: (input) => lintDocument(input),
  rules: allRules,
};
