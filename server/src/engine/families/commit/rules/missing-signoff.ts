import type { Finding, Rule } from "../../../types";
import type { ParsedCommit } from "../parse";
import { addSignoffFix, lineRange, signer } from "../fixes";
import { signoffLine } from "../signoff";

/**
 * Every llm-d commit needs `Signed-off-by: Name <email>` (CONTRIBUTING.md, "DCO Sign-off").
 * When a line means to be a sign-off but is broken, commit/malformed-signoff says so instead.
 */
export const missingSignoff: Rule<ParsedCommit> = {
  id: "commit/missing-signoff",
  description: "The commit message has no Signed-off-by line, so the pull request's DCO check will fail.",
  defaultSeverity: "error",
  fixable: true,
  check(p, ctx): Finding[] {
    if (p.title === undefined || p.purpose !== "commit") return [];
    if (p.signoffs.length > 0 || p.malformed.length > 0) return [];
    const who = signer(ctx.host);
    // git.alwaysSignOff makes VS Code pass --signoff when it commits the input box; an editor
    // document (COMMIT_EDITMSG) already holds whatever sign-off git added before it opened.
    const gitWillAdd = p.verbatim && !!ctx.host.alwaysSignOff;
    const message = gitWillAdd
      ? "no Signed-off-by line yet; git will add yours when you commit, because git.alwaysSignOff is on"
      : who
        ? `no Signed-off-by line: every llm-d commit needs one for the DCO check; add "${signoffLine(who)}" (git commit -s)`
        : "no Signed-off-by line: every llm-d commit needs `Signed-off-by: Name <email>` for the DCO check (git commit -s)";
    const fix = who ? addSignoffFix(p, who) : undefined;
    return [{
      range: lineRange(p, p.title),
      message,
      ...(gitWillAdd ? { severity: "info" as const } : {}),
      ...(fix ? { fixes: [{ ...fix, isPreferred: true }] } : {}),
    }];
  },
};
