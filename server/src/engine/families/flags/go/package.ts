/**
 * Cross-file resolution of Go string constants: the package's other files (same folder), or for
 * `pkg.Name` the folder named `pkg` nearest to the file. Cached per folder with workspace.memo,
 * its dependencies being that folder's Go files, so an edit to a sibling re-resolves.
 */
import type { WorkspaceView } from "../../../types";
import { LineIndex } from "../../../text";
import { TOKEN } from "../lex/tokens";
const { STRING } = TOKEN;
import { goStringValue } from "../lex/go";
import { GoFile, stripComment } from "./context";
import { flagsSettings } from "../model";

export interface ResolvedConst { value: string; doc: string; relPath: string }

function dirOf(p: string): string { const i = p.lastIndexOf("/"); return i === -1 ? "" : p.slice(0, i); }

function folderConsts(ws: WorkspaceView, dir: string): Map<string, ResolvedConst> {
  const files = ws.listFiles().filter((p) => p.endsWith(".go") && !p.endsWith("_test.go") && dirOf(p) === dir);
  return ws.memo(`flags/go-consts:${dir}`, files, () => {
    const m = new Map<string, ResolvedConst>();
    for (const p of files) {
      const text = ws.readFile(p);
      if (text === undefined || text.length > 1024 * 1024) continue;
      const f = new GoFile(p, text, flagsSettings({}), new LineIndex(text));
      for (const c of f.consts.values()) {
        if (m.has(c.name) || c.valueEnd - c.valueStart !== 1 || f.t.type[c.valueStart] !== STRING) continue;
        m.set(c.name, { value: goStringValue(f.t.text_(c.valueStart)), doc: stripComment(f.t.docAbove(c.line)?.text ?? ""), relPath: p });
      }
    }
    return m;
  });
}

/** The string value of `Name` or `pkg.Name` as seen from file `f`, or undefined. */
export function resolveGoIdent(f: GoFile, ident: string): ResolvedConst | undefined {
  const dot = ident.indexOf(".");
  if (dot === -1) {
    const c = f.consts.get(ident);
    if (c) {
      const v = f.stringOf(c.valueStart, c.valueEnd);
      return v === undefined ? undefined : { value: v, doc: stripComment(f.t.docAbove(c.line)?.text ?? ""), relPath: f.relPath };
    }
    if (!f.workspace) return undefined;
    const r = folderConsts(f.workspace, dirOf(f.relPath)).get(ident);
    return r && r.relPath !== f.relPath ? r : undefined;
  }
  if (!f.workspace) return undefined;
  const pkg = ident.slice(0, dot), name = ident.slice(dot + 1);
  const dirs = new Set<string>();
  for (const p of f.workspace.listFiles()) {
    if (!p.endsWith(".go")) continue;
    const d = dirOf(p);
    if (d === pkg || d.endsWith("/" + pkg)) dirs.add(d);
  }
  const own = f.relPath.split("/");
  const shared = (d: string) => { const s = d.split("/"); let k = 0; while (k < s.length && k < own.length && s[k] === own[k]) k++; return k; };
  for (const d of [...dirs].sort((a, b) => shared(b) - shared(a) || a.localeCompare(b))) {
    const r = folderConsts(f.workspace, d).get(name);
    if (r) return r;
  }
  return undefined;
}
