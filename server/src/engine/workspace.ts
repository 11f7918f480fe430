import { FILE_LIST, type WorkspaceView } from "./types";

/**
 * A WorkspaceView over a reader the caller supplies (disk, editor buffers, or a map in tests).
 * It records every path read so a front end can re-check dependants when one changes.
 */
export class Workspace implements WorkspaceView {
  private readonly cache = new Map<string, { deps: { path: string; text: unknown }[]; value: unknown }>();
  /** Paths read since the last `takeReads()`. */
  private reads = new Set<string>();

  constructor(
    readonly root: string | undefined,
    private readonly reader: (relPath: string, once: boolean) => string | undefined,
    private readonly lister: () => readonly string[] = () => [],
  ) {}

  readFile(relPath: string, hint?: { once?: boolean }): string | undefined {
    this.reads.add(relPath);
    try { return this.reader(relPath, hint?.once === true); } catch { return undefined; }
  }

  listFiles(): readonly string[] { return this.lister(); }

  memo<T>(key: string, deps: readonly string[], compute: () => T): T {
    // The file list is compared by identity: front ends replace the array when files come or go.
    const current = deps.map((path) => ({ path, text: path === FILE_LIST ? this.listFiles() : this.readFile(path) as unknown }));
    const hit = this.cache.get(key);
    if (hit && hit.deps.length === current.length && hit.deps.every((d, i) => d.path === current[i].path && d.text === current[i].text)) {
      return hit.value as T;
    }
    const value = compute();
    this.cache.set(key, { deps: current, value });
    return value;
  }

  /** The paths read since the previous call, then forgets them. */
  takeReads(): Set<string> {
    const r = this.reads;
    this.reads = new Set();
    return r;
  }
}

/** A workspace made of in-memory files (tests, --stdin, benchmarks). */
export function memoryWorkspace(files: Record<string, string>, root = "/repo"): Workspace {
  const list = Object.keys(files);
  return new Workspace(root, (p) => files[p], () => list);
}
