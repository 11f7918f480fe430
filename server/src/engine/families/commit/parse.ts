/**
 * The commit family's parser: one reading of a commit message shared by every rule.
 * A `git-commit` document (COMMIT_EDITMSG, MERGE_MSG…) is a message being edited: git strips
 * its comment lines (core.commentChar, "#" by default) and everything from the scissors line on.
 * The Source Control input box (`scminput`) is passed to `git commit --file -` as it is, so there
 * `#` lines are part of the message (specs/dco.md §3.1, §4 caution 1).
 */
import type { RuleContext, SourceDocument } from "../../types";
import { findTrailerBlock, scissorsCut, type GitReading, type TrailerBlock } from "./trailers";
import { inspectSignoffLine, matchSignoff, type SignoffMatch, type SignoffProblem } from "./signoff";
import { commitSettings, type CommitSettings } from "./settings";

/** What the message is for: a merge commit and a tag need no sign-off (the DCO checkers skip merges). */
export type Purpose = "commit" | "merge" | "tag";

export interface ParsedSignoff extends SignoffMatch { line: number }
export interface MalformedSignoff { line: number; problem: SignoffProblem }

export interface ParsedCommit {
  text: string;
  /** The document's lines without their line breaks (a trailing "\r" removed). */
  lines: string[];
  eol: "\n" | "\r\n";
  /** How git reads it: the comment prefix ("" in the input box) and whether the scissors line cuts. */
  reading: GitReading;
  /** An editor document (comments stripped) or the input box (taken verbatim). */
  verbatim: boolean;
  purpose: Purpose;
  settings: CommitSettings;
  /** Per line: whether it is part of the message git will record. */
  content: boolean[];
  /** The line of the scissors, when there is one. */
  scissorsLine?: number;
  /** Line of the title (first content line that is not blank), if the message has one. */
  title?: number;
  /** Lines of git's trailer block, per git's own rules. */
  trailerBlock?: { startLine: number; endLine: number; block: TrailerBlock };
  /** Lines the DCO checkers accept as a sign-off and that name a person cleanly. */
  signoffs: ParsedSignoff[];
  /** Lines that mean to be a sign-off but that the checkers reject or cannot match to anybody. */
  malformed: MalformedSignoff[];
  /** Non-blank content lines after the title that are neither trailers nor sign-off attempts. */
  bodyLines: number[];
}

const MERGE_NOTE = /^It looks like you may be committing a merge\.$/;

export function parseCommitMessage(doc: SourceDocument, ctx: Pick<RuleContext, "host" | "settings">): ParsedCommit {
  const text = doc.text;
  const settings = commitSettings(ctx.settings, ctx.host);
  const verbatim = doc.languageId === "scminput";
  const reading: GitReading = verbatim ? { comment: "", scissors: false } : { comment: settings.commentString, scissors: true };
  const rawLines = text.split("\n");
  const lines = rawLines.map((l) => (l.endsWith("\r") ? l.slice(0, -1) : l));
  const eol = /\r\n/.test(text) ? "\r\n" : "\n";

  const starts: number[] = [];
  for (let i = 0, off = 0; i < rawLines.length; i++) { starts.push(off); off += rawLines[i].length + 1; }
  const lineAt = (offset: number) => {
    let lo = 0, hi = starts.length - 1;
    while (lo < hi) { const mid = (lo + hi + 1) >> 1; if (starts[mid] <= offset) lo = mid; else hi = mid - 1; }
    return lo;
  };

  const cut = reading.scissors ? scissorsCut(text, reading.comment) : text.length;
  const scissorsLine = cut < text.length ? lineAt(cut) : undefined;
  const isComment = (l: number) => !!reading.comment && lines[l].startsWith(reading.comment);
  const content = lines.map((_, l) => (scissorsLine === undefined || l < scissorsLine) && !isComment(l));

  let purpose: Purpose = "commit";
  const base = doc.relPath.slice(doc.relPath.lastIndexOf("/") + 1);
  if (base === "TAG_EDITMSG") purpose = "tag";
  else if (base === "MERGE_MSG" || ctx.host.merging) purpose = "merge";
  else if (!verbatim && lines.some((l, i) => isComment(i) && MERGE_NOTE.test(l.slice(reading.comment.length).trim()))) purpose = "merge";

  const title = lines.findIndex((l, i) => content[i] && l.trim() !== "");

  const block = findTrailerBlock(text, reading);
  const trailerBlock = block ? { startLine: lineAt(block.start), endLine: lineAt(Math.max(block.start, block.end - 1)), block } : undefined;

  const signoffs: ParsedSignoff[] = [];
  const attempts: MalformedSignoff[] = [];
  for (let l = 0; l < lines.length; l++) {
    if (!content[l]) continue;
    const seen = inspectSignoffLine(lines[l]);
    if (seen === "ok") signoffs.push({ line: l, ...matchSignoff(lines[l])! });
    else if (seen) attempts.push({ line: l, problem: seen });
  }
  // A broken sign-off counts when nothing else signs the message off, or when it stands in the
  // last paragraph (where sign-offs go). An indented "Signed-off-by" quoted in the middle of a
  // body that is signed off is a quotation, not a mistake.
  const lastParagraph = lastParagraphStart(lines, content);
  const malformed = attempts.filter((a) => signoffs.length === 0 || a.line >= lastParagraph);

  const bodyLines: number[] = [];
  const signoffLike = new Set([...signoffs.map((x) => x.line), ...attempts.map((a) => a.line)]);
  if (title !== -1) {
    for (let l = title + 1; l < lines.length; l++) {
      if (!content[l] || lines[l].trim() === "") continue;
      if (trailerBlock && l >= trailerBlock.startLine && l <= trailerBlock.endLine) continue;
      if (signoffLike.has(l)) continue;
      bodyLines.push(l);
    }
  }
  return {
    text, lines, eol, reading, verbatim, purpose, settings, content, scissorsLine,
    title: title === -1 ? undefined : title, trailerBlock, signoffs, malformed, bodyLines,
  };
}

/** First line of the last paragraph of content lines (blank lines separate paragraphs). */
function lastParagraphStart(lines: string[], content: boolean[]): number {
  let l = lines.length - 1;
  while (l >= 0 && (!content[l] || lines[l].trim() === "")) l--;
  while (l > 0 && !(content[l - 1] && lines[l - 1].trim() === "")) l--;
  return Math.max(l, 0);
}

/** The message as git will record it (comments and scissors part dropped in an editor document). */
export function messageText(p: ParsedCommit): string {
  return p.lines.filter((_, i) => p.content[i]).join("\n");
}
