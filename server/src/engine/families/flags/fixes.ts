/** The two quick fixes of the family: rename to experimental-<name>, set the default to off. */
import type { Fix, RuleContext, TextEdit } from "../../types";
import type { LineIndex } from "../../text";
import type { FlagDecl } from "./model";
import { occurrences, renameInOtherFiles } from "./workspace-index";

/**
 * Renames the flag in this document (every whole occurrence of its name) and in every other
 * file of the workspace that spells it exactly. Never safe: a rename changes a public interface,
 * so the editor previews it and `lint --fix` leaves it alone.
 */
export function renameFix(d: FlagDecl, ctx: RuleContext, index: LineIndex, docOccurrences?: Map<string, number[]>): Fix | undefined {
  if (!d.nameRange || !d.renameTo) return undefined;
  const doc = ctx.document;
  let edits: TextEdit[];
  let otherFiles: () => { relPath: string; edits: TextEdit[] }[];
  if (d.valuesPath) {
    // A Helm value: rename the key here and `.Values.<path>` references in the chart's templates.
    edits = [{ range: d.nameRange, newText: d.renameTo }];
    const newPath = d.valuesPath.replace(/[^.]+$/, d.renameTo);
    const chart = doc.relPath.includes("/") ? doc.relPath.slice(0, doc.relPath.lastIndexOf("/") + 1) : "";
    otherFiles = () => renameInOtherFiles(ctx.workspace, doc.relPath, `.Values.${d.valuesPath}`, `.Values.${newPath}`, (p) => p.startsWith(chart));
  } else {
    const oldName = doc.text.slice(index.offsetAt(d.nameRange.start), index.offsetAt(d.nameRange.end));
    const offsets = docOccurrences?.get(oldName) ?? occurrences(doc.text, oldName);
    edits = offsets.map((o) => ({ range: index.range(o, o + oldName.length), newText: d.renameTo! }));
    if (!offsets.includes(index.offsetAt(d.nameRange.start))) edits.push({ range: d.nameRange, newText: d.renameTo });
    const renameTo = d.renameTo;
    otherFiles = () => renameInOtherFiles(ctx.workspace, doc.relPath, oldName, renameTo);
  }
  // The other files are searched only when the editor asks for this fix: finding them reads the
  // whole workspace, which a keystroke or a CI run must not pay for.
  return { title: `Rename to ${d.renameTo} here and wherever the workspace spells it`, edits, resolveOtherFiles: otherFiles, isPreferred: true, safe: false };
}

/** Writes the off value over the literal that turns the flag on. Safe for a plain boolean at the declaration. */
export function defaultOffFix(d: FlagDecl): Fix | undefined {
  const def = d.default;
  if (!def.literalRange || !def.offText) return undefined;
  return { title: `Set the default to off (${def.offText})`, edits: [{ range: def.literalRange, newText: def.offText }], isPreferred: true, safe: !!def.plainBoolean };
}

/** How the declaration reads after the rename ("--experimental-x", "experimentalLmcache.enabled"). */
export function renamedDisplay(d: FlagDecl, parsed: { lines: LineIndex }): string {
  if (!d.renameTo) return d.display;
  const old = d.nameRange ? parsed.lines.text.slice(parsed.lines.offsetAt(d.nameRange.start), parsed.lines.offsetAt(d.nameRange.end)) : d.name;
  const at = d.display.lastIndexOf(old);
  return at === -1 ? d.renameTo : d.display.slice(0, at) + d.renameTo + d.display.slice(at + old.length);
}

/** The text a declaration's name has in the document (what a rename replaces). */
export function currentName(d: FlagDecl, index: LineIndex): string | undefined {
  return d.nameRange ? index.text.slice(index.offsetAt(d.nameRange.start), index.offsetAt(d.nameRange.end)) : undefined;
}
