/**
 * The owners family's single parser: one YAML parse per document version, then the parts
 * every rule and editor feature needs (top-level keys, the lists of people, filters, alias groups).
 */
import { isMap, isScalar, isSeq, type Node, type YAMLMap } from "yaml";
import type { SourceDocument } from "../../types";
import { LineIndex } from "../../text";
import { parseFirstDocument, typeOf, type ValueType, type YamlFirstDocument } from "./yaml";
import { entriesOf, itemsOf, keysAsItems, type Ctx, type Item, type KeyEntry } from "./model";
import { ALIASES_KEY, CONFIG_LISTS, DEFAULT_DIR_DENYLIST, EMERITUS_LISTS, LLMD_KEYS } from "./schema";

/** A list of names in an OWNERS file (top level or inside one filter). */
export interface NameList {
  key: KeyEntry;
  /** The lower-cased key: approvers, reviewers, required_reviewers, labels, emeritus_*, auto-assign, emeritus. */
  list: string;
  /** The filter this list is in, if any. */
  filter?: KeyEntry;
  /** Items when the value is a sequence; empty otherwise. */
  items: Item[];
  /** Another key of the same name (in any case) wins over this one in Prow. */
  shadowed: boolean;
}

export interface AliasGroup {
  entry: KeyEntry;
  /** Prow's name for it: lower-cased, one leading `@` removed. */
  norm: string;
  /** Members, when the group is a list (or a `{a, b}` mapping, whose keys Prow takes). */
  items: Item[];
  shadowed: boolean;
}

export interface OwnersDoc {
  kind: "owners" | "owners-aliases";
  relPath: string;
  text: string;
  lines: LineIndex;
  yaml: YamlFirstDocument;
  ctx: Ctx;
  /** The file's size when it is beyond the family's limit and was not parsed. */
  tooLarge: number | undefined;
  /** Offset of a NUL or other control character YAML rejects, or -1. */
  controlChar: number;
  /** The type of the top-level value ("null" for an empty or comment-only file). */
  topType: ValueType;
  top: YAMLMap | undefined;
  entries: KeyEntry[];
  /** Whether Prow could not read this file at all (syntax error, alias bomb, control characters, not a mapping). */
  unreadable: boolean;
  /** The repository-root OWNERS (or OWNERS_ALIASES). */
  isRoot: boolean;
  /** Why Prow never reads this file, when it does not. */
  notRead: string | undefined;
  // OWNERS
  options: KeyEntry | undefined;
  filters: KeyEntry | undefined;
  filterEntries: KeyEntry[];
  /** Keys inside `options:` (when it is a mapping). */
  optionEntries: KeyEntry[];
  /** Keys inside each filter whose value is a mapping. */
  filterBodies: { filter: KeyEntry; entries: KeyEntry[] }[];
  lists: NameList[];
  // OWNERS_ALIASES
  aliasesKey: KeyEntry | undefined;
  groups: AliasGroup[];
}

/** Expansion beyond this many values is an alias bomb (yaml.v2 refuses "excessive aliasing"). */
export const MAX_EXPANDED_VALUES = 100_000;
const NAMED_LISTS = new Set<string>([...CONFIG_LISTS, ...EMERITUS_LISTS, ...LLMD_KEYS]);

export function normLogin(s: string): string {
  const lower = s.toLowerCase();
  return lower.startsWith("@") ? lower.slice(1) : lower;
}

/** Among entries, marks the ones Prow ignores: exact duplicates (last wins) and case variants (see effective()). */
function shadowedSet(entries: readonly KeyEntry[]): Set<KeyEntry> {
  const winner = new Map<string, KeyEntry>();
  for (const e of entries) {
    const w = winner.get(e.lower);
    // encoding/json sees keys in sorted order and assigns each, so the greatest spelling wins; then the last one.
    if (!w || e.name >= w.name) winner.set(e.lower, e);
  }
  return new Set(entries.filter((e) => winner.get(e.lower) !== e));
}

/** The entry Prow uses for a key (matched case-insensitively), if any. */
export function effective(entries: readonly KeyEntry[], lower: string): KeyEntry | undefined {
  let w: KeyEntry | undefined;
  for (const e of entries) if (e.lower === lower && (!w || e.name >= w.name)) w = e;
  return w;
}

function controlCharAt(text: string): number {
  // YAML allows tab, LF, CR and printable characters; yaml.v2 rejects the rest ("control characters are not allowed").
  const m = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ufffe\uffff]/.exec(text);
  return m ? m.index : -1;
}

function directoryNotRead(relPath: string): string | undefined {
  const slash = relPath.lastIndexOf("/");
  const dir = slash === -1 ? "." : relPath.slice(0, slash);
  for (const d of DEFAULT_DIR_DENYLIST) {
    if (d.re.test(dir)) return `Prow never reads OWNERS files in "${dir}" (its default owners_dir_denylist has \`${d.source}\`)`;
  }
  return undefined;
}

