import type { Family } from "../../types";

/** The flags family: its parser, rules and editor features. (Being built; see its issue.) */
export const flagsFamily: Family<unknown> = {
  name: "flags",
  kinds: [],
  parse: () => undefined,
  rules: [],
};
