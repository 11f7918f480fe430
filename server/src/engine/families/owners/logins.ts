/** What a GitHub login, a team and an alias name look like (specs/owners.md §3.4). */

/** Suffixes and prefixes of alias names in the wild (sig-foo-leads, wg-serving-leads, x-maintainers…). */
const ALIAS_SUFFIX = /-(leads?|tech-leads|chairs?|approvers?|reviewers?|maintainers?|admins?|owners?|team|committers?|members|emeritus|oncall|collaborators)$/;
const ALIAS_PREFIX = /^(sig|wg|ug|committee)-[a-z0-9]/;

/** A name that reads like an alias group rather than a person. */
export function aliasShaped(norm: string): boolean {
  return norm.includes("-") && (ALIAS_SUFFIX.test(norm) || ALIAS_PREFIX.test(norm));
}

export const MAX_LOGIN = 39;
const LOGIN = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;
const TEAM = /^[A-Za-z0-9][A-Za-z0-9-]*\/[A-Za-z0-9][A-Za-z0-9._-]*$/;

export interface LoginProblem {
  message: string;
  /** A corrected name when the correction is certain. */
  fixed?: string[];
}

/**
 * Why `name` (already without one leading @) cannot be a GitHub login in list `list`, or undefined.
 * Legacy logins (double or trailing hyphens, EMU underscores) are accepted: precision first.
 */
export function loginProblem(name: string, list: string, show: (s: string) => string): LoginProblem | undefined {
  if (name === "") return { message: "an empty name matches nobody" };
  if (TEAM.test(name)) {
    if (list === "required_reviewers") return undefined;
    return { message: `${show(name)} is a team; Prow requests a team's review only from required_reviewers, so anywhere else it matches nobody` };
  }
  if (LOGIN.test(name)) {
    if (name.length > MAX_LOGIN) return { message: `${show(name)} is longer than ${MAX_LOGIN} characters, so it cannot be a GitHub login` };
    return undefined;
  }
  if (/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(name)) return { message: `${show(name)} is an email address; OWNERS lists GitHub logins` };
  const parts = name.split(/[\s,;]+/).filter(Boolean).map((s) => s.replace(/^@/, ""));
  if (parts.length > 1 && parts.every((s) => LOGIN.test(s) && s.length <= MAX_LOGIN)) {
    return { message: `${show(name)} holds ${parts.length} names; each list item is one GitHub login`, fixed: parts };
  }
  const trimmed = name.replace(/^[-_\s]+|[\s,;.:]+$/g, "");
  if (trimmed !== name && LOGIN.test(trimmed) && trimmed.length <= MAX_LOGIN) {
    return { message: `${show(name)} is not a possible GitHub login (a login has only letters, digits and hyphens and cannot start with "-"); did you mean ${show(trimmed)}?`, fixed: [trimmed] };
  }
  return { message: `${show(name)} is not a possible GitHub login (a login has only letters, digits and hyphens)` };
}
