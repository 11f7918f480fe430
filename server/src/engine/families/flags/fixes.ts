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
export function renameFix(d: FlagDecl, ctx: RuleContext, index: LineIndex, docOccurrences?: () => Map<string, number[]>): Fix | undefined {
  if (!d.nameRange || !d.renameTo) return undefined;
  const doc = ctx.document;
  const renameTo = d.renameTo, nameRange = d.nameRange;
  let editsHere: () => TextEdit[];
  let otherFiles: () => { relPath: string; edits: TextEdit[] }[];
  if (d.valuesPath) {
    // A Helm value: rename the key here and `.Values.<path>` references in the chart's templates.
    editsHere = () => [{ range: nameRange, newText: renameTo }];
    const newPath = d.valuesPath.replace(/[^.]+$/, renameTo);
    const chart = doc.relPath.includes("/") ? doc.relPath.slice(0, doc.relPath.lastIndexOf("/") + 1) : "";
    const valuesPath = d.valuesPath;
    otherFiles = () => renameInOtherFiles(ctx.workspace, doc.relPath, `.Values.${valuesPath}`, `.Values.${newPath}`, (p) => p.startsWith(chart));
  } else {
    const oldName = doc.text.slice(index.offsetAt(nameRange.start), index.offsetAt(nameRange.end));
    editsHere = () => {
      const offsets = docOccurrences?.().get(oldName) ?? occurrences(doc.text, oldName);
      const edits = offsets.map((o): TextEdit => ({ range: index.range(o, o + oldName.length), newText: renameTo }));
      if (!offsets.includes(index.offsetAt(nameRange.start))) edits.push({ range: nameRange, newText: renameTo });
      return edits;
    };
    otherFiles = () => renameInOtherFiles(ctx.workspace, doc.relPath, oldName, renameTo);
  }
  // Both searches run only when something reads the fix: a keystroke publishes the finding without
  // them (the editor asks for the fix's edits when the user opens the light bulb), and the other
  // files are searched only when the editor resolves the fix, since finding them reads the whole workspace.
  return new RenameFix(`Rename to ${renameTo} here and wherever the workspace spells it`, editsHere, otherFiles);
}

/**
 * A rename whose edits in the document are found when first read. The getter is on the prototype:
 * a getter in an object literal gives every fix its own hidden class, kept in the old generation
 * with everything its closure holds (measured: p95 of a keystroke 5.7 -> 13 ms from GC alone).
 */
class RenameFix implements Fix {
  readonly isPreferred = true;
  readonly safe = false;
  private found?: TextEdit[];
  constructor(readonly title: string, private readonly find: () => TextEdit[], readonly resolveOtherFiles: () => { relPath: string; edits: TextEdit[] }[]) {}
  get edits(): TextEdit[] { return (this.found ??= this.find()); }
  /** The same JSON as a plain fix, whether or not the edits were read yet. */
  toJSON(): Fix { return { title: this.title, edits: this.edits, isPreferred: this.isPreferred, safe: this.safe }; }
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
