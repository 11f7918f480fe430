/**
 * git's own reading of a commit message, re-done line for line after git's C code (v2.39–2.55):
 * - `wt_status_locate_end`: the scissors line cuts the message;
 * - `ignored_log_message_bytes`: the trailing run of comment lines, blank lines and old
 *   `Conflicts:` blocks that git skips when it looks for trailers or appends a sign-off;
 * - `find_trailer_block_start`: the last paragraph is a trailer block when all its lines are
 *   trailers, or it has a git-generated prefix and at least 25% trailers;
 * - `append_signoff` (sequencer.c): where `git commit -s` puts `Signed-off-by:`.
 * Offsets are JavaScript string offsets; git counts bytes, but every decision here only looks at
 * ASCII characters, so the two agree.
 */

export const CUT_LINE = "------------------------ >8 ------------------------";
/** The prefixes git itself writes; one of them makes a mostly-prose paragraph a trailer block. */
export const GIT_GENERATED_PREFIXES = ["Signed-off-by: ", "(cherry picked from commit "];

export interface GitReading {
  /** The comment prefix (core.commentChar / core.commentString), or "" when `#` lines are content. */
  comment: string;
  /** Whether the scissors line applies (a message being edited, not one passed with --file). */
  scissors: boolean;
}

const isGitSpace = (c: string | undefined) => c === " " || c === "\t" || c === "\n" || c === "\r";

/** Offset of the end of the line starting at `bol` within `text[0..len)`, past its "\n" when there is one. */
function nextLine(text: string, bol: number, len = text.length): number {
  const nl = text.indexOf("\n", bol);
  return nl === -1 || nl >= len ? len : nl + 1;
}

function isBlankLine(text: string, bol: number, len: number): boolean {
  for (let i = bol; i < len && text[i] !== "\n"; i++) if (!isGitSpace(text[i])) return false;
  return true;
}

function startsWithin(text: string, at: number, len: number, prefix: string): boolean {
  return prefix !== "" && at + prefix.length <= len && text.startsWith(prefix, at);
}

/** `wt_status_locate_end`: where the message ends because of the scissors line (or its length). */
export function scissorsCut(text: string, comment: string): number {
  if (!comment) return text.length;
  const line = `${comment} ${CUT_LINE}\n`;
  if (text.startsWith(line)) return 0;
  const at = text.indexOf("\n" + line);
  return at === -1 ? text.length : at + 1;
}

/**
 * `ignored_log_message_bytes`, as an offset: everything from the returned offset on is the
 * ignorable footer (trailing comments and blank lines, an old `Conflicts:` block, the scissors part).
 */
export function footerStart(text: string, reading: GitReading, len = text.length): number {
  const cutoff = reading.scissors ? Math.min(len, scissorsCut(text.slice(0, len), reading.comment)) : len;
  let boc = 0;
  let inConflicts = false;
  for (let bol = 0; bol < cutoff; bol = nextLine(text, bol, cutoff)) {
    if (startsWithin(text, bol, cutoff, reading.comment) || text[bol] === "\n") {
      if (!boc) boc = bol; // git's quirk: a run starting at offset 0 is not remembered
    } else if (text.startsWith("Conflicts:\n", bol)) {
      inConflicts = true;
      if (!boc) boc = bol;
    } else if (inConflicts && text[bol] === "\t") {
      // a path of the old conflicts block
    } else if (boc) {
      boc = 0;
      inConflicts = false;
    }
  }
  return boc ? boc : cutoff;
}

/** `last_line`: start of the last line of `text[0..len)`, or -1 when empty. */
function lastLine(text: string, len: number): number {
  if (len <= 0) return -1;
  if (len === 1) return 0;
  for (let i = len - 2; i >= 0; i--) if (text[i] === "\n") return i + 1;
  return 0;
}

/** git's isalnum (ASCII only) or '-'. */
function isTokenChar(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 45;
}

/** `find_separator` with the default separators ":": the colon's position, or -1. */
export function findSeparator(line: string): number {
  let whitespaceFound = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === ":") return i;
    if (!whitespaceFound && isTokenChar(line.charCodeAt(i))) continue;
    if (i !== 0 && (c === " " || c === "\t")) { whitespaceFound = true; continue; }
    break;
  }
  return -1;
}

/** Whether git reads this line (no line break) as a trailer line: `token[ \t]*:…`, not indented. */
export function isTrailerLine(line: string): boolean {
  return GIT_GENERATED_PREFIXES.some((p) => line.startsWith(p)) || (findSeparator(line) >= 1 && !isGitSpace(line[0]));
}

