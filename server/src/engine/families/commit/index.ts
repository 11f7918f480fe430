import type { Family } from "../../types";

/** The commit family: its parser, rules and editor features. (Being built; see its issue.) */
export const commitFamily: Family<unknown> = {
  name: "commit",
  kinds: [],
  parse: () => undefined,
  rules: [],
};
