/** Every rule of the owners family, in the order they are documented. */
import type { Rule } from "../../../types";
import type { OwnersDoc } from "../parse";
import { yamlSyntax } from "./yaml-syntax";
import { unknownKey } from "./unknown-key";

export const OWNERS_RULES: readonly Rule<OwnersDoc>[] = [
  yamlSyntax,
  unknownKey,
];
