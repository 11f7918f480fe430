/**
 * What counts as "says experimental" in a help text or comment, and what counts as a name
 * that carries `experimental`. Both are deliberately narrow: see README.md (precision first).
 */

const cache = new Map<string, RegExp>();
const byArray = new WeakMap<readonly string[], RegExp>();

export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * One regex for the configured words. A word matches as a whole word, spaces in a phrase match
 * any run of spaces, `-` or `_`. A word glued to an identifier (`experimental-foo`,
 * `ENABLE_EXPERIMENTAL_X`, `v1alpha1`, `non-experimental`) is not a description and never matches.
 */
function wordsRegex(words: readonly string[]): RegExp {
  // Settings hand the same array to every call: look it up by identity before building a key.
  let re = byArray.get(words);
  if (re) return re;
  const key = words.join("\u0000");
  re = cache.get(key);
  if (re) byArray.set(words, re);
  else {
    const alts = [...words].sort((a, b) => b.length - a.length).map((w) => escapeRegExp(w.trim()).replace(/\s+/g, "[\\s_-]+"));
    re = new RegExp(`(?<![A-Za-z0-9_\\-./])(?:${alts.join("|")})(?![A-Za-z0-9_]|[-./][A-Za-z0-9_])`, "gi");
    cache.set(key, re);
    byArray.set(words, re);
  }
  return re;
}

const NEGATED = /(?:\bnot|\bno longer|\bnon|\bformerly|\bpreviously|\bwas|\bgraduated(?: from)?|\bpromoted from|\bout of|\bno more|\bleft)\s*(?:an?\s+)?(?:\w+\s+)?$/i;
/** "alpha" as a number, not as a maturity: an EWMA alpha, alpha channel, `alpha=0.5`. */
const ALPHA_NOT_STAGE = /^\s*(?:value|values|parameter|param|factor|coefficient|channel|blend\w*|smoothing|decay|weight|level of|of the|for the|\(?\s*[=:]\s*[-\d.(]|\d)/i;
const UNSTABLE_NOT_STATUS = /^\s*(?:network|networks|connection|connections|link|links|node|nodes|cluster|clusters|environment|environments|hardware|result|results|sort|ordering|output|gpus?|hosts?)\b/i;

export interface WordMatch { word: string; index: number }

const quick = new WeakMap<readonly string[], RegExp>();

/**
 * A cheap test that can only say no: whether the text contains the longest part of some word,
 * case ignored, with none of the boundary rules. Most help texts and comments say nothing of the
 * kind, and this spares them the full search (and the stripping of comment markers before it).
 */
export function mayMentionWord(text: string, words: readonly string[]): boolean {
  let re = quick.get(words);
  if (!re) {
    const parts = longestParts(words);
    re = parts.length > 0 ? new RegExp(parts.map(escapeRegExp).join("|"), "i") : /(?!)/;
    quick.set(words, re);
  }
  return re.test(text);
}

/**
 * One word of each configured word or phrase, lower-cased, that any match must contain: its
 * longest, unless the phrase holds a word already chosen for another ("technology preview" needs
 * nothing beyond "preview" of "tech preview"). Fewer words make the searches built from them faster.
 */
export function longestParts(words: readonly string[]): string[] {
  const phrases = words.map((w) => w.trim().toLowerCase().split(/[\s_-]+/).filter((p) => p !== ""))
    .filter((parts) => parts.length > 0)
    .sort((a, b) => a.length - b.length);
  const chosen = new Set<string>();
  for (const parts of phrases) {
    if (parts.some((p) => chosen.has(p))) continue;
    chosen.add(parts.reduce((a, b) => (b.length > a.length ? b : a)));
  }
  return [...chosen];
}

/**
 * The first configured evidence word in `text`, or undefined.
 * `ownName` is the declaration's own name: a flag named `smoothing-alpha` may say "alpha".
 */
export function findEvidenceWord(text: string, words: readonly string[], ownName = ""): WordMatch | undefined {
  if (!text || !mayMentionWord(text, words)) return undefined;
  const re = wordsRegex(words);
  re.lastIndex = 0;
  const lowerName = ownName.toLowerCase();
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const word = m[0];
    const lw = word.toLowerCase();
    const before = text.slice(Math.max(0, m.index - 40), m.index);
    const after = text.slice(m.index + word.length, m.index + word.length + 24);
    if (NEGATED.test(before)) continue;
    if (lw === "alpha" && (ALPHA_NOT_STAGE.test(after) || lowerName.includes("alpha"))) continue;
    if (lw === "unstable" && (UNSTABLE_NOT_STATUS.test(after) || lowerName.includes("unstable"))) continue;
    if (lw === "wip" && word !== "WIP") continue;
    return { word, index: m.index };
  }
  return undefined;
}

/** True when the name carries `experimental`, in any case and separator style. */
export function hasExperimentalName(name: string): boolean {
  return /experimental/i.test(name);
}

/**
 * The name with `experimental` added in the name's own style:
 * kebab `decode-chunk-size` → `experimental-decode-chunk-size`, snake → `experimental_x`,
 * SCREAMING → `EXPERIMENTAL_X`, camel `dataLayer` → `experimentalDataLayer`, Pascal → `ExperimentalX`;
 * an empty name stays empty (callers offer no rename then).
 */
export function experimentalName(name: string, singleWord: "-" | "_" | "camel" = "-"): string {
  // An empty name (`RegisterFeatureGate("")`) has no style to follow: no suggestion, no rename.
  if (name === "") return "";
  if (/^[A-Z0-9_]+$/.test(name) && /[A-Z]/.test(name)) return `EXPERIMENTAL_${name}`;
  if (name.includes("-")) return `experimental-${name}`;
  if (name.includes("_")) return `experimental_${name}`;
  if (/^[A-Z]/.test(name)) return `Experimental${name}`;
  if (/[A-Z]/.test(name) || singleWord === "camel") return `experimental${name[0].toUpperCase()}${name.slice(1)}`;
  return `experimental${singleWord}${name}`;
}

/** Boolean-like values: what each means as a default. */
export function switchState(value: string): "on" | "off" | undefined {
  const v = value.trim().toLowerCase();
  if (v === "true" || v === "on" || v === "enabled" || v === "enable" || v === "yes") return "on";
  if (v === "false" || v === "off" || v === "" || v === "disabled" || v === "disable" || v === "no" || v === "none" || v === "0") return "off";
  return undefined;
}

/** The "off" spelling matching an "on" literal's style (`true` → `false`, `"on"` → `"off"`). */
export function offSpelling(onText: string): string {
  const quote = /^["'`]/.test(onText) ? onText[0] : "";
  const inner = quote ? onText.slice(1, -1) : onText;
  const map: Record<string, string> = { true: "false", True: "False", TRUE: "FALSE", on: "off", On: "Off", ON: "OFF", enabled: "disabled", Enabled: "Disabled", yes: "no", Yes: "No", enable: "disable" };
  const off = map[inner] ?? "false";
  return quote + off + quote;
}
