import type { Fix, Rule } from "../../../types";
import type { ParsedProposal } from "../parse";
import { nameProblem, snakeName } from "../names";
import { sectionKey } from "../match";
import { documentAnchor } from "../sections";

/**
 * A proposal's file name must say what it proposes (CONTRIBUTING.md: "a descriptive name (e.g.,
 * docs/proposals/disaggregated_serving.md)"). snake_case and kebab-case both pass; generic names,
 * spaces and upper case do not. The fix renames the file after the title, in snake_case.
 * A README.md inside a proposal's own folder (NNN-name/README.md) is named by its folder: skipped.
 */
export const fileName: Rule<ParsedProposal> = {
  id: "proposal/file-name",
  description: "The proposal's file name is not descriptive (generic, with spaces or upper case); CONTRIBUTING.md asks for names like disaggregated_serving.md.",
  defaultSeverity: "warning",
  fixable: true,
  check(p, ctx) {
    if (!p.looksLikeProposal) return [];
    const path = p.document.relPath;
    const slash = path.lastIndexOf("/");
    const file = path.slice(slash + 1);
    const dot = file.lastIndexOf(".");
    const base = dot > 0 ? file.slice(0, dot) : file;
    if (/^readme$/i.test(base)) return [];
    const problem = nameProblem(base);
    if (!problem) return [];
    const title = p.title && !(p.template.title && sectionKey(p.title.text) === sectionKey(p.template.title)) ? p.title.text : undefined;
    const suggested = title ? snakeName(title) : "";
    const fixes: Fix[] = [];
    let hint = "; give it a descriptive snake_case or kebab-case name";
    if (suggested && nameProblem(suggested) === undefined && suggested !== base) {
      const target = `${path.slice(0, slash + 1)}${suggested}${dot > 0 ? file.slice(dot) : ".md"}`;
      hint = `; rename it after its title, e.g. "${suggested}${dot > 0 ? file.slice(dot) : ".md"}"`;
      if (ctx.workspace.readFile(target) === undefined) {
        fixes.push({ title: `Rename the file to ${target.slice(slash + 1)}`, edits: [], renameTo: target, isPreferred: true });
      }
    }
    return [{ range: documentAnchor(p), message: `file name "${file}" is not descriptive (${problem})${hint}`, fixes }];
  },
};
