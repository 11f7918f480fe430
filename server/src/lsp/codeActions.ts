/**
 * Code actions: one quick fix per Fix of a diagnostic, and `source.fixAll.llm-d-contrib`,
 * which applies every safe fix of the document that does not overlap another.
 */
import {
  CodeActionKind, RenameFile, TextDocumentEdit,
  type CodeAction, type CodeActionParams, type Diagnostic, type TextEdit as LspTextEdit, type WorkspaceEdit,
} from "vscode-languageserver/node";
import type { Fix, Problem, TextEdit } from "../engine/index";
import { SOURCE } from "./convert";
import type { Checker, Entry } from "./diagnostics";

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.${SOURCE}`;
export const CODE_ACTION_KINDS = [CodeActionKind.QuickFix, FIX_ALL_KIND];

export interface EditCapabilities {
  /** The client applies `documentChanges` (versioned edits, resource operations). */
  documentChanges: boolean;
  /** The client can rename files inside a workspace edit. */
  renameFile: boolean;
  /** The client resolves a code action's edit lazily (codeAction/resolve with `data`). */
  resolveEdit?: boolean;
}

/** What a quick fix whose edit is computed on resolve carries to find its fix again. */
interface ResolveData { uri: string; version: number; ruleId: string; message: string; range: Problem["range"]; fix: number }

/** Versions of open documents, so edits to them are refused when the buffer moved on. */
type VersionOf = (uri: string) => number | null;

function sameRange(a: Problem["range"], b: Diagnostic["range"]): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}

/** The problem a diagnostic the client sends back stands for. */
function problemOf(problems: readonly Problem[], d: Pick<Diagnostic, "code" | "message" | "range" | "source">): Problem | undefined {
  if (d.source !== SOURCE) return undefined;
  return problems.find((p) => p.ruleId === d.code && p.message === d.message && sameRange(p.range, d.range));
}

/** A Fix as a WorkspaceEdit, or undefined when the client cannot apply it (a rename it does not support). */
export function fixToEdit(entry: Entry, fix: Fix, caps: EditCapabilities, versionOf: VersionOf): WorkspaceEdit | undefined {
  const files: { uri: string; edits: TextEdit[] }[] = [{ uri: entry.uri, edits: fix.edits }];
  for (const other of fix.otherFiles ?? fix.resolveOtherFiles?.() ?? []) {
    if (!entry.root) return undefined;
    if (other.relPath === entry.relPath) files[0] = { uri: entry.uri, edits: [...files[0].edits, ...other.edits] };
    else files.push({ uri: entry.root.uriOf(other.relPath), edits: other.edits });
  }
  if (fix.renameTo !== undefined && (!entry.root || !caps.documentChanges || !caps.renameFile)) return undefined;
  const nonEmpty = files.filter((f) => f.edits.length > 0);
  if (!caps.documentChanges) {
    const changes: Record<string, LspTextEdit[]> = {};
    for (const f of nonEmpty) changes[f.uri] = [...(changes[f.uri] ?? []), ...f.edits];
    return { changes };
  }
  const documentChanges: WorkspaceEdit["documentChanges"] & unknown[] = nonEmpty.map((f) =>
    TextDocumentEdit.create({ uri: f.uri, version: versionOf(f.uri) }, f.edits));
  if (fix.renameTo !== undefined) documentChanges.push(RenameFile.create(entry.uri, entry.root!.uriOf(fix.renameTo), { overwrite: false, ignoreIfExists: false }));
  return { documentChanges };
}

function wants(only: readonly string[] | undefined, kind: string): boolean {
  return !only || only.some((o) => kind === o || kind.startsWith(o + "."));
}

function overlaps(a: TextEdit, b: TextEdit): boolean {
  const before = (x: TextEdit["range"]["end"], y: TextEdit["range"]["start"]) => x.line < y.line || (x.line === y.line && x.character < y.character);
  return !(before(a.range.end, b.range.start) || before(b.range.end, a.range.start));
}

/** The safe fixes of a document, at most one per problem, none overlapping another; only edits to the document itself. */
export function safeFixes(problems: readonly Problem[]): Fix[] {
  const chosen: Fix[] = [];
  const taken: TextEdit[] = [];
  for (const p of problems) {
    const candidates = (p.fixes ?? []).filter((f) => f.safe && !f.renameTo && !(f.otherFiles?.length) && !f.resolveOtherFiles && f.edits.length > 0);
    const fix = candidates.find((f) => f.isPreferred) ?? candidates[0];
    if (!fix || fix.edits.some((e) => taken.some((t) => overlaps(e, t)))) continue;
    chosen.push(fix);
    taken.push(...fix.edits);
  }
  return chosen;
}

export function codeActions(params: CodeActionParams, checker: Checker, caps: EditCapabilities, versionOf: VersionOf): CodeAction[] {
  const current = checker.current(params.textDocument.uri);
  if (!current) return [];
  const { entry, problems } = current;
  const only = params.context.only;
  const actions: CodeAction[] = [];
  if (wants(only, CodeActionKind.QuickFix)) {
    for (const d of params.context.diagnostics) {
      const p = problemOf(problems, d);
      (p?.fixes ?? []).forEach((fix, index) => {
        const action: CodeAction = { title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: [d] };
        if (fix.isPreferred) action.isPreferred = true;
        if (fix.resolveOtherFiles && !fix.otherFiles && caps.resolveEdit && entry.root) {
          // Costly edits (a search of the workspace) wait until the user picks this fix.
          if (fix.renameTo !== undefined && !(caps.documentChanges && caps.renameFile)) return;
          const data: ResolveData = { uri: entry.uri, version: entry.last!.version!, ruleId: p!.ruleId, message: p!.message, range: p!.range, fix: index };
          actions.push({ ...action, data });
          return;
        }
        const edit = fixToEdit(entry, fix, caps, versionOf);
        if (edit) actions.push({ ...action, edit });
      });
    }
  }
  if (only ? only.some((o) => FIX_ALL_KIND === o || FIX_ALL_KIND.startsWith(o + ".")) : false) {
    const fixes = safeFixes(problems);
    if (fixes.length > 0) {
      const edits = fixes.flatMap((f) => f.edits);
      const edit: WorkspaceEdit = caps.documentChanges
        ? { documentChanges: [TextDocumentEdit.create({ uri: entry.uri, version: versionOf(entry.uri) }, edits)] }
        : { changes: { [entry.uri]: edits } };
      actions.push({ title: `Fix all safe ${SOURCE} problems (${fixes.length})`, kind: FIX_ALL_KIND, edit });
    }
  }
  return actions;
}

/** codeAction/resolve: computes the edit of a quick fix offered without one, if its document has not changed since. */
export function resolveCodeAction(action: CodeAction, checker: Checker, caps: EditCapabilities, versionOf: VersionOf): CodeAction {
  const data = action.data as ResolveData | undefined;
  if (!data || action.edit || typeof data.uri !== "string") return action;
  const current = checker.current(data.uri);
  if (!current || current.entry.last?.version !== data.version) return action;
  const fix = problemOf(current.problems, { ...data, code: data.ruleId, source: SOURCE })?.fixes?.[data.fix];
  if (!fix || fix.title !== action.title) return action;
  const edit = fixToEdit(current.entry, fix, caps, versionOf);
  return edit ? { ...action, edit } : action;
}
