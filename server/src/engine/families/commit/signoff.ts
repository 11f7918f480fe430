/**
 * Sign-off lines as the DCO checkers read them (dcoapp/app lib/dco.js and cncf/dco2 check/mod.rs
 * share the regex `(?mi)^Signed-off-by: (.*) <(.*)>\s*$`), and the lines that mean to be one but
 * that regex rejects or cannot match to anybody (specs/dco.md §1.2, §4 caution 5).
 */
import type { Identity } from "../../types";
import { editDistance } from "../../text";

/** The checkers' regex, one line at a time (the `m` flag); case-insensitive key, exactly ": ". */
export const DCO_SIGNOFF = /^Signed-off-by: (.*) <(.*)>\s*$/i;
const KEY = "signed-off-by";

export interface SignoffMatch { name: string; email: string }

/** What the DCO checkers capture from one line (no line break), or undefined. */
export function matchSignoff(line: string): SignoffMatch | undefined {
  const m = DCO_SIGNOFF.exec(line);
  return m ? { name: m[1], email: m[2] } : undefined;
}

/** Every sign-off the checkers find in a whole commit message. */
export function signoffsOf(message: string): SignoffMatch[] {
  const out: SignoffMatch[] = [];
  for (const line of message.split("\n")) {
    const m = matchSignoff(line.replace(/\r$/, ""));
    if (m) out.push(m);
  }
  return out;
}

export function formatIdentity(id: Identity): string {
  return `${id.name} <${id.email}>`;
}

export function signoffLine(id: Identity): string {
  return `Signed-off-by: ${formatIdentity(id)}`;
}

/** DCO2's rule (the stricter one): name and email both equal one identity, ignoring case. */
export function sameIdentity(a: SignoffMatch | Identity, b: Identity | undefined): boolean {
  return !!b && a.name.toLowerCase() === b.name.toLowerCase() && a.email.toLowerCase() === b.email.toLowerCase();
}

/**
 * A line that means to be a sign-off: its key is "Signed-off-by" give or take two letters
 * (any case, spaces or underscores for hyphens), followed by a colon — or the exact hyphenated
 * key followed by a space. Prose such as "signed off by the team" has neither shape.
 */
const CANDIDATE = /^(\s*)([A-Za-z][A-Za-z _-]{5,18}?)(\s*):(.*)$/;
const CANDIDATE_NO_COLON = /^(\s*)(signed-off-by)([ \t]+)(.*)$/i;

export interface SignoffProblem {
  /** Why the DCO checkers reject or cannot match the line. */
  reason: string;
  /** Column range (UTF-16) within the line that shows the problem. */
  start: number;
  end: number;
  /** The line as it should read, when the name and email can be recovered from it. */
  repaired?: string;
  /** The repair keeps the name and email as written and drops no text. */
  repairIsFormatOnly: boolean;
  /** What the line holds, as far as it can be read. */
  name?: string;
  email?: string;
}

/**
 * Reads a line that means to be a sign-off. Returns undefined when it is not one, "ok" when it
 * is a sign-off the checkers accept and can match to a person, else the problem.
 */
