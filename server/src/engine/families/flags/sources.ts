/** The declaration's own text, shared by every language: help, docstring, comment above, comments on its lines. */
import type { Tokens } from "./lex/tokens";
import type { Evidence } from "./model";
import { findEvidenceWord, mayMentionWord, type WordMatch } from "./evidence";

/** Comment text without its markers (`//`, `/*`, `*`, `#`). */
export function stripComment(s: string): string {
  return s.replace(/^\s*(\/\/|\/\*+|\*(?!\/)|#)\s?/gm, "").replace(/\*\/\s*$/, "");
}

/** The evidence word of a comment as written: its markers are stripped only when a word may be there. */
export function commentEvidenceWord(raw: string, words: readonly string[], ownName = ""): WordMatch | undefined {
  return mayMentionWord(raw, words) ? findEvidenceWord(stripComment(raw), words, ownName) : undefined;
}

export function declarationEvidence(t: Tokens, words: readonly string[], help: string, fromLine: number, toLine: number, ownName: string, docstring?: { text: string; line: number }): Evidence[] {
  const out: Evidence[] = [];
  const h = findEvidenceWord(help, words, ownName);
  if (h) out.push({ kind: "help", word: h.word, line: fromLine, where: "its help text" });
  if (docstring) {
    const d = findEvidenceWord(docstring.text, words, ownName);
    if (d) out.push({ kind: "doc", word: d.word, line: docstring.line, where: "its docstring" });
  }
  const doc = t.docAbove(fromLine);
  if (doc) {
    const d = commentEvidenceWord(doc.text, words, ownName);
    if (d) out.push({ kind: "doc", word: d.word, line: doc.line, where: "the comment above it" });
  }
  for (const c of t.commentsWithin(fromLine, toLine)) {
    const m = commentEvidenceWord(c.text, words, ownName);
    if (m) { out.push({ kind: "comment", word: m.word, line: c.line, where: "the comment on its line" }); break; }
  }
  return out;
}
