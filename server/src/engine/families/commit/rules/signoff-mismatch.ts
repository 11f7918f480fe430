import type { Finding, Fix, Identity, Rule } from "../../../types";
import type { ParsedCommit } from "../parse";
import { addSignoffFix, knownIdentities, lineRange, replaceLineFix, signer } from "../fixes";
import { formatIdentity, sameIdentity, signoffLine, type SignoffMatch } from "../signoff";

/**
 * No sign-off names the person who will author or commit. DCO2's rule is applied (name and
 * email together equal the author's, or together the committer's, ignoring case): a message
 * that passes it passes the DCO App too (specs/dco.md §1.3, §1.7). Only when the host knows
 * the identity git will use.
 */
export const signoffMismatch: Rule<ParsedCommit> = {
  id: "commit/signoff-mismatch",
  description: "No Signed-off-by line matches the name and email git will author or commit with.",
  defaultSeverity: "error",
  fixable: true,
  check(p, ctx): Finding[] {
    if (p.title === undefined || p.purpose !== "commit" || p.signoffs.length === 0) return [];
    const ids = knownIdentities(ctx.host);
    if (ids.length === 0) return [];
    if (p.signoffs.some((s) => ids.some((id) => sameIdentity(s, id)))) return [];
    const last = p.signoffs[p.signoffs.length - 1];
    const who = signer(ctx.host)!;
    const gitWillAdd = p.verbatim && !!ctx.host.alwaysSignOff;
    const expected = ids.length === 1
      ? `"${formatIdentity(ids[0])}"`
      : `the author "${formatIdentity(ids[0])}" or the committer "${formatIdentity(ids[1])}"`;
    const prefix = p.signoffs.length === 1 ? "this sign-off does not match" : "no sign-off matches";
    const message = `${prefix} ${expected}${difference(last, who)}; the DCO check needs a sign-off with the same name and email as the commit's author or committer`
      + (gitWillAdd ? " (git.alwaysSignOff is on, so git will add yours when you commit)" : "");
    const fixes: Fix[] = [];
    const mine = signoffLine(who);
    fixes.push({ ...replaceLineFix(p, last.line, mine, `Replace with "${mine}"`), isPreferred: p.signoffs.length === 1 });
    const add = addSignoffFix(p, who);
    if (add) fixes.push({ ...add, isPreferred: p.signoffs.length > 1 });
    return [{ range: lineRange(p, last.line), message, fixes, ...(gitWillAdd ? { severity: "info" as const } : {}) }];
  },
};

/** " (the email differs: …)" when only one half of the identity differs. */
function difference(s: SignoffMatch, who: Identity): string {
  const sameName = s.name.toLowerCase() === who.name.toLowerCase();
  const sameEmail = s.email.toLowerCase() === who.email.toLowerCase();
  if (sameName && !sameEmail) return ` (the email differs: "${s.email}" is not "${who.email}")`;
  if (!sameName && sameEmail) return ` (the name differs: "${s.name}" is not "${who.name}")`;
  return "";
}
