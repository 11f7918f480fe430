import type { Finding, Fix, Rule } from "../../../types";
import type { ParsedCommit } from "../parse";
import { lineRange, replaceLineFix, signer } from "../fixes";
import { sameIdentity, signoffLine } from "../signoff";

/**
 * A line that means to be a sign-off but that the DCO checkers' regex
 * `^Signed-off-by: (.*) <(.*)>\s*$` rejects, or accepts with a name or email nobody has
 * (spaces around them): git still reads many of these as trailers, so the mistake is invisible
 * until the pull request's check fails (specs/dco.md §1.2).
 */
export const malformedSignoff: Rule<ParsedCommit> = {
  id: "commit/malformed-signoff",
  description: "A Signed-off-by line the DCO check cannot read: a missing space or colon, no <email>, an indent, text after the >.",
  defaultSeverity: "error",
  fixable: true,
  check(p, ctx): Finding[] {
    if (p.purpose === "tag") return [];
    const who = signer(ctx.host);
    return p.malformed.map(({ line, problem }) => {
      const fixes: Fix[] = [];
      if (problem.repaired) {
        fixes.push({ ...replaceLineFix(p, line, problem.repaired, `Change to "${problem.repaired}"`), isPreferred: true, safe: problem.repairIsFormatOnly });
      }
      const mine = who && signoffLine(who);
      const repairedIsMine = !!who && !!problem.name && !!problem.email && sameIdentity({ name: problem.name, email: problem.email }, who);
      if (mine && !repairedIsMine) fixes.push({ ...replaceLineFix(p, line, mine, `Replace with "${mine}"`), isPreferred: fixes.length === 0 });
      return { range: lineRange(p, line, problem.start, problem.end), message: problem.reason, ...(fixes.length ? { fixes } : {}) };
    });
  },
};
