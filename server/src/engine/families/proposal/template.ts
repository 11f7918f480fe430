/**
 * The required structure of a proposal, read from PROPOSAL_TEMPLATE.md with remark: its
 * headings (levels and nesting), which are optional, and the guidance comment under each.
 * The nearest template in the repository wins; without one, llm-d's own (builtinTemplate.ts).
 */
import { unified } from "unified";
import remarkParse from "remark-parse";
import type { Heading as MdHeading, Html, Root, RootContent } from "mdast";
import type { RuleContext } from "../../types";
import { BUILTIN_TEMPLATE_TEXT } from "./builtinTemplate";
import { sectionKey } from "./match";
import { configuredFolders, templateCandidates } from "./locate";

export { configuredFolders, templateCandidates };

export interface TemplateSection {
  /** Position in `ProposalTemplate.sections` (template order). */
  index: number;
  /** The heading without "(Optional)": "User Stories". */
  name: string;
  /** The heading as the template writes it: "User Stories (Optional)". */
  heading: string;
  level: number;
  /** Index of the enclosing section, or -1 for a top-level section (under the title). */
  parent: number;
  /** Marked "(Optional)", or inside an optional section. */
  optional: boolean;
  /** The template's guidance comments under the heading, verbatim ("<!--\n...\n-->"), or "". */
  guidance: string;
  key: string;
}

/** An empty numbered example heading of the template ("#### Story 1"): a placeholder, not a section. */
export interface TemplateStub { name: string; level: number; parent: number; pattern: RegExp }

export interface ProposalTemplate {
  /** Repository-relative path, or undefined for the built-in copy of llm-d's template. */
  relPath: string | undefined;
  /** The placeholder title ("Your short, descriptive title"), when the template has an H1. */
  title: string | undefined;
  sections: TemplateSection[];
  stubs: TemplateStub[];
}

const OPTIONAL = /[([]\s*optional\s*[)\]]/i;
const parser = unified().use(remarkParse);

function plain(node: RootContent | MdHeading): string {
  if ("value" in node && (node.type === "text" || node.type === "inlineCode")) return node.value;
  if (node.type === "image" || node.type === "imageReference") return node.alt ?? "";
  if ("children" in node) return (node.children as RootContent[]).map(plain).join("");
  return "";
}

function isComment(node: RootContent): node is Html {
  return node.type === "html" && /^\s*<!--[\s\S]*-->\s*$/.test(node.value);
}

/** Parses a template's text. Never throws; a template without headings has no sections. */
export function parseTemplate(text: string, relPath: string | undefined): ProposalTemplate {
  const tree = parser.parse(text) as Root;
  const sections: TemplateSection[] = [];
  const stubs: TemplateStub[] = [];
  let title: string | undefined;
  let sawHeading = false;
  /** Per heading in document order: its facts while we look at what follows it. */
  interface Pending { name: string; heading: string; level: number; guidance: string[]; content: boolean; children: number }
  const all: Pending[] = [];
  const parents: number[] = []; // index into `all` of the heading each heading sits under, -1 for none
  for (const node of tree.children) {
    if (node.type === "heading") {
      const heading = plain(node).replace(/\s+/g, " ").trim();
      if (!sawHeading && node.depth === 1) { title = heading; sawHeading = true; continue; }
      sawHeading = true;
      let parent = all.length - 1;
      while (parent >= 0 && all[parent].level >= node.depth) parent = parents[parent];
      if (parent >= 0) all[parent].children++;
      parents.push(parent);
      all.push({ name: heading.replace(OPTIONAL, "").replace(/\s+/g, " ").trim(), heading, level: node.depth, guidance: [], content: false, children: 0 });
      continue;
    }
    const last = all[all.length - 1];
    if (!last) continue;
    if (isComment(node)) last.guidance.push(node.value);
    else last.content = true;
  }
  // Sections and stubs, with parents re-indexed onto the sections list.
  const sectionIndexOf = new Map<number, number>();
  all.forEach((h, i) => {
    const parentSection = parents[i] >= 0 ? sectionIndexOf.get(parents[i]) ?? -1 : -1;
    const inheritedOptional = parentSection >= 0 && sections[parentSection].optional;
    const stub = !h.content && h.guidance.length === 0 && h.children === 0 && /\d+\s*$/.test(h.name);
    if (stub) {
      // Keys hold only [a-z0-9 ], so the stem needs no escaping: "Story 1" → /^story ?\d+$/.
      const pattern = new RegExp(`^${sectionKey(h.name).replace(/\d+$/, "").trim()} ?\\d+$`);
      stubs.push({ name: h.name, level: h.level, parent: parentSection, pattern });
      return;
    }
    sectionIndexOf.set(i, sections.length);
    sections.push({
      index: sections.length, name: h.name, heading: h.heading, level: h.level, parent: parentSection,
      optional: OPTIONAL.test(h.heading) || inheritedOptional, guidance: h.guidance.join("\n\n"), key: sectionKey(h.name),
    });
  });
  return { relPath, title, sections, stubs };
}

let builtin: ProposalTemplate | undefined;
/** llm-d's template, used when the repository has none. */
export function builtinTemplate(): ProposalTemplate {
  return (builtin ??= parseTemplate(BUILTIN_TEMPLATE_TEXT, undefined));
}

/**
 * The template that applies to the document: the nearest PROPOSAL_TEMPLATE.md (read through the
 * workspace, so a change to it re-checks the proposals), parsed once per version of its text.
 */
export function templateFor(ctx: Pick<RuleContext, "document" | "workspace" | "settings">): ProposalTemplate {
  for (const path of templateCandidates(ctx.document.relPath, configuredFolders(ctx.settings))) {
    if (path === ctx.document.relPath) continue;
    const text = ctx.workspace.readFile(path);
    if (text === undefined) continue;
    return ctx.workspace.memo(`proposal/template:${path}`, [path], () => parseTemplate(ctx.workspace.readFile(path) ?? text, path));
  }
  return builtinTemplate();
}

/** How messages name the template: its path, or "llm-d's PROPOSAL_TEMPLATE.md" for the built-in one. */
export function templateLabel(t: ProposalTemplate): string {
  return t.relPath ?? "llm-d's PROPOSAL_TEMPLATE.md";
}
