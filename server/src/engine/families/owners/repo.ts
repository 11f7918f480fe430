/**
 * Facts about the repository the owners rules and features need beyond one file: the alias
 * table of the root OWNERS_ALIASES and an index of every name used in every OWNERS file.
 * Both are memoized on the workspace, keyed by the files they were computed from.
 */
import { FILE_LIST, type Range, type WorkspaceView } from "../../types";
import type { Item } from "./model";
import { normLogin, parseOwners, type AliasGroup, type OwnersDoc } from "./parse";

export const ROOT_ALIASES = "OWNERS_ALIASES";

export interface AliasTable {
  /** Whether the repository has a root OWNERS_ALIASES. */
  exists: boolean;
  /** Whether Prow could read it (a broken file still yields the groups we could read). */
  readable: boolean;
  /** Alias groups by Prow's name (lower-cased, @ stripped); the group Prow keeps for duplicates. */
  byNorm: ReadonlyMap<string, AliasGroup>;
  /** The parsed file, for positions. */
  doc: OwnersDoc | undefined;
}

function tableOf(doc: OwnersDoc | undefined): AliasTable {
  const byNorm = new Map<string, AliasGroup>();
  for (const g of doc?.groups ?? []) if (!g.shadowed) byNorm.set(g.norm, g);
  return { exists: !!doc, readable: !!doc && !doc.unreadable, byNorm, doc };
}

/** The alias table Prow would use for the file being checked. */
export function aliasTable(current: OwnersDoc, ws: WorkspaceView): AliasTable {
  if (current.kind === "owners-aliases" && current.isRoot) return tableOf(current);
  return ws.memo("owners/alias-table", [ROOT_ALIASES], () => {
    const text = ws.readFile(ROOT_ALIASES);
    return tableOf(text === undefined ? undefined : parseOwners({ relPath: ROOT_ALIASES, kind: "owners-aliases", text }));
  });
}

/** String members of an alias group, as Prow normalises them. */
export function members(g: AliasGroup): string[] {
  return g.items.filter((i) => i.type === "string" && i.text !== undefined).map((i) => normLogin(i.text!));
}

export interface NameUse {
  relPath: string;
  range: Range;
  /** Prow's form of the name (lower-cased, @ stripped). */
  norm: string;
  /** The name as written. */
  text: string;
  /** approvers, reviewers, … or "alias-member" / "alias-definition" in OWNERS_ALIASES. */
  role: string;
}

export interface NameIndex {
  files: readonly string[];
  uses: readonly NameUse[];
  byNorm: ReadonlyMap<string, NameUse[]>;
}

function isOwnersPath(p: string): boolean {
  const base = p.slice(p.lastIndexOf("/") + 1);
  return base === "OWNERS" || p === ROOT_ALIASES;
}

function usesOf(doc: OwnersDoc): NameUse[] {
  const out: NameUse[] = [];
  const push = (i: Item, role: string) => {
    if (i.type !== "string" || i.text === undefined) return;
    out.push({ relPath: doc.relPath, range: i.range, norm: normLogin(i.text), text: i.text, role });
  };
  for (const l of doc.lists) if (l.list !== "labels") for (const i of l.items) push(i, l.list);
  for (const g of doc.groups) {
    out.push({ relPath: doc.relPath, range: g.entry.keyRange, norm: g.norm, text: g.entry.name, role: "alias-definition" });
    for (const i of g.items) push(i, "alias-member");
  }
  return out;
}

/**
 * Every person or alias name used in the repository's OWNERS files and root OWNERS_ALIASES.
 * `current` (an editor buffer) wins over the workspace's copy of the same file.
 */
export function nameIndex(ws: WorkspaceView, current?: OwnersDoc): NameIndex {
  // Filtering every path of a large repository once per list, not once per request.
  const listed = ws.memo("owners/files", [FILE_LIST], () => ws.listFiles().filter(isOwnersPath));
  const files = current && isOwnersPath(current.relPath) && !listed.includes(current.relPath) ? [...listed, current.relPath] : listed;
  const index = ws.memo("owners/name-index", files, () => {
    const uses: NameUse[] = [];
    for (const f of files) {
      const text = ws.readFile(f);
      if (text === undefined) continue;
      uses.push(...usesOf(parseOwners({ relPath: f, kind: f === ROOT_ALIASES ? "owners-aliases" : "owners", text })));
    }
    return uses;
  });
  let uses = index;
  if (current && current.text !== ws.readFile(current.relPath)) {
    uses = [...index.filter((u) => u.relPath !== current.relPath), ...usesOf(current)];
  }
  const byNorm = new Map<string, NameUse[]>();
  for (const u of uses) {
    const list = byNorm.get(u.norm);
    if (list) list.push(u); else byNorm.set(u.norm, [u]);
  }
  return { files, uses, byNorm };
}
