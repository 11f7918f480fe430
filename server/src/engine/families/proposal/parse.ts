/**
 * The proposal family's single parse: the document's outline (scan.ts), the template that
 * applies (template.ts), and which heading stands for which template section (match.ts).
 * Every rule reads this; none parses again.
 */
import type { RuleContext, SourceDocument } from "../../types";
import { proseText, scanOutline, type Heading, type Outline } from "./scan";
import { isMetadataHeading, matchQuality, sectionKey, type MatchQuality } from "./match";
import { templateFor, type ProposalTemplate, type TemplateSection } from "./template";

export interface SectionMatch {
  section: TemplateSection;
  heading: Heading;
  quality: MatchQuality;
}

export interface ParsedProposal {
  document: SourceDocument;
  lines: string[];
  outline: Outline;
  template: ProposalTemplate;
  /** The document's title: its first H1 (unless that H1 is itself a template section). */
  title: Heading | undefined;
  /** Per template section (same index): the heading that stands for it. */
  matches: (SectionMatch | undefined)[];
  /** Heading index → template section index. */
  sectionOfHeading: Map<number, number>;
  /** Keys of the headings (same index as outline.headings). */
  keys: string[];
  /** Required (non-optional) sections of the template and how many the document has. */
  required: TemplateSection[];
  requiredFound: number;
  /** False for a document that has almost none of the template and reads like no proposal (rules/not-a-proposal.ts). */
  looksLikeProposal: boolean;
}

/** Tolerance for a renamed heading: within this many levels of the template's level. Exact names match at any level. */
const RENAMED_LEVEL_TOLERANCE = 1;

export function parseProposal(doc: SourceDocument, ctx: Pick<RuleContext, "document" | "workspace" | "settings">): ParsedProposal {
  const outline = scanOutline(doc.text);
  const template = templateFor(ctx);
  return analyzeOutline(doc, outline, template);
}

export function analyzeOutline(document: SourceDocument, outline: Outline, template: ProposalTemplate): ParsedProposal {
  const { headings } = outline;
  const keys = headings.map((h) => sectionKey(h.text));
  const topKeys = new Set(template.sections.filter((s) => s.parent === -1).map((s) => s.key));
  const firstH1 = headings.find((h) => h.level === 1);
  const title = firstH1 && !topKeys.has(keys[firstH1.index]) ? firstH1 : undefined;

  const matches: (SectionMatch | undefined)[] = template.sections.map(() => undefined);
  const used = new Set<number>();
  if (title) used.add(title.index);
  headings.forEach((h, i) => { if (isMetadataHeading(keys[i])) used.add(i); });

  for (const pass of ["exact", "renamed"] as const) {
    for (const section of template.sections) {
      if (matches[section.index]) continue;
      const parent = section.parent >= 0 ? matches[section.parent]?.heading : undefined;
      let best: Heading | undefined;
      let bestScore = Infinity;
      for (const h of headings) {
        if (used.has(h.index) || matchQuality(keys[h.index], section.key) !== pass) continue;
        const levelOff = Math.abs(h.level - section.level);
        if (pass === "renamed" && levelOff > RENAMED_LEVEL_TOLERANCE) continue;
        // Prefer a heading inside its parent's block, then the expected level, then the first.
        const outside = parent && !isInside(headings, h, parent) ? 100 : 0;
        const score = outside + levelOff;
        if (score < bestScore) { best = h; bestScore = score; }
      }
      if (best) {
        used.add(best.index);
        matches[section.index] = { section, heading: best, quality: pass };
      }
    }
  }
  const sectionOfHeading = new Map<number, number>();
  for (const m of matches) if (m) sectionOfHeading.set(m.heading.index, m.section.index);

  const required = template.sections.filter((s) => !s.optional);
  const requiredFound = required.filter((s) => matches[s.index]).length;
  const looksLikeProposal = required.length === 0 || requiredFound > Math.floor(required.length / 4) || hasProposalSignal(outline, title, keys);
  return { document, lines: outline.lines, outline, template, title, matches, sectionOfHeading, keys, required, requiredFound, looksLikeProposal };
}

/** Whether heading `h` lies in the block of heading `parent` (after it, before any heading of its level or higher). */
export function isInside(headings: readonly Heading[], h: Heading, parent: Heading): boolean {
  if (h.index <= parent.index || h.level <= parent.level) return false;
  for (let i = parent.index + 1; i < h.index; i++) if (headings[i].level <= parent.level) return false;
  return true;
}

/** First line after the block of a heading: the next heading of the same or a higher level, else the end. */
export function blockEnd(outline: Outline, h: Heading): number {
  for (let i = h.index + 1; i < outline.headings.length; i++) if (outline.headings[i].level <= h.level) return outline.headings[i].line;
  return outline.lineCount;
}

/** The heading a heading sits under, if any. */
export function enclosing(headings: readonly Heading[], h: Heading): Heading | undefined {
  for (let i = h.index - 1; i >= 0; i--) if (headings[i].level < h.level) return headings[i];
  return undefined;
}

const PROPOSAL_WORDING = /\b(?:(?:this|the|our|my) proposal|we propose|i propose|proposes|propose to)\b/i;
const METADATA_LINE = /^[ \t]*(?:\*\*|__)?(?:status|authors?|author\(s\))(?:\*\*|__)?[ \t]*:/im;

/**
 * Whether a document with almost none of the template's sections still says it is a proposal:
 * "proposal" in its title, a Status/Proposal Status heading, Status:/Authors: metadata lines, or
 * wording such as "this proposal" / "we propose" in its prose (link targets and URLs aside).
 */
function hasProposalSignal(outline: Outline, title: Heading | undefined, keys: readonly string[]): boolean {
  if (title && /\bproposal\b/i.test(title.text)) return true;
  if (keys.some(isMetadataHeading)) return true;
  const prose = proseText(outline).replace(/\]\([^)]*\)/g, "]").replace(/\b(?:https?|ftp):\/\/\S+/g, " ");
  return METADATA_LINE.test(prose) || PROPOSAL_WORDING.test(prose);
}
