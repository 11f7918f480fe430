import type { Family } from "../../types";

/** The proposal family: its parser, rules and editor features. (Being built; see its issue.) */
export const proposalFamily: Family<unknown> = {
  name: "proposal",
  kinds: [],
  parse: () => undefined,
  rules: [],
};
