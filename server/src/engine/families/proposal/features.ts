/**
 * Editor features for proposals: completion of the missing template sections after "#" (or on
 * a blank line), hover
 * on a section heading with the template's guidance for it, and document symbols (headings).
 */
import type { CompletionEntry, LanguageFeatures, Range, SymbolEntry } from "../../types";
import type { ParsedProposal } from "./parse";
import { blockEnd } from "./parse";
import { headingRange, label, levelFor, sectionMarkdown } from "./sections";

/** The guidance comment as readable markdown: comment markers gone, common indentation removed. */
export function guidanceText(guidance: string): string {
  const body = guidance.replace(/<!--/g, "").replace(/-->/g, "");
  const lines = body.split("\n");
  const indent = Math.min(...lines.filter((l) => l.trim()).map((l) => /^[ \t]*/.exec(l)![0].length));
  return lines.map((l) => l.slice(Number.isFinite(indent) ? indent : 0)).join("\n").replace(/\n{3,}/g, "\n\n").trim();
}

const HEADING_PREFIX = /^( {0,3})(#{1,6})(?:[ \t]+(.*))?$/;

export const proposalFeatures: LanguageFeatures<ParsedProposal> = {
  completions(p, at) {
    const line = p.lines[at.line] ?? "";
    // After "#"s at the start of a line, or anywhere on a blank line (completion asked for).
    const m = line.trim() === "" ? ["", ""] : HEADING_PREFIX.exec(line.slice(0, at.character));
    if (!m) return [];
    // The heading being typed may already match a section ("## Desig"); it is still offered.
    const here = p.outline.headings.find((h) => h.line === at.line);
    const range: Range = { start: { line: at.line, character: m[1].length }, end: { line: at.line, character: line.length } };
    const out: CompletionEntry[] = [];
    for (const s of p.template.sections) {
      const match = p.matches[s.index];
      if (match && match.heading !== here) continue;
      const level = levelFor(p, s);
      out.push({
        label: `${"#".repeat(level)} ${s.heading}`,
        kind: "snippet",
        detail: `${s.optional ? "optional" : "missing"} section of ${label(p)}`,
        documentation: s.guidance ? guidanceText(s.guidance) : undefined,
        insertText: sectionMarkdown(s, level).replace(/\n+$/, "\n"),
        range,
      });
    }
    return out;
  },

  hover(p, at) {
    const h = p.outline.headings.find((x) => at.line >= x.line && at.line <= x.endLine);
    if (!h) return undefined;
    const index = p.sectionOfHeading.get(h.index);
    if (index === undefined) return undefined;
    const s = p.template.sections[index];
    const kind = s.optional ? "optional" : "required";
    const as = p.matches[index]?.quality === "renamed" ? ` — the heading "${h.text}" is taken for it` : "";
    const guidance = s.guidance ? `\n\n${guidanceText(s.guidance)}` : "";
    return { markdown: `**${s.name}**: ${kind} section of \`${label(p)}\`${as}${guidance}`, range: headingRange(p, h) };
  },

  symbols(p) {
    const root: SymbolEntry[] = [];
    const stack: { level: number; entry: SymbolEntry }[] = [];
    for (const h of p.outline.headings) {
      const endLine = Math.max(h.endLine, blockEnd(p.outline, h) - 1);
      const entry: SymbolEntry = {
        name: h.text,
        kind: "section",
        range: { start: { line: h.line, character: 0 }, end: { line: endLine, character: (p.lines[endLine] ?? "").length } },
        selectionRange: headingRange(p, h),
      };
      while (stack.length && stack[stack.length - 1].level >= h.level) stack.pop();
      const parent = stack[stack.length - 1];
      if (parent) (parent.entry.children ??= []).push(entry); else root.push(entry);
      stack.push({ level: h.level, entry });
    }
    return root;
  },
};
