/**
 * Where things are in a parsed proposal, shared by rules, fixes and editor features: ranges of
 * headings, where a missing section belongs and at which level, and a section's markdown.
 */
import type { Position, Range, TextEdit } from "../../types";
import type { Heading } from "./scan";
import { blockEnd, isInside, type ParsedProposal } from "./parse";
import { templateLabel, type TemplateSection } from "./template";

/** The heading's text on its line (the whole line when the heading is empty). */
export function headingRange(p: ParsedProposal, h: Heading): Range {
  if (h.textEnd > h.textStart) return { start: { line: h.line, character: h.textStart }, end: { line: h.line, character: h.textEnd } };
  return lineRange(p, h.line);
}

export function lineRange(p: ParsedProposal, line: number): Range {
  const l = Math.max(0, Math.min(line, p.lines.length - 1));
  return { start: { line: l, character: 0 }, end: { line: l, character: (p.lines[l] ?? "").length } };
}

/** Where findings about the whole document go: the title, else the first heading, else the first line. */
export function documentAnchor(p: ParsedProposal): Range {
  const h = p.title ?? p.outline.headings[0];
  return h ? headingRange(p, h) : lineRange(p, p.outline.bodyStart);
}

/** "## Design Details" as the template writes it. */
export function templateHeading(s: TemplateSection): string {
  return `${"#".repeat(s.level)} ${s.heading}`;
}

export function label(p: ParsedProposal): string {
  return templateLabel(p.template);
}

/** The headings in the block of `h` (its subsections, at any depth). */
export function blockHeadings(p: ParsedProposal, h: Heading): Heading[] {
  const out: Heading[] = [];
  for (let i = h.index + 1; i < p.outline.headings.length && p.outline.headings[i].level > h.level; i++) out.push(p.outline.headings[i]);
  return out;
}

/** The level a section should get in this document: under its parent's heading, else like its matched siblings, else the template's. */
export function levelFor(p: ParsedProposal, s: TemplateSection): number {
  const parent = s.parent >= 0 ? p.matches[s.parent] : undefined;
  let level = s.level;
  if (parent) level = parent.heading.level + (s.level - parent.section.level);
  else {
    const sibling = p.matches.find((m) => m && m.section.parent === s.parent && m.section.index !== s.index);
    if (sibling) level = sibling.heading.level + (s.level - sibling.section.level);
  }
  return Math.max(1, Math.min(6, level));
}

export interface Placement {
  /** Line the section's text is inserted at (before whatever is there). */
  line: number;
  /** How the message says where it goes, and the heading the finding is shown on. */
  where: string;
  anchor: Heading | undefined;
}

/** Where a missing section belongs: inside its parent, before the next template section present, or after the previous one. */
export function placement(p: ParsedProposal, s: TemplateSection): Placement {
  const { sections } = p.template;
  const parent = s.parent >= 0 ? p.matches[s.parent] : undefined;
  if (parent) {
    for (let t = s.index + 1; t < sections.length; t++) {
      const m = p.matches[t];
      if (m && isInside(p.outline.headings, m.heading, parent.heading)) return { line: m.heading.line, where: `inside "${parent.heading.text}", before "${m.heading.text}"`, anchor: parent.heading };
    }
    return { line: blockEnd(p.outline, parent.heading), where: `inside "${parent.heading.text}"`, anchor: parent.heading };
  }
  // Before the next template section present (its own subsections included: a missing Motivation goes before Goals).
  for (let t = s.index + 1; t < sections.length; t++) {
    const m = p.matches[t];
    if (m) return { line: m.heading.line, where: `before "${m.heading.text}"`, anchor: m.heading };
  }
  for (let t = s.index - 1; t >= 0; t--) {
    const m = p.matches[t];
    if (m && sections[t].parent === s.parent) return { line: blockEnd(p.outline, m.heading), where: `after "${m.heading.text}"`, anchor: m.heading };
  }
  return { line: p.outline.lineCount, where: "at the end", anchor: p.title };
}

/** The markdown of a section as the template has it: heading at `level` and its guidance comment. */
export function sectionMarkdown(s: TemplateSection, level: number): string {
  return `${"#".repeat(level)} ${s.heading}\n\n${s.guidance ? s.guidance + "\n\n" : ""}`;
}

/**
 * An edit inserting section markdown at the start of `line`, with blank lines around it; at the
 * end of a document that ends inside a code fence or comment, after the line closing it.
 * Undefined when the document ends in an HTML block nothing known closes.
 */
export function insertAt(p: ParsedProposal, line: number, markdown: string): TextEdit | undefined {
  const lines = p.lines;
  if (line >= lines.length) {
    // At the end of the document: after the last line, separated by one blank line.
    const close = p.outline.closeAtEnd;
    if (close === undefined) return undefined;
    const last = lines.length - 1;
    const lastText = lines[last] ?? "";
    const pos: Position = { line: last, character: lastText.length };
    if (close !== "") return { range: { start: pos, end: pos }, newText: `${lastText === "" ? "" : "\n"}${close}\n\n${markdown.replace(/\n+$/, "\n")}` };
    const lead = lastText === "" ? (last > 0 && lines[last - 1] !== "" ? "\n" : "") : "\n\n";
    return { range: { start: pos, end: pos }, newText: lead + markdown.replace(/\n+$/, "\n") };
  }
  const before = line > 0 ? lines[line - 1] : "";
  const lead = line > 0 && before.trim() !== "" ? "\n" : "";
  const pos: Position = { line, character: 0 };
  return { range: { start: pos, end: pos }, newText: lead + markdown };
}

/** Whether a heading is one of the template's numbered example headings ("Story 3" for "#### Story 1"). */
export function isStub(p: ParsedProposal, h: Heading): boolean {
  if (h === p.title || p.sectionOfHeading.has(h.index) || p.template.stubs.length === 0) return false;
  const key = p.keys[h.index];
  return p.template.stubs.some((s) => s.pattern.test(key));
}