export function inspectSignoffLine(line: string): SignoffProblem | "ok" | undefined {
  let indent: string, key: string, before: string, rest: string, colon = true;
  const m = CANDIDATE.exec(line);
  if (m && editDistance(m[2].trim().toLowerCase().replace(/[ _]+/g, "-"), KEY, 2) <= 2 && m[2].trim().length >= 10) {
    [, indent, key, before, rest] = m;
  } else {
    const n = CANDIDATE_NO_COLON.exec(line);
    if (!n) return undefined;
    [, indent, key, , rest] = n;
    before = "";
    colon = false;
    rest = " " + rest;
  }
  const keyTrimmed = key.replace(/[ \t]+$/, "");
  before = key.slice(keyTrimmed.length) + before;
  key = keyTrimmed;
  const { name, email, after, bracketed } = splitIdentity(rest);
  const dco = matchSignoff(line);
  const cleanIdentity = !!name && !!email && name === name.trim() && email === email.trim() && !/[<>]/.test(email);
  if (dco && cleanIdentity && dco.name === name && dco.email === email) return "ok";

  const keyStart = indent.length, keyEnd = keyStart + key.length;
  const restStart = keyEnd + before.length + (colon ? 1 : 0);
  const whole = { start: 0, end: line.length };
  const problem = (reason: string, at: { start: number; end: number }): SignoffProblem => {
    // No repair when the parts themselves hold brackets: the rewritten line would be malformed too.
    const recovered = name && email && !/[<>]/.test(name + email) ? `Signed-off-by: ${name.trim()} <${email.trim()}>` : undefined;
    return {
      reason, start: at.start, end: Math.max(at.end, at.start + 1),
      repaired: recovered,
      repairIsFormatOnly: !!recovered && bracketed && after.trim() === "",
      name: name?.trim() || undefined, email: email?.trim() || undefined,
    };
  };
  if (indent) return problem("the line is indented; the DCO check only reads `Signed-off-by:` at the very start of a line", { start: 0, end: keyEnd });
  if (key.toLowerCase() !== KEY) return problem(`"${key}" is not the key "Signed-off-by"`, { start: keyStart, end: keyEnd });
  if (!colon) return problem("`Signed-off-by` needs a colon after it: `Signed-off-by: Name <email>`", { start: keyStart, end: keyEnd });
  if (before) return problem("no space may stand before the colon: write `Signed-off-by: Name <email>`", { start: keyEnd, end: keyEnd + before.length + 1 });
  const sep = /^[ \t]*/.exec(rest)![0];
  if (sep !== " ") {
    const what = sep === "" ? "no space after the colon" : sep.includes("\t") ? "a tab after the colon" : "more than one space after the colon";
    return problem(`${what}; the DCO check needs exactly one space: \`Signed-off-by: Name <email>\``, { start: restStart - 1, end: restStart + sep.length });
  }
  if (!bracketed) {
    return problem("the email must be in angle brackets: `Signed-off-by: Name <email>`", { start: restStart + 1, end: line.length });
  }
  if (after.trim() !== "") {
    const at = line.lastIndexOf(after.trim());
    return problem(`text after the closing \`>\` ("${after.trim()}"); the DCO check needs the line to end with \`>\``, { start: at, end: at + after.trim().length });
  }
  if (!name || !name.trim()) return problem("no name before `<email>`; the DCO check needs `Signed-off-by: Name <email>`", whole);
  if (!email || !email.trim()) return problem("no email between `<` and `>`", whole);
  if (name !== name.trim() || / {2,}<|\t</.test(rest)) return problem("extra spaces around the name; the DCO check compares the name exactly, spaces included", whole);
  if (email !== email.trim()) return problem("spaces inside `< >`; the DCO check compares the email exactly, spaces included", whole);
  if (/[<>]/.test(email)) return problem("more than one `<` or `>` in the email", whole);
  return problem("the DCO check cannot read this sign-off", whole);
}

/** Splits "␠Name <email> trailing" (the text after the colon) into its parts. */
function splitIdentity(rest: string): { name?: string; email?: string; after: string; bracketed: boolean } {
  const body = rest.replace(/^[ \t]/, "");
  const lt = body.lastIndexOf("<");
  const gt = body.lastIndexOf(">");
  if (lt !== -1 && gt > lt) {
    return { name: body.slice(0, lt).replace(/[ \t]$/, ""), email: body.slice(lt + 1, gt), after: body.slice(gt + 1), bracketed: true };
  }
  // No brackets: "Name email@host" — the last word with an @ is the email.
  const words = body.trim().split(/\s+/);
  const at = words.length > 0 && /@/.test(words[words.length - 1]) ? words.length - 1 : -1;
  if (at === -1) return { name: body.trim() || undefined, after: "", bracketed: false };
  return { name: words.slice(0, at).join(" ") || undefined, email: words[at].replace(/^[<(]|[>),.;]$/g, ""), after: "", bracketed: false };
}
