/**
 * Bundled into a TEST build of the server only (see bundle.ts), in place of the owners family
 * module the registry imports: the real owners family plus misbehaviour switched on by markers
 * in the document's text, so the real server process can be made to meet a rule, a parser and
 * an editor feature that fail. Nothing of this ships: dist/server.js never sees this file.
 */
import type { Finding, LanguageFeatures, Rule } from "../../../server/src/engine/types";
import { ownersFamily as real } from "../../../server/src/engine/families/owners/index";

type Parsed = ReturnType<typeof real.parse>;

/** Markers a test puts in a document (as a YAML comment) to make one part misbehave. */
export const MARKERS = {
  ruleThrows: "RULE-THROWS",
  ruleThrowsString: "RULE-THROWS-A-STRING",
  ruleThrowsLater: "RULE-THROWS-LATER",
  ruleReturnsGarbage: "RULE-RETURNS-GARBAGE",
  parserThrows: "PARSER-THROWS",
  hoverThrows: "HOVER-THROWS",
  completionThrows: "COMPLETION-THROWS",
} as const;

export const THROWING_RULE_ID = "owners/test-throws";

const throwing: Rule<Parsed> = {
  id: THROWING_RULE_ID,
  description: "Test only: fails when the document asks it to.",
  defaultSeverity: "error",
  fixable: false,
  check(_parsed, ctx): Finding[] {
    const text = ctx.document.text;
    if (text.includes(MARKERS.ruleThrowsString)) throw "a plain string, not an Error";
    if (text.includes(MARKERS.ruleThrowsLater)) {
      // Failures the rule's caller cannot catch: an exception on a later tick and a rejected promise.
      setTimeout(() => { throw new Error("late failure from a test rule"); }, 0);
      void Promise.reject(new Error("rejected promise from a test rule"));
      return [];
    }
    if (text.includes(MARKERS.ruleReturnsGarbage)) return undefined as unknown as Finding[];
    if (text.includes(MARKERS.ruleThrows)) throw new Error("boom from a test rule");
    return [];
  },
};

const features = real.features as LanguageFeatures<Parsed>;

export const ownersFamily: typeof real = {
  ...real,
  parse(doc, ctx) {
    if (doc.text.includes(MARKERS.parserThrows)) throw new Error("boom from a test parser");
    return real.parse(doc, ctx);
  },
  rules: [throwing, ...real.rules],
  features: {
    ...features,
    hover(parsed, at, ctx) {
      if (ctx.document.text.includes(MARKERS.hoverThrows)) throw new Error("boom from a test hover");
      return features.hover!(parsed, at, ctx);
    },
    completions(parsed, at, ctx) {
      if (ctx.document.text.includes(MARKERS.completionThrows)) throw new Error("boom from a test completion");
      return features.completions!(parsed, at, ctx);
    },
  },
};
