/**
 * Proposal file names. CONTRIBUTING.md asks for "a descriptive name (e.g.,
 * docs/proposals/disaggregated_serving.md)"; real llm-d proposals use kebab-case as often, so both
 * count as descriptive. Not descriptive: generic names (proposal.md, draft2.md, untitled.md),
 * spaces, upper case.
 */

/** Words that say nothing about what a proposal is about. */
const GENERIC_WORDS = new Set([
  "proposal", "proposals", "draft", "drafts", "untitled", "new", "my", "test", "tmp", "temp", "doc", "docs", "document",
  "notes", "note", "foo", "bar", "example", "sample", "copy", "of", "template", "rfc", "kep", "design", "wip", "file",
  "spec", "idea", "ideas", "final", "old", "version", "v", "todo", "a", "the", "title", "name", "index", "readme",
]);

/** Why a file's base name (without extension) is not descriptive, or undefined when it is fine. */
export function nameProblem(base: string): string | undefined {
  const reasons: string[] = [];
  const words = base.toLowerCase().split(/[^a-z0-9]+/).filter(Boolean).map((w) => w.replace(/\d+$/, "")).filter((w) => w !== "" && !/^v$/.test(w));
  if (words.length === 0 || words.every((w) => GENERIC_WORDS.has(w))) reasons.push("a generic name that says nothing about the proposal");
  if (/\s/.test(base)) reasons.push("spaces");
  if (/[A-Z]/.test(base)) reasons.push("upper case");
  return reasons.length ? reasons.join(", ") : undefined;
}

const TITLE_PREFIX = /^(?:proposal|rfc|kep|design(?: doc(?:ument)?)?)\s*[:\-–—]\s*/i;

/**
 * A snake_case file name (without ".md") made from a proposal title: "Proposal: Disaggregated
 * Serving" → "disaggregated_serving". Empty when the title has no letters or digits.
 */
export function snakeName(title: string, maxLength = 60): string {
  const words = title.replace(TITLE_PREFIX, "").normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase()
    .split(/[^a-z0-9]+/).filter(Boolean);
  let out = "";
  for (const w of words) {
    const next = out ? `${out}_${w}` : w;
    if (next.length > maxLength && out) break;
    out = next.slice(0, maxLength);
  }
  return out;
}
