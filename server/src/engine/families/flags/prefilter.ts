/**
 * The check before any parsing: can this file declare an experimental flag at all? Most source
 * files of a repository cannot, and a workspace scan or a CI run over tens of thousands of them
 * should not pay a lexer and every recogniser to learn that.
 *
 * Every way a declaration becomes experimental needs one of these spellings in some file's text:
 * `experimental` in a name or identifier, an evidence word in a help text or comment, or a
 * `PreRelease` stage (Kubernetes feature gates). They are searched as plain substrings, case
 * ignored, without the word boundaries evidence.ts applies, so comment markers and string
 * escapes cannot hide one; a phrase is searched by its longest word. Only Go takes a flag's name
 * or a gate's comment from another file (a constant of the package), so a Go file that passes
 * no bare identifier as a name to a declaring call is the only kind this check can settle alone.
 * Not seen: a word split over concatenated literals ("exper" + "imental").
 */
import { TOKEN, type Tokens } from "./lex/tokens";
const { IDENT, PUNCT } = TOKEN;
import { flagFormNames, isFlagForm } from "./recognisers/go-flag";
import { hasEnv, isEnvCallee } from "./recognisers/go-env";
import { escapeRegExp, longestParts } from "./evidence";

const patterns = new WeakMap<readonly string[], RegExp>();

function pattern(words: readonly string[]): RegExp {
  let re = patterns.get(words);
  if (!re) {
    const parts = new Set(["experimental", "prerelease", ...longestParts(words)]);
    re = new RegExp([...parts].map(escapeRegExp).join("|"), "i");
    patterns.set(words, re);
  }
  return re;
}

/** False only when no spelling that could make a declaration experimental occurs in the text. */
export function saysExperimental(text: string, words: readonly string[]): boolean {
  return pattern(words).test(text);
}

/**
 * A call that may name a flag: a flag form or RegisterFeatureGate followed by `(` (or by a
 * comment, which hides whether one follows), or "env" anywhere (every environment reader has it).
 */
let callees: RegExp | undefined;
function calleePattern(): RegExp {
  return (callees ??= new RegExp(`([Ee][Nn][Vv])|\\b(?:${[...flagFormNames(), "RegisterFeatureGate"].join("|")})(?=\\s*[(/])`, "g"));
}

const isGoSpace = (c: number) => c === 32 || c === 9 || c === 13 || c === 12 || c === 10;
/** A character that begins an identifier token (lex/go.ts) or a comment that may hide one. */
const mayBeIdent = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || c > 127 || c === 47 || Number.isNaN(c);

/**
 * Where the argument that starts at `i` ends: the index of its `,` or `)`, or -1 when it holds
 * something this scan does not follow (brackets, runes, comments), so the caller must lex.
 */
function argumentEnd(text: string, i: number): number {
  for (; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 44 || c === 41) return i;
    if (c === 34) {
      for (i++; i < text.length; i++) {
        const d = text.charCodeAt(i);
        if (d === 92) i++;
        else if (d === 34) break;
        else if (d === 10) return -1;
      }
    } else if (c === 96) {
      i = text.indexOf("`", i + 1);
      if (i === -1) return -1;
    } else if (c === 40 || c === 91 || c === 123 || c === 93 || c === 125 || c === 39 || c === 47) {
      return -1;
    }
  }
  return -1;
}

/**
 * False only when namesFromElsewhere(lexGo(text)) is surely false, read from the text without
 * lexing it: every declaring call found has no argument, or a first argument and (after a comma)
 * a second that begin with a literal or punctuation, as `time.Duration(30)` or
 * `fs.BoolVar(&o.X, "x", ...)`. Most Go files of a repository are settled so, and lexing them
 * cost more than the pre-check itself (measured: 0.7 s of CPU over 20,000 Go files).
 */
export function mayNameFromElsewhere(text: string): boolean {
  const re = calleePattern();
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m[1] !== undefined) return true;
    let i = re.lastIndex;
    while (isGoSpace(text.charCodeAt(i))) i++;
    if (text.charCodeAt(i) !== 40) return true; // a comment between the name and its parenthesis
    i++;
    while (isGoSpace(text.charCodeAt(i))) i++;
    const first = text.charCodeAt(i);
    if (first === 41) continue;
    if (mayBeIdent(first)) return true;
    const end = argumentEnd(text, i);
    if (end === -1) return true;
    if (text.charCodeAt(end) === 41) continue;
    i = end + 1;
    while (isGoSpace(text.charCodeAt(i))) i++;
    if (mayBeIdent(text.charCodeAt(i))) return true;
  }
  return false;
}

/**
 * Whether a Go file passes a bare identifier (a constant, possibly `pkg.Name`) where a declaring
 * call takes its name: a flag form, an environment read, RegisterFeatureGate. Such a name may
 * come from another file that does say experimental.
 */
export function namesFromElsewhere(t: Tokens): boolean {
  const { type, start, end, text } = t;
  for (let i = 0; i < t.n - 1; i++) {
    if (type[i] !== IDENT || type[i + 1] !== PUNCT || text.charCodeAt(start[i + 1]) !== 40 /* ( */) continue;
    // Flag forms and RegisterFeatureGate are exported names of at most 19 letters; environment
    // readers have "env" in their name: skip every other call without slicing its name.
    const initial = text.charCodeAt(start[i]);
    if (!(initial >= 65 && initial <= 90 && end[i] - start[i] <= 19) && !hasEnv(text, start[i], end[i])) continue;
    const callee = t.text_(i);
    if (callee !== "RegisterFeatureGate" && !isFlagForm(callee) && !isEnvCallee(callee)) continue;
    // The name is the first or (after a pointer) the second argument.
    const args = t.args(i + 1);
    for (const [s, e] of args.slice(0, 2)) {
      const first = t.significant(s, e);
      if (first < e && type[first] === IDENT) return true;
    }
  }
  return false;
}
