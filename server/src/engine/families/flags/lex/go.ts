import { Tokens, TOKEN, cComment } from "./tokens";
const { IDENT, STRING, NUMBER, PUNCT } = TOKEN;

function isIdentStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || c > 127;
}
function isIdentPart(c: number): boolean {
  return isIdentStart(c) || (c >= 48 && c <= 57);
}

/**
 * Go tokens: identifiers, "interpreted", `raw` and 'rune' literals (all STRING), numbers and
 * single-character punctuation; `//` and block comments go to the comment arrays.
 * Never throws; an unterminated literal or comment runs to the end of its line / the file.
 */
export function lexGo(text: string, pooled = false): Tokens {
  const t = new Tokens(text, pooled);
  const len = text.length;
  let i = 0, line = 0;
  while (i < len) {
    const c = text.charCodeAt(i);
    if (c === 10) { line++; i++; continue; }
    if (c === 32 || c === 9 || c === 13 || c === 12) { i++; continue; }
    if (c === 47) {
      const cm = cComment(t, i, line);
      if (cm) { i = cm.next; line = cm.line; continue; }
    }
    if (isIdentStart(c)) {
      let j = i + 1;
      while (j < len && isIdentPart(text.charCodeAt(j))) j++;
      t.push(IDENT, i, j, line);
      i = j;
      continue;
    }
    if (c >= 48 && c <= 57 || (c === 46 && i + 1 < len && text.charCodeAt(i + 1) >= 48 && text.charCodeAt(i + 1) <= 57)) {
      let j = i + 1;
      while (j < len) {
        const d = text.charCodeAt(j);
        if (isIdentPart(d) || d === 46) { j++; continue; }
        if ((d === 43 || d === 45) && /[eEpP]/.test(text[j - 1]) && !/^0[xX][0-9a-fA-F]*[eE]$/.test(text.slice(i, j))) { j++; continue; }
        break;
      }
      t.push(NUMBER, i, j, line);
      i = j;
      continue;
    }
    if (c === 34 || c === 39) {
      let j = i + 1;
      while (j < len) {
        const d = text.charCodeAt(j);
        if (d === 92) { j += 2; continue; }
        if (d === c) { j++; break; }
        if (d === 10) break;
        j++;
      }
      t.push(STRING, i, Math.min(j, len), line);
      i = j;
      continue;
    }
    if (c === 96) {
      let j = text.indexOf("`", i + 1);
      j = j === -1 ? len : j + 1;
      const startLine = line;
      for (let k = i; k < j; k++) if (text.charCodeAt(k) === 10) line++;
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

/** The value of a Go string literal token ("a\"b", `raw`, 'r'), unescaped as far as flags need. */
export function goStringValue(raw: string): string {
  if (raw.startsWith("`")) return raw.slice(1, raw.endsWith("`") && raw.length > 1 ? -1 : undefined);
  const body = raw.slice(1, raw.length > 1 && raw.endsWith(raw[0]) ? -1 : undefined);
  if (!body.includes("\\")) return body;
  return body.replace(/\\(["'\\nt])/g, (_, ch: string) => (ch === "n" ? "\n" : ch === "t" ? "\t" : ch));
}