/** `find_trailer_block_start` on `text[0..len)`: the block's start offset, or `len` when there is none. */
export function trailerBlockStart(text: string, len: number, comment: string): number {
  let s = 0;
  for (; s < len; s = nextLine(text, s, len)) {
    if (startsWithin(text, s, len, comment)) continue;
    if (isBlankLine(text, s, len)) break;
  }
  const endOfTitle = s;
  let onlySpaces = true, recognizedPrefix = false;
  let trailerLines = 0, nonTrailerLines = 0, possibleContinuationLines = 0;
  for (let l = lastLine(text, len); l >= endOfTitle; l = lastLine(text, l)) {
    if (startsWithin(text, l, len, comment)) {
      nonTrailerLines += possibleContinuationLines;
      possibleContinuationLines = 0;
      continue;
    }
    if (isBlankLine(text, l, len)) {
      if (onlySpaces) continue;
      nonTrailerLines += possibleContinuationLines;
      if (recognizedPrefix && trailerLines * 3 >= nonTrailerLines) return nextLine(text, l, len);
      if (trailerLines && !nonTrailerLines) return nextLine(text, l, len);
      return len;
    }
    onlySpaces = false;
    const lineText = text.slice(l, nextLine(text, l, len)).replace(/\n$/, "");
    if (GIT_GENERATED_PREFIXES.some((p) => lineText.startsWith(p))) {
      trailerLines++;
      possibleContinuationLines = 0;
      recognizedPrefix = true;
      continue;
    }
    if (findSeparator(lineText) >= 1 && !isGitSpace(lineText[0])) {
      trailerLines++;
      possibleContinuationLines = 0;
    } else if (isGitSpace(lineText[0])) {
      possibleContinuationLines++;
    } else {
      nonTrailerLines += 1 + possibleContinuationLines;
      possibleContinuationLines = 0;
    }
  }
  return len;
}

export interface TrailerBlock {
  /** Offsets of the block in the text: [start, end). */
  start: number;
  end: number;
  /** The block's entries as git splits them: a line plus its indented continuation lines. */
  entries: { start: number; end: number; text: string }[];
}

/** The trailer block git finds in a message (`trailer_info_get` with `no_divider`), if any. */
export function findTrailerBlock(text: string, reading: GitReading, len = text.length): TrailerBlock | undefined {
  const end = footerStart(text, reading, footerStart(text, reading, len));
  const start = trailerBlockStart(text, end, reading.comment);
  if (start >= end) return undefined;
  const entries: TrailerBlock["entries"] = [];
  let lastIsTrailer = false;
  for (let bol = start; bol < end; bol = nextLine(text, bol, end)) {
    const eol = nextLine(text, bol, end);
    const line = text.slice(bol, eol);
    if (lastIsTrailer && isGitSpace(line[0]) && entries.length > 0) {
      const last = entries[entries.length - 1];
      last.end = eol;
      last.text += line;
      continue;
    }
    entries.push({ start: bol, end: eol, text: line });
    lastIsTrailer = findSeparator(line) >= 1;
  }
  return { start, end, entries };
}

/**
 * Where and what `git commit -s` (append_signoff) would insert for `signoffLine`
 * ("Signed-off-by: Name <email>", no line break), or undefined when git would add nothing
 * because that exact line is already the last trailer. `eol` is the document's line break.
 */
export function signoffInsertion(text: string, signoffLine: string, reading: GitReading, eol = "\n"): { offset: number; newText: string } | undefined {
  const sob = signoffLine + "\n";
  const footer = footerStart(text, reading);
  const ignored = text.length - footer;
  let msg = text;
  let completed = "";
  if (!ignored && msg.length > 0 && !msg.endsWith("\n")) { completed = "\n"; msg += "\n"; }
  const len = msg.length - ignored;
  let hasFooter: 0 | 1 | 2 | 3;
  if (len === sob.length && msg.startsWith(sob)) hasFooter = 3;
  else {
    const block = findTrailerBlock(msg, reading, len);
    if (!block) hasFooter = 0;
    else {
      hasFooter = 1;
      block.entries.forEach((e, i) => {
        if (e.text.startsWith(sob)) hasFooter = i === block.entries.length - 1 ? 3 : 2;
      });
    }
  }
  if (hasFooter === 3) return undefined;
  let newlines = "";
  if (!hasFooter) {
    if (len === 0) newlines = "\n\n";
    else if (len === 1) newlines = "\n";
    else if (msg[len - 2] !== "\n") newlines = "\n";
  }
  const newText = (completed + newlines + sob).replace(/\n/g, eol);
  return { offset: footer, newText };
}
