/**
 * Editor features of the owners family: completion of keys, aliases and known logins; hover on
 * keys and aliases; go to an alias's definition; references of a name across every OWNERS file;
 * rename of an alias across the repository; document symbols.
 */
import type { CompletionEntry, LanguageFeatures, Location, Position, Range, RuleContext, SymbolEntry, TextEdit } from "../../types";
import { contains } from "../../text";
import type { Item, KeyEntry } from "./model";
import { normLogin, type OwnersDoc } from "./parse";
import { aliasTable, members, nameIndex, ROOT_ALIASES } from "./repo";
import {
  ALIASES_KEY, CONFIG_LISTS, DOCUMENTED_KEYS, EMERITUS_LISTS, LLMD_KEYS, OPTION_KEYS, PEOPLE_LISTS, ownersSettings,
} from "./schema";
import { plainSafe } from "./fixes";

const KEY_DOCS: Record<string, string> = {
  approvers: "People (logins or aliases) who can `/approve` changes in this directory and below; they can also `/lgtm`.",
  reviewers: "People (logins or aliases) asked to review changes here; they can `/lgtm`.",
  required_reviewers: "People, aliases or `org/team` always asked to review changes here.",
  labels: "Labels the owners-label plugin adds to pull requests that touch this directory.",
  options: "Directory options: `no_parent_owners`, `auto_approve_unowned_subfolders`.",
  filters: "Per-file rules: Go regexps (matched against paths relative to this directory) mapped to approvers/reviewers/labels. With filters, put no lists at the top level.",
  no_parent_owners: "`true`: stop inheriting approvers and reviewers from parent directories.",
  auto_approve_unowned_subfolders: "`true`: changes in sub-folders without their own OWNERS need no approval.",
  emeritus_approvers: "Former approvers, for the record only: Prow does not read this list.",
  emeritus_reviewers: "Former reviewers, for the record only: Prow does not read this list.",
  security_contacts: "Whom to contact about security issues: Prow does not read this list.",
  "auto-assign": "llm-d: people llm-d's auto-assign workflow picks reviewers from (root OWNERS only). Prow ignores it.",
  emeritus: "llm-d: former maintainers, for the record. Prow ignores it.",
  aliases: "Alias groups: alias name → list of GitHub logins. Only the repository root's OWNERS_ALIASES is read.",
};

