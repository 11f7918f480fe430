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
import { isFlagForm } from "./recognisers/go-flag";
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
