/**
 * Engine types → LSP types. Positions need no conversion: the engine counts UTF-16 code units
 * from zero, as LSP does.
 */
import {
  CompletionItemKind, DiagnosticSeverity, InsertTextFormat, MarkupKind, SymbolKind,
  type CompletionItem, type Diagnostic, type DocumentSymbol, type Hover,
} from "vscode-languageserver/node";
import { docUrl, type CompletionEntry, type Problem, type Severity, type SymbolEntry } from "../engine/index";

export const SOURCE = "llm-d-contrib";

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function toDiagnostic(p: Problem, docsBase: string | undefined): Diagnostic {
  return {
    range: p.range,
    severity: SEVERITY[p.severity],
    code: p.ruleId,
    codeDescription: { href: docUrl(p.ruleId, docsBase) },
    source: SOURCE,
    message: p.message,
  };
}

const COMPLETION_KIND: Record<CompletionEntry["kind"], CompletionItemKind> = {
  keyword: CompletionItemKind.Keyword,
  value: CompletionItemKind.Value,
  reference: CompletionItemKind.Reference,
  snippet: CompletionItemKind.Snippet,
  text: CompletionItemKind.Text,
};

/** A snippet as the plain text it expands to with every placeholder left at its default. */
export function snippetToPlain(snippet: string): string {
  let out = "";
  let open = 0; // placeholders `${N:` not yet closed
  for (let i = 0; i < snippet.length; i++) {
    const c = snippet[i];
    if (c === "\\" && "$}\\".includes(snippet[i + 1] ?? "")) { out += snippet[++i]; continue; }
    if (c === "$") {
      const m = /^\$(?:\d+|\{\d+(:|\}))/.exec(snippet.slice(i));
      if (m) {
        if (m[1] === ":") open++;
        i += m[0].length - 1;
        continue;
      }
    }
    if (c === "}" && open > 0) { open--; continue; }
    out += c;
  }
  return out;
}

export function toCompletionItem(e: CompletionEntry, snippetSupport = true): CompletionItem {
  const asSnippet = !!e.snippet && snippetSupport;
  const insert = e.insertText ?? e.label;
  const newText = e.snippet && !snippetSupport ? snippetToPlain(insert) : insert;
  const item: CompletionItem = {
    label: e.label,
    kind: COMPLETION_KIND[e.kind],
    insertTextFormat: asSnippet ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
  };
  if (e.detail !== undefined) item.detail = e.detail;
  if (e.documentation !== undefined) item.documentation = { kind: MarkupKind.Markdown, value: e.documentation };
  if (e.range) item.textEdit = { range: e.range, newText };
  else item.insertText = newText;
  return item;
}

const SYMBOL_KIND: Record<SymbolEntry["kind"], SymbolKind> = {
  section: SymbolKind.String, // what VS Code's own Markdown outline uses for headings
  key: SymbolKind.Key,
  alias: SymbolKind.Constant,
  person: SymbolKind.Object,
  flag: SymbolKind.Boolean,
  field: SymbolKind.Field,
};

export function toDocumentSymbol(s: SymbolEntry): DocumentSymbol {
  const out: DocumentSymbol = { name: s.name || " ", kind: SYMBOL_KIND[s.kind], range: s.range, selectionRange: s.selectionRange };
  if (s.children?.length) out.children = s.children.map(toDocumentSymbol);
  return out;
}

export function toHover(h: { markdown: string; range?: import("../engine/index").Range }): Hover {
  return h.range ? { contents: { kind: MarkupKind.Markdown, value: h.markdown }, range: h.range } : { contents: { kind: MarkupKind.Markdown, value: h.markdown } };
}