const EMPTY_YAML: YamlFirstDocument = { contents: null, errors: [], aliases: new Map(), unknownAnchor: undefined, expandedSize: 0, literalSize: 0, tooDeep: false };

/** Whether anchors and aliases blow the file up (yaml.v2 refuses "excessive aliasing"). */
export function aliasBomb(y: YamlFirstDocument): boolean {
  return y.aliases.size > 0 && y.expandedSize - y.literalSize > MAX_EXPANDED_VALUES;
}

/** Real OWNERS files are a few KB (the largest known OWNERS_ALIASES is about 50 KB). */
export const DEFAULT_MAX_BYTES = 256 * 1024;

export function parseOwners(document: SourceDocument, maxBytes = DEFAULT_MAX_BYTES, readYaml: (text: string) => YamlFirstDocument = parseFirstDocument): OwnersDoc {
  const tooLarge = document.text.length > maxBytes ? document.text.length : undefined;
  const text = tooLarge === undefined ? document.text : "";
  const kind = document.kind === "owners-aliases" ? "owners-aliases" : "owners";
  const lines = new LineIndex(text);
  const controlChar = controlCharAt(text);
  const yaml = controlChar === -1 ? readYaml(text) : EMPTY_YAML;
  const ctx: Ctx = { lines, aliases: yaml.aliases };
  const contents = yaml.contents;
  const topType = typeOf(contents);
  const top = contents && isMap(contents) ? contents : undefined;
  const entries = top ? entriesOf(top, ctx) : [];
  const unreadable = tooLarge !== undefined || controlChar !== -1 || yaml.errors.length > 0 || !!yaml.unknownAnchor || !!yaml.cycle || yaml.tooDeep
    || aliasBomb(yaml) || (topType !== "map" && topType !== "null");
  const isRoot = kind === "owners" ? document.relPath === "OWNERS" : document.relPath === "OWNERS_ALIASES";
  const notRead = kind === "owners"
    ? directoryNotRead(document.relPath)
    : isRoot ? undefined : "Prow reads only the OWNERS_ALIASES at the repository root";
  const parsed: OwnersDoc = {
    kind, relPath: document.relPath, text, lines, yaml, ctx, tooLarge, controlChar, topType, top, entries, unreadable, isRoot, notRead,
    options: undefined, filters: undefined, filterEntries: [], optionEntries: [], filterBodies: [], lists: [], aliasesKey: undefined, groups: [],
  };
  if (kind === "owners") readOwners(parsed);
  else readAliases(parsed);
  return parsed;
}

function listsOf(entries: KeyEntry[], ctx: Ctx, filter: KeyEntry | undefined, out: NameList[]): void {
  const shadowed = shadowedSet(entries);
  for (const e of entries) {
    if (!NAMED_LISTS.has(e.lower)) continue;
    const items = e.value && isSeq(e.value) ? itemsOf(e.value, ctx) : [];
    out.push({ key: e, list: e.lower, filter, items, shadowed: shadowed.has(e) });
  }
}

function readOwners(p: OwnersDoc): void {
  p.options = effective(p.entries, "options");
  p.filters = effective(p.entries, "filters");
  listsOf(p.entries, p.ctx, undefined, p.lists);
  if (p.options?.value && isMap(p.options.value)) p.optionEntries = entriesOf(p.options.value, p.ctx);
  if (p.filters?.value && isMap(p.filters.value)) {
    p.filterEntries = entriesOf(p.filters.value, p.ctx);
    for (const f of p.filterEntries) {
      if (!f.value || !isMap(f.value)) continue;
      const entries = entriesOf(f.value, p.ctx);
      p.filterBodies.push({ filter: f, entries });
      listsOf(entries, p.ctx, f, p.lists);
    }
  }
}

function readAliases(p: OwnersDoc): void {
  p.aliasesKey = effective(p.entries, ALIASES_KEY);
  const value = p.aliasesKey?.value;
  if (!value || !isMap(value)) return;
  const groups = entriesOf(value, p.ctx);
  const winners = new Map<string, KeyEntry>();
  for (const g of groups) winners.set(normLogin(g.name), g);
  for (const g of groups) {
    const v = g.value;
    const items = v && isSeq(v) ? itemsOf(v, p.ctx) : v && isMap(v) ? keysAsItems(v, p.ctx) : [];
    p.groups.push({ entry: g, norm: normLogin(g.name), items, shadowed: winners.get(normLogin(g.name)) !== g });
  }
}

/** The text of a scalar key or item for display. */
export function isScalarNode(n: Node | null): boolean { return !!n && isScalar(n); }
