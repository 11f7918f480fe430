/**
 * Editor features routed to the document's family (completion, hover, symbols, definition,
 * references, rename). A family without the feature answers null / []; the engine's types are
 * converted to LSP's here.
 */
import {
  SymbolInformation, TextDocumentEdit,
  type CompletionItem, type DocumentSymbol, type Hover, type Location as LspLocation, type Position,
  type PrepareRenameResult, type Range, type WorkspaceEdit,
} from "vscode-languageserver/node";
import type { Analysis, LanguageFeatures, Location, RuleContext, SymbolEntry } from "../engine/index";
import { contains } from "../engine/text";
import { toCompletionItem, toDocumentSymbol, toHover } from "./convert";
import type { Checker, Entry } from "./diagnostics";

type Features = LanguageFeatures<unknown>;

interface Target { entry: Entry; analysis: Analysis; features: Features; ctx: RuleContext }

function target(checker: Checker, uri: string): Target | undefined {
  const found = checker.analysisOf(uri);
  const features = found?.analysis.family.features as Features | undefined;
  if (!found || !features) return undefined;
  return { ...found, features, ctx: { ...found.analysis.context, options: {} } };
}

function toLocation(entry: Entry, loc: Location): LspLocation | undefined {
  if (loc.relPath === entry.relPath) return { uri: entry.uri, range: loc.range };
  return entry.root ? { uri: entry.root.uriOf(loc.relPath), range: loc.range } : undefined;
}

/** Completions; for a client without snippet support, snippets become their plain default text. */
export function completion(checker: Checker, uri: string, at: Position, snippetSupport = true): CompletionItem[] {
  const t = target(checker, uri);
  const entries = t?.features.completions?.(t.analysis.parsed, at, t.ctx) ?? [];
  return entries.map((e) => toCompletionItem(e, snippetSupport));
}

export function hover(checker: Checker, uri: string, at: Position): Hover | null {
  const t = target(checker, uri);
  const h = t?.features.hover?.(t.analysis.parsed, at, t.ctx);
  return h ? toHover(h) : null;
}

export function documentSymbols(checker: Checker, uri: string, hierarchical: boolean): DocumentSymbol[] | SymbolInformation[] {
  const t = target(checker, uri);
  const symbols = t?.features.symbols?.(t.analysis.parsed, t.ctx) ?? [];
  if (hierarchical) return symbols.map(toDocumentSymbol);
  const flat: SymbolInformation[] = [];
  const walk = (list: SymbolEntry[], container?: string) => {
    for (const s of list) {
      const d = toDocumentSymbol({ ...s, children: undefined });
      flat.push(SymbolInformation.create(d.name, d.kind, s.range, uri, container));
      if (s.children) walk(s.children, s.name);
    }
  };
  walk(symbols);
  return flat;
}

function locations(t: Target | undefined, list: Location[] | undefined): LspLocation[] {
  if (!t || !list) return [];
  return list.map((l) => toLocation(t.entry, l)).filter((l): l is LspLocation => !!l);
}

export function definition(checker: Checker, uri: string, at: Position): LspLocation[] {
  const t = target(checker, uri);
  return locations(t, t?.features.definition?.(t.analysis.parsed, at, t.ctx));
}

export function references(checker: Checker, uri: string, at: Position): LspLocation[] {
  const t = target(checker, uri);
  return locations(t, t?.features.references?.(t.analysis.parsed, at, t.ctx));
}

function renameEdits(t: Target, at: Position, newName: string) {
  return t.features.rename?.(t.analysis.parsed, at, newName, t.ctx);
}

export function rename(checker: Checker, uri: string, at: Position, newName: string, documentChanges: boolean, versionOf: (uri: string) => number | null): WorkspaceEdit | null {
  const t = target(checker, uri);
  const files = t && renameEdits(t, at, newName);
  if (!t || !files) return null;
  const byUri = new Map<string, import("../engine/index").TextEdit[]>();
  for (const f of files) {
    const u = f.relPath === t.entry.relPath ? t.entry.uri : t.entry.root?.uriOf(f.relPath);
    if (u && f.edits.length > 0) byUri.set(u, [...(byUri.get(u) ?? []), ...f.edits]);
  }
  if (documentChanges) return { documentChanges: [...byUri].map(([u, edits]) => TextDocumentEdit.create({ uri: u, version: versionOf(u) }, edits)) };
  return { changes: Object.fromEntries(byUri) };
}

/** Whether something renameable is at the position, and the range of it in this document. */
export function prepareRename(checker: Checker, uri: string, at: Position, text: (range: Range) => string): PrepareRenameResult | null {
  const t = target(checker, uri);
  if (!t?.features.rename) return null;
  // Ask for a rename to a name like the one there (a family may refuse a name that is not valid for it).
  const line = text({ start: { line: at.line, character: 0 }, end: { line: at.line + 1, character: 0 } });
  const word = /[\w.@/-]*$/.exec(line.slice(0, at.character))![0] + /^[\w.@/-]*/.exec(line.slice(at.character))![0];
  const files = renameEdits(t, at, `${word || "name"}-renamed`);
  if (!files) return null;
  const here = files.find((f) => f.relPath === t.entry.relPath)?.edits.find((e) => contains(e.range, at));
  return here ? { range: here.range, placeholder: text(here.range) } : { defaultBehavior: true };
}
