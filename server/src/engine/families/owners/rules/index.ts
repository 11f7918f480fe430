/** Every rule of the owners family, in the order they are documented. */
import type { Rule } from "../../../types";
import type { OwnersDoc } from "../parse";
import { yamlSyntax } from "./yaml-syntax";
import { unknownKey } from "./unknown-key";
import { wrongType } from "./wrong-type";
import { filtersIgnored } from "./filters-ignored";
import { invalidRegex } from "./invalid-regex";
import { noApprovers } from "./no-approvers";
import { noEffect } from "./no-effect";
import { invalidLogin } from "./invalid-login";
import { unknownAlias } from "./unknown-alias";
import { nestedAlias } from "./nested-alias";
import { duplicateEntry } from "./duplicate-entry";
import { duplicateKey } from "./duplicate-key";
import { emeritusOverlap } from "./emeritus-overlap";
import { caseInsensitiveKey } from "./case-insensitive-key";
import { atPrefix } from "./at-prefix";
import { aliasesInvalid } from "./aliases-invalid";
import { emptyAlias } from "./empty-alias";
import { aliasesMisplaced } from "./aliases-misplaced";
import { ignoredDir } from "./ignored-dir";
import { finalNewline } from "./final-newline";
import { autoAssignUnread } from "./auto-assign-unread";
import { prowActionsIgnored } from "./prow-actions-ignored";
import { tooLarge } from "./too-large";
import { bannedLabel } from "./banned-label";

export const OWNERS_RULES: readonly Rule<OwnersDoc>[] = [
  yamlSyntax, unknownKey, wrongType, filtersIgnored, invalidRegex, noApprovers, noEffect,
  invalidLogin, unknownAlias, nestedAlias, duplicateEntry, duplicateKey, emeritusOverlap,
  caseInsensitiveKey, atPrefix, aliasesInvalid, emptyAlias, aliasesMisplaced, ignoredDir, finalNewline, autoAssignUnread, prowActionsIgnored, tooLarge, bannedLabel,
];
