import type { Family } from "../../types";
import type { FlagsParsed } from "./model";
import { parseFlags } from "./parse";
import { experimentalNameRule } from "./rules/experimental-name";
import { experimentalDefaultOnRule } from "./rules/experimental-default-on";
import { experimentalUntestedRule } from "./rules/experimental-untested";

/** The experimental-flags family: declarations in Go, Python, JS/TS and YAML config, three rules. */
export const flagsFamily: Family<FlagsParsed> = {
  name: "flags",
  kinds: ["go", "python", "javascript", "typescript", "yaml"],
  settings: {
    evidenceWords: { type: "list of texts", description: "Words that mark a declaration as experimental in its help or comments (replaces the defaults)." },
    featureGateStagesNeedName: { type: "boolean", description: "Whether an Alpha feature gate must also carry experimental in its name." },
  },
  parse: parseFlags,
  rules: [experimentalNameRule, experimentalDefaultOnRule, experimentalUntestedRule],
};
