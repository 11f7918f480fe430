import type { Family } from "../../types";

/** The owners family: its parser, rules and editor features. (Being built; see its issue.) */
export const ownersFamily: Family<unknown> = {
  name: "owners",
  kinds: [],
  parse: () => undefined,
  rules: [],
};
