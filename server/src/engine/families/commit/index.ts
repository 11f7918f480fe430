import type { Family } from "../../types";
import { parseCommitMessage, type ParsedCommit } from "./parse";
import { commitFeatures } from "./features";
import { missingSignoff } from "./rules/missing-signoff";
import { malformedSignoff } from "./rules/malformed-signoff";
import { signoffMismatch } from "./rules/signoff-mismatch";
import { titleLength } from "./rules/title-length";
import { titleBodySeparator } from "./rules/title-body-separator";
import { missingBody } from "./rules/missing-body";

/**
 * The commit family: commit messages being edited (COMMIT_EDITMSG, MERGE_MSG… as `git-commit`)
 * and the Source Control input box (`scminput`). Specs: ../shared/specs/dco.md.
 */
export const commitFamily: Family<ParsedCommit> = {
  name: "commit",
  kinds: ["commit-message"],
  settings: {
    titleMaxLength: { type: "whole number", description: "Longest title before commit/title-length speaks (default 72)." },
    commentChar: { type: "text", description: "The comment character of edited messages (default: git's core.commentChar, else #)." },
  },
  parse: (doc, ctx) => parseCommitMessage(doc, ctx),
  rules: [missingSignoff, malformedSignoff, signoffMismatch, titleLength, titleBodySeparator, missingBody],
  features: commitFeatures,
};

export type { ParsedCommit } from "./parse";
export { signoffInsertion, findTrailerBlock, footerStart } from "./trailers";
export { DCO_SIGNOFF, signoffsOf, matchSignoff, sameIdentity, signoffLine, formatIdentity, inspectSignoffLine } from "./signoff";
