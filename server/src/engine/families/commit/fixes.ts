/** Ranges and fixes the commit rules share. */
import type { Fix, HostFacts, Identity, Range } from "../../types";
import { LineIndex } from "../../text";
import type { ParsedCommit } from "./parse";
import { formatIdentity, signoffLine } from "./signoff";
import { signoffInsertion } from "./trailers";

export function lineRange(p: ParsedCommit, line: number, start = 0, end = p.lines[line].length): Range {
  const len = p.lines[line].length;
  const s = Math.min(start, len), e = Math.min(Math.max(end, s), len);
  return { start: { line, character: s }, end: { line, character: e } };
}

/** Who `git commit -s` signs off as: the committer (specs/dco.md §2.1), else the author. */
export function signer(host: HostFacts): Identity | undefined {
  return host.gitCommitter ?? host.gitAuthor;
}

/** The identities a sign-off may name: the author's and the committer's. */
export function knownIdentities(host: HostFacts): Identity[] {
  const out: Identity[] = [];
  for (const id of [host.gitAuthor, host.gitCommitter]) {
    if (id && !out.some((o) => o.name === id.name && o.email === id.email)) out.push(id);
  }
  return out;
}

/**
 * Adds `Signed-off-by: <who>` where `git commit -s` would put it. In the input box the line goes
 * at the very end instead: its text is committed as it is, and git's placement above a trailing
 * `#…` paragraph there is the pitfall of specs/dco.md §2.1.
 */
export function addSignoffFix(p: ParsedCommit, who: Identity, title = `Add "${signoffLine(who)}"`): Fix | undefined {
  const ins = signoffInsertion(p.text, signoffLine(who), p.reading, p.eol);
  if (!ins) return undefined;
  let { offset, newText } = ins;
  if (p.verbatim && offset === p.text.length && !p.text.endsWith("\n") && newText.endsWith(p.eol)) {
    newText = newText.slice(0, -p.eol.length); // no dangling line break in the input box
  }
  const at = new LineIndex(p.text).positionAt(offset);
  return { title, edits: [{ range: { start: at, end: at }, newText }] };
}

/** Replaces a whole line's text (its line break stays). */
export function replaceLineFix(p: ParsedCommit, line: number, text: string, title: string): Fix {
  return { title, edits: [{ range: lineRange(p, line), newText: text }] };
}

export { formatIdentity, signoffLine };
