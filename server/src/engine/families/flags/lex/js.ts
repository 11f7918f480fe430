import { Tokens, TOKEN, cComment } from "./tokens";
const { IDENT, STRING, NUMBER, PUNCT } = TOKEN;

function isIdentStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || c === 36 || c > 127;
}
function isIdentPart(c: number): boolean {
  return isIdentStart(c) || (c >= 48 && c <= 57);
}
/** After these keywords a `/` starts a regular expression, not a division. */
const REGEX_AFTER_WORD = new Set(["return", "typeof", "instanceof", "in", "of", "new", "delete", "void", "throw", "case", "do", "else", "yield", "await"]);

/**
 * JavaScript/TypeScript tokens: identifiers, '…', "…" and `template` literals (STRING; a
 * template's ${…} parts are skipped with their nesting), regular expression literals (skipped),
 * numbers and punctuation; `//` and block comments go to the comment arrays. Never throws.
 */
export function lexJs(text: string, pooled = false): Tokens {
  const t = new Tokens(text, pooled);
  const len = text.length;
  let i = 0, line = 0;
  const regexAllowed = (): boolean => {
    if (t.n === 0) return true;
    const last = t.n - 1;
    const ty = t.type[last];
    if (ty === NUMBER || ty === STRING) return false;
    if (ty === IDENT) return REGEX_AFTER_WORD.has(t.text_(last));
    const ch = text.charCodeAt(t.start[last]);
    return !(ch === 41 || ch === 93 || ch === 125);
  };
  /** Skips a template literal starting at the backtick at j; returns the index after it. */
  const template = (j: number): number => {
    j++;
    while (j < len) {
      const d = text.charCodeAt(j);
      if (d === 92) { j += 2; continue; }
      if (d === 10) { line++; j++; continue; }
      if (d === 96) return j + 1;
      if (d === 36 && text.charCodeAt(j + 1) === 123) {
        j += 2;
        let depth = 1;
        while (j < len && depth > 0) {
          const e = text.charCodeAt(j);
          if (e === 123) depth++;
          else if (e === 125) depth--;
          else if (e === 10) line++;
          else if (e === 96) { j = template(j); continue; }
          else if (e === 34 || e === 39) { j = quoted(j); continue; }
          j++;
        }
        continue;
      }
      j++;
    }
    return len;
  };
  const quoted = (j: number): number => {
    const q = text.charCodeAt(j);
    j++;
    while (j < len) {
      const d = text.charCodeAt(j);
      if (d === 92) { j += 2; continue; }
      if (d === q) return j + 1;
      if (d === 10) return j;
      j++;
    }
    return len;
  };
  while (i < len) {
    const c = text.charCodeAt(i);
    if (c === 10) { line++; i++; continue; }
    if (c === 32 || c === 9 || c === 13 || c === 12) { i++; continue; }
    if (c === 47) {
      const cm = cComment(t, i, line);
      if (cm) { i = cm.next; line = cm.line; continue; }
      if (regexAllowed()) {
        let j = i + 1, cls = false;
        while (j < len) {
          const e = text.charCodeAt(j);
          if (e === 92) { j += 2; continue; }
          if (e === 10) break;
          if (e === 91) cls = true;
          else if (e === 93) cls = false;
          else if (e === 47 && !cls) { j++; break; }
          j++;
        }
        while (j < len && isIdentPart(text.charCodeAt(j))) j++;
        t.push(NUMBER, i, j, line); // a regex is a value, like a number: never a name or a help text
        i = j;
        continue;
      }
    }
    if (isIdentStart(c)) {
      let j = i + 1;
      while (j < len && isIdentPart(text.charCodeAt(j))) j++;
      t.push(IDENT, i, j, line);
      i = j;
      continue;
    }
    if ((c >= 48 && c <= 57) || (c === 46 && text.charCodeAt(i + 1) >= 48 && text.charCodeAt(i + 1) <= 57)) {
      let j = i + 1;
      while (j < len && (isIdentPart(text.charCodeAt(j)) || text.charCodeAt(j) === 46)) j++;
      t.push(NUMBER, i, j, line);
      i = j;
      continue;
    }
    if (c === 34 || c === 39) {
      const j = quoted(i);
      t.push(STRING, i, j, line);
      i = j;
      continue;
    }
    if (c === 96) {
      const startLine = line;
      const j = template(i);
      t.push(STRING, i, j, startLine);
      i = j;
      continue;
    }
    t.push(PUNCT, i, i + 1, line);
    i++;
  }
  t.lineCount = line + 1;
  return t;
}

/** The value of a JS string token; a template keeps its ${…} parts as written. */
export function jsStringValue(raw: string): string {
  const body = raw.slice(1, raw.length > 1 && raw.endsWith(raw[0]) ? -1 : undefined);
  return body.replace(/\\(["'`\\])/g, "$1");
}
