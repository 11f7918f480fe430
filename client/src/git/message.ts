/**
 * Pure helpers for the commit message in the Source Control input box (no vscode import, so
 * unit tests run them): add a sign-off the way the language server's fix does, and spot the
 * trailing `#` paragraph above which `git commit -s` would put the sign-off (specs/dco.md §2.1).
 */
import type { Identity } from "../../../server/src/engine/types";
import { signoffInsertion } from "../../../server/src/engine/families/commit/trailers";
import { sameIdentity, signoffLine, signoffsOf } from "../../../server/src/engine/families/commit/signoff";

const VERBATIM = { comment: "", scissors: false };

/** The message with `who`'s sign-off added at its end (git's trailer rules, '#' lines as text). */
export function withSignoff(message: string, who: Identity): string {
  if (signoffsOf(message).some((s) => sameIdentity(s, who))) return message;
  const ins = signoffInsertion(message, signoffLine(who), VERBATIM);
  if (!ins) return message;
  let text = message.slice(0, ins.offset) + ins.newText + message.slice(ins.offset);
  if (ins.offset === message.length && !message.endsWith("\n")) text = text.replace(/\n$/, "");
  return text;
}

/**
 * Whether `git commit -s` would put the sign-off above the end of this message: its last
 * paragraph starts with the comment character, which git skips when it looks for the end.
 */
export function gitWouldMisplaceSignoff(message: string, commentChar = "#"): boolean {
  const lines = message.replace(/\s+$/, "").split("\n");
  return lines.length > 1 && lines[lines.length - 1].startsWith(commentChar);
}
