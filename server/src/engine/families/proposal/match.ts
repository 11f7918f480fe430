/**
 * Tolerant matching of a proposal's headings to the template's sections, as real llm-d
 * proposals need (specs/proposals.md §4): case, numbering ("2. Motivation"), punctuation,
 * plural/singular, a trailing "(Optional)", a suffix ("Alternatives Considered",
 * "Non-Goals (for this proposal)") and known synonyms ("Background" for Motivation, "TL;DR" for
 * Summary, "Design" for Design Details...). Status headings are never sections.
 */

/** "2. ", "1.1 ", "B.1 ", "a) ", "iv. ": numbering before a heading's words. */
const NUMBERING = /^(?:\d+(?:\.\d+)*\.?|[a-z]\.\d+(?:\.\d+)*\.?|[a-z][.)]|(?:i{1,3}|iv|vi{0,3}|ix|x)[.)])\s+(?=\S)/;

/** Words whose final "s" is not a plural. */
const NOT_PLURAL = /(ss|us|is|ous)$/;

/**
 * The comparable form of a heading: lower case, no numbering, no "(Optional)", punctuation and
 * emoji as spaces, each word singular. "2. Non-Goals (Optional)" → "non goal".
 */
export function sectionKey(text: string): string {
  let t = text.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  t = t.replace(/[([]\s*optional\s*[)\]]/g, " ");
  t = t.trim().replace(NUMBERING, "");
  const words = t.replace(/[^a-z0-9]+/g, " ").trim().split(" ").filter(Boolean);
  return words.map(singular).join(" ");
}

function singular(w: string): string {
  if (w.length > 4 && w.endsWith("ies")) return w.slice(0, -3) + "y";
  if (w.length > 3 && w.endsWith("s") && !NOT_PLURAL.test(w)) return w.slice(0, -1);
  return w;
}

interface Synonyms {
  /** Keys that mean this section when they are the whole heading. */
  exact: string[];
  /** Keys that mean this section when the heading starts with them ("alternative considered"). */
  prefix: string[];
}

/**
 * Other names real proposals give the template's sections, by the section's key. Only whole
 * headings or clear prefixes: "Design Principles", "Options Considered", "Proposed
 * architecture" and "The problem" stay unmatched, as the corpus MANIFEST expects.
 */
export const SYNONYMS: Readonly<Record<string, Synonyms>> = {
  "summary": { exact: ["tl dr", "tldr", "overview", "abstract", "executive summary"], prefix: [] },
  "motivation": { exact: ["background", "problem statement", "problem", "background and motivation", "motivation and background"], prefix: ["problem statement"] },
  "goal": { exact: ["objective", "core goal"], prefix: ["core goal"] },
  "non goal": { exact: ["nongoal", "out of scope"], prefix: ["explicit non goal"] },
  "proposal": { exact: ["proposed solution", "proposed approach", "proposed change", "the proposal", "our proposal"], prefix: ["proposed solution"] },
  "user story": { exact: ["use case", "user journey", "critical user journey", "cuj", "example use case"], prefix: ["example user story"] },
  "design detail": { exact: ["design", "detailed design", "technical design", "design proposal", "design option", "implementation detail"], prefix: ["detailed design"] },
  "alternative": { exact: ["rejected alternative", "considered alternative", "alternative approach", "alternative solution"], prefix: [] },
};

/** Headings that are metadata, never a section ("Status", "Proposal Status", "Status: Accepted"). */
export function isMetadataHeading(key: string): boolean {
  return key === "status" || key.startsWith("status ") || key === "proposal status" || key === "table of content" || key === "toc";
}

export type MatchQuality = "exact" | "renamed";

/**
 * How a heading (its key) names a template section (its key): "exact" (same words once
 * normalized), "renamed" (a synonym, or the section's name followed by more words), or undefined.
 */
export function matchQuality(headingKey: string, sectionKeyValue: string): MatchQuality | undefined {
  if (headingKey === "" || isMetadataHeading(headingKey)) return undefined;
  if (headingKey === sectionKeyValue) return "exact";
  if (headingKey.startsWith(sectionKeyValue + " ")) return "renamed";
  const syn = SYNONYMS[sectionKeyValue];
  if (!syn) return undefined;
  if (syn.exact.includes(headingKey)) return "renamed";
  if (syn.prefix.some((p) => headingKey === p || headingKey.startsWith(p + " "))) return "renamed";
  return undefined;
}
