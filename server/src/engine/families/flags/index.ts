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
  parse: parseFlags,
  rules: [experimentalNameRule, experimentalDefaultOnRule, experimentalUntestedRule],
};
