import { Tokens, TOKEN } from "./tokens";
const { IDENT, STRING, NUMBER, PUNCT, NEWLINE } = TOKEN;

function isIdentStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || c > 127;
}
function isIdentPart(c: number): boolean {
  return isIdentStart(c) || (c >= 48 && c <= 57);
}
const PREFIX = /^(r|u|b|f|br|rb|fr|rf|t|tr|rt)$/i;

/**
 * Python tokens: names, strings (any prefix, single or triple quoted, all STRING), numbers,
 * punctuation, and NEWLINE at the end of each logical line (not inside brackets, not after `\`).
 * `#` comments go to the comment arrays. Never throws.
 */
export function lexPython(text: string, pooled = false): Tokens {
  const t = new Tokens(text, pooled);
  const len = text.length;
  let i = 0, line = 0, depth = 0;
  const newline = () => {
    if (depth === 0 && t.n > 0 && t.type[t.n - 1] !== NEWLINE) t.push(NEWLINE, i, i, line);
  };
  while (i < len) {
    const c = text.charCodeAt(i);
    if (c === 10) { newline(); line++; i++; continue; }
    if (c === 32 || c === 9 || c === 13 || c === 12) { i++; continue; }
    if (c === 92 && text.charCodeAt(i + 1) === 10) { i += 2; line++; continue; }
    if (c === 92 && text.charCodeAt(i + 1) === 13 && text.charCodeAt(i + 2) === 10) { i += 3; line++; continue; }
    if (c === 35) {
      let j = text.indexOf("\n", i);
      if (j === -1) j = len;
      t.comment(i, j > i && text.charCodeAt(j - 1) === 13 ? j - 1 : j, line, line);
      i = j;
      continue;
    }
    let q = -1;
    let s = i;
    if (c === 34 || c === 39) q = i;
    else if (isIdentStart(c)) {
      let j = i + 1;
      while (j < len && isIdentPart(text.charCodeAt(j))) j++;
      const nc = text.charCodeAt(j);
      if ((nc === 34 || nc === 39) && j - i <= 2 && PREFIX.test(text.slice(i, j))) q = j;
      else { t.push(IDENT, i, j, line); i = j; continue; }
    }
    if (q !== -1) {
      const quote = text.charCodeAt(q);
      const triple = text.charCodeAt(q + 1) === quote && text.charCodeAt(q + 2) === quote;
      const raw = q > s && /r/i.test(text.slice(s, q));
      let j = q + (triple ? 3 : 1);
      const startLine = line;
      while (j < len) {
        const d = text.charCodeAt(j);
        if (d === 92) { if (text.charCodeAt(j + 1) === 10) line++; j += raw ? (text.charCodeAt(j + 1) === quote || text.charCodeAt(j + 1) === 92 ? 2 : 1) : 2; continue; }
        if (d === 10) { if (!triple) break; line++; j++; continue; }
        if (d === quote) {
          if (!triple) { j++; break; }
          if (text.charCodeAt(j + 1) === quote && text.charCodeAt(j + 2) === quote) { j += 3; break; }
        }
        j++;
      }
      t.push(STRING, s, Math.min(j, len), startLine);
      i = j;
      continue;
    }
    if ((c >= 48 && c <= 57) || (c === 46 && text.charCodeAt(i + 1) >= 48 && text.charCodeAt(i + 1) <= 57)) {
      let j = i + 1;
      while (j < len) {
        const d = text.charCodeAt(j);
        if (isIdentPart(d) || d === 46) { j++; continue; }
        if ((d === 43 || d === 45) && (text.charCodeAt(j - 1) === 101 || text.charCodeAt(j - 1) === 69) && !/^0[xX]/.test(text.slice(i, i + 2))) { j++; continue; }
        break;
      }
      t.push(NUMBER, i, j, line);
      i = j;
      continue;
    }
    if (c === 40 || c === 91 || c === 123) depth++;
    else if ((c === 41 || c === 93 || c === 125) && depth > 0) depth--;
    t.push(PUNCT, i, i + 1, line);
    i++;
  }
  newline();
  t.lineCount = line + 1;
  return t;
}

/** The value of a Python string literal token (prefix and quotes removed; escapes kept as written but \" \' unescaped). */
export function pyStringValue(raw: string): string {
  let k = 0;
  while (k < raw.length && raw[k] !== "'" && raw[k] !== '"') k++;
  const body = raw.slice(k);
  const q = body.startsWith('"""') || body.startsWith("'''") ? 3 : 1;
  const inner = body.slice(q, body.length >= 2 * q ? body.length - q : body.length);
  return inner.replace(/\\(["'\\])/g, "$1");
}