const KEY_LINE = /^(\s*)(["']?)([^"':#\s][^"':#]*?)\2\s*:(\s|$)/;

/** Keys enclosing a line, outermost first: each one less indented than the one below it. */
function keyPathAbove(p: OwnersDoc, line: number, indent: number, inclusive: boolean): string[] {
  const path: string[] = [];
  let limit = indent;
  let allowEqual = inclusive;
  for (let l = line; l >= 0 && limit >= 0; l--) {
    const t = p.lines.lineText(l);
    if (/^\s*(#|$)/.test(t) || /^\s*-/.test(t)) continue;
    const m = KEY_LINE.exec(t);
    if (!m) continue;
    const ind = m[1].length;
    if (ind < limit || (allowEqual && ind === limit)) {
      path.unshift(m[3]);
      limit = ind;
      allowEqual = false;
      if (ind === 0) break;
    }
  }
  return path;
}

/** Where the cursor is: in a key position (under keyPath) or a value position (of the last key in keyPath). */
function contextAt(p: OwnersDoc, at: Position): { keyPath: string[]; valuePosition: boolean; word: Range } | undefined {
  const before = p.lines.lineText(at.line).slice(0, at.character);
  const wordStart = before.search(/[^\s\-\[,{"']*$/);
  const word: Range = { start: { line: at.line, character: wordStart }, end: at };
  const item = /^(\s*)-(\s+\S*)?$/.exec(before);
  if (item) return { keyPath: keyPathAbove(p, at.line - 1, item[1].length, true), valuePosition: true, word };
  const inline = KEY_LINE.exec(before);
  if (inline && /:\s*(\[[^\]]*)?$/.test(before)) {
    return { keyPath: [...keyPathAbove(p, at.line - 1, inline[1].length, false), inline[3]], valuePosition: true, word };
  }
  const key = /^(\s*)[\w-]*$/.exec(before);
  if (key) return { keyPath: keyPathAbove(p, at.line - 1, key[1].length, false), valuePosition: false, word };
  return undefined;
}

function keyEntries(keys: readonly string[], word: Range, snippetValue: (k: string) => string): CompletionEntry[] {
  return keys.map((k) => ({ label: k, kind: "keyword", documentation: KEY_DOCS[k], insertText: `${k}:${snippetValue(k)}`, snippet: true, range: word }));
}

function completions(p: OwnersDoc, position: Position, ctx: RuleContext): CompletionEntry[] {
  // A position past the end of its line (inside a CRLF, or stale) completes at the line's end.
  const at = { line: position.line, character: Math.min(position.character, p.lines.lineText(position.line).length) };
  const where = contextAt(p, at);
  if (!where) return [];
  const { keyPath, valuePosition, word } = where;
  const list = (k: string) => `\n  - \${1}`;
  if (!valuePosition) {
    if (p.kind === "owners-aliases") return keyPath.length === 0 ? keyEntries([ALIASES_KEY], word, () => "\n  ${1:alias-name}:\n    - ${2:github-login}") : [];
    if (keyPath.length === 0) {
      const { extraKeys } = ownersSettings(ctx.settings);
      const have = new Set(p.entries.map((e) => e.lower));
      const keys = [...CONFIG_LISTS, "options", "filters", ...DOCUMENTED_KEYS.slice(0, 2), ...LLMD_KEYS, ...extraKeys].filter((k) => !have.has(k));
      return keyEntries(keys, word, (k) => (k === "options" ? "\n  ${1:no_parent_owners}: ${2:true}" : k === "filters" ? "\n  \"${1:\\\\.go$}\":\n    approvers:\n      - ${2}" : list(k)));
    }
    if (keyPath[keyPath.length - 1] === "options") return keyEntries(OPTION_KEYS, word, () => " ${1:true}");
    if (keyPath[0] === "filters" && keyPath.length === 2) return keyEntries(CONFIG_LISTS, word, list);
    return [];
  }
  const key = (keyPath[keyPath.length - 1] ?? "").toLowerCase();
  const peopleKey = p.kind === "owners-aliases" ? keyPath[0] === ALIASES_KEY && keyPath.length === 2
    : ([...PEOPLE_LISTS, ...EMERITUS_LISTS, ...LLMD_KEYS] as string[]).includes(key);
  const out: CompletionEntry[] = [];
  const seen = new Set<string>();
  if (!peopleKey) return out;
  if (p.kind === "owners" && (PEOPLE_LISTS as readonly string[]).includes(key)) {
    for (const [norm, g] of aliasTable(p, ctx.workspace).byNorm) {
      const m = members(g);
      out.push({ label: g.entry.name, kind: "reference", detail: `alias · ${m.length} member${m.length === 1 ? "" : "s"}`, documentation: m.map((x) => `- ${x}`).join("\n"), range: word });
      seen.add(norm);
    }
  }
  const index = nameIndex(ctx.workspace, p);
  const aliasNames = new Set(index.uses.filter((u) => u.role === "alias-definition").map((u) => u.norm));
  const counts = new Map<string, { text: string; n: number }>();
  for (const u of index.uses) {
    if (u.role === "alias-definition" || aliasNames.has(u.norm) || seen.has(u.norm) || u.norm.includes("/")) continue;
    const c = counts.get(u.norm);
    if (c) c.n++; else counts.set(u.norm, { text: u.text.replace(/^@/, ""), n: 1 });
  }
  for (const [, c] of [...counts].sort((a, b) => b[1].n - a[1].n)) {
    out.push({ label: c.text, kind: "value", detail: `login · used ${c.n} time${c.n === 1 ? "" : "s"} in OWNERS files`, range: word });
  }
  return out;
}

interface NameAt { item: Item | undefined; key: KeyEntry | undefined; text: string; range: Range; isAliasDefinition: boolean }

/** The name (list item or alias definition) or key at a position. */
function nameAt(p: OwnersDoc, at: Position): NameAt | undefined {
  for (const g of p.groups) {
    if (contains(g.entry.keyRange, at)) return { item: undefined, key: g.entry, text: g.entry.name, range: g.entry.keyRange, isAliasDefinition: true };
    for (const i of g.items) if (i.type === "string" && i.text !== undefined && contains(i.range, at)) return { item: i, key: undefined, text: i.text, range: i.range, isAliasDefinition: false };
  }
  for (const l of p.lists) {
    if (l.list === "labels") continue;
    for (const i of l.items) if (i.type === "string" && i.text !== undefined && contains(i.range, at)) return { item: i, key: undefined, text: i.text, range: i.range, isAliasDefinition: false };
  }
  return undefined;
}

function keyAt(p: OwnersDoc, at: Position): KeyEntry | undefined {
  const all = [...p.entries, ...p.optionEntries, ...p.filterBodies.flatMap((b) => b.entries)];
  return all.find((e) => contains(e.keyRange, at));
}

function hover(p: OwnersDoc, at: Position, ctx: RuleContext) {
  const n = nameAt(p, at);
  if (n) {
    const table = aliasTable(p, ctx.workspace);
    const g = table.byNorm.get(normLogin(n.text));
    if (g) {
      const m = members(g);
      const line = g.entry.keyRange.start.line + 1;
      const body = m.length ? m.map((x) => `- \`${x}\``).join("\n") : "_no members_";
      return { markdown: `**alias \`${g.entry.name}\`** — ${m.length} member${m.length === 1 ? "" : "s"} (${ROOT_ALIASES}, line ${line})\n\n${body}`, range: n.range };
    }
    return undefined;
  }
  const k = keyAt(p, at);
  const doc = k && KEY_DOCS[k.lower];
  return doc ? { markdown: `**${k.lower}** — ${doc}`, range: k.keyRange } : undefined;
}

function definition(p: OwnersDoc, at: Position, ctx: RuleContext): Location[] {
  const n = nameAt(p, at);
  if (!n || n.isAliasDefinition) return [];
  const g = aliasTable(p, ctx.workspace).byNorm.get(normLogin(n.text));
  return g ? [{ relPath: ROOT_ALIASES, range: g.entry.keyRange }] : [];
}

function references(p: OwnersDoc, at: Position, ctx: RuleContext): Location[] {
  const n = nameAt(p, at);
  if (!n) return [];
  const uses = nameIndex(ctx.workspace, p).byNorm.get(normLogin(n.text)) ?? [];
  return uses.filter((u) => u.relPath === ROOT_ALIASES || u.role !== "alias-definition" || u.relPath === p.relPath).map((u) => ({ relPath: u.relPath, range: u.range }));
}

function rename(p: OwnersDoc, at: Position, newName: string, ctx: RuleContext): { relPath: string; edits: TextEdit[] }[] | undefined {
  const n = nameAt(p, at);
  if (!n) return undefined;
  const norm = normLogin(n.text);
  const table = aliasTable(p, ctx.workspace);
  if (!table.byNorm.has(norm) && !(p.kind === "owners-aliases" && p.isRoot && n.isAliasDefinition)) return undefined;
  const uses = nameIndex(ctx.workspace, p).byNorm.get(norm) ?? [];
  const text = plainSafe(newName) ? newName : JSON.stringify(newName);
  const byFile = new Map<string, TextEdit[]>();
  for (const u of uses) {
    if (u.role === "alias-definition" && u.relPath !== ROOT_ALIASES) continue;
    const edits = byFile.get(u.relPath) ?? [];
    edits.push({ range: u.range, newText: text });
    byFile.set(u.relPath, edits);
  }
  return [...byFile].map(([relPath, edits]) => ({ relPath, edits }));
}

function itemSymbols(items: readonly Item[], aliases: ReadonlySet<string>): SymbolEntry[] {
  return items.filter((i) => i.type === "string" && i.text).map((i) => ({
    name: i.text!, kind: aliases.has(normLogin(i.text!)) ? "alias" : "person", range: i.range, selectionRange: i.range,
  }));
}

function entryRange(p: OwnersDoc, e: KeyEntry): Range {
  return { start: e.keyRange.start, end: p.lines.positionAt(e.end) };
}

function symbols(p: OwnersDoc, ctx: RuleContext): SymbolEntry[] {
  const aliases = new Set(aliasTable(p, ctx.workspace).byNorm.keys());
  const listOf = (e: KeyEntry) => p.lists.find((l) => l.key === e);
  if (p.kind === "owners-aliases") {
    return p.entries.map((e) => ({
      name: e.name, kind: "section", range: entryRange(p, e), selectionRange: e.keyRange,
      children: e === p.aliasesKey ? p.groups.map((g) => ({ name: g.entry.name, kind: "alias", range: entryRange(p, g.entry), selectionRange: g.entry.keyRange, children: itemSymbols(g.items, new Set()) })) : [],
    }));
  }
  const keySymbol = (e: KeyEntry): SymbolEntry => {
    const l = listOf(e);
    const children = l ? itemSymbols(l.items, aliases)
      : e === p.options ? p.optionEntries.map((o) => ({ name: o.name, kind: "field" as const, range: entryRange(p, o), selectionRange: o.keyRange }))
      : e === p.filters ? p.filterBodies.map((b) => ({ name: b.filter.name, kind: "section" as const, range: entryRange(p, b.filter), selectionRange: b.filter.keyRange, children: b.entries.map(keySymbol) }))
      : [];
    return { name: e.name, kind: l || e === p.filters || e === p.options ? "section" : "key", range: entryRange(p, e), selectionRange: e.keyRange, children };
  };
  return p.entries.map(keySymbol);
}

export const ownersFeatures: LanguageFeatures<OwnersDoc> = { completions, hover, definition, references, rename, symbols };
