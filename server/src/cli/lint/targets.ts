/**
 * Which files a `lint` run checks. Like eslint: a file named on the command line is checked
 * even when .gitignore or `ignore:` would skip it; a folder is walked with the ignores applied.
 */
import { lstatSync, statSync, type Stats } from "node:fs";
import { isAbsolute, resolve } from "node:path";
import { findRepoRoot, toRelPath, walkFiles } from "../../host/repo";
import { UsageError } from "../errors";

export interface Targets {
  root: string;
  /** Absolute paths as given (resolved against the working folder); "." when none. */
  paths: { given: string; abs: string; stat: Stats }[];
}

/** Resolves the paths and the repository they belong to (the first path's). Bad paths are usage errors. */
export function resolveTargets(paths: readonly string[], cwd: string): Targets {
  const given = paths.length > 0 ? paths : ["."];
  const out: Targets["paths"] = [];
  for (const p of given) {
    const abs = resolve(cwd, p);
    let stat: Stats;
    try { stat = statSync(abs); } catch {
      // A dangling symbolic link is still a path the user named: it gets an internal/unreadable finding.
      try { stat = lstatSync(abs); } catch { throw new UsageError(`no such file or folder: ${p}`, "lint"); }
    }
    out.push({ given: p, abs, stat });
  }
  const root = findRepoRoot(out[0].abs);
  for (const t of out) {
    const rel = toRelPath(root, t.abs);
    if (rel.startsWith("../") || rel === ".." || isAbsolute(rel)) {
      throw new UsageError(`${t.given} is outside the repository ${root} (found from ${given[0]}); check one repository per run`, "lint");
    }
  }
  return { root, paths: out };
}

/**
 * Repository-relative files to check, sorted and without duplicates; `wholeRepo` when the root
 * itself was walked; `nestedRoots`: folders met on the walk that are repositories of their own
 * (.git or .llm-d-contrib.yaml), to be checked with their own configuration.
 */
export function collectFiles(targets: Targets, ignorePatterns: readonly string[]): { files: string[]; wholeRepo: boolean; nestedRoots: string[] } {
  const files = new Set<string>();
  const nestedRoots: string[] = [];
  let wholeRepo = false;
  for (const t of targets.paths) {
    if (t.stat.isDirectory()) {
      if (resolve(t.abs) === targets.root) wholeRepo = true;
      for (const f of walkFiles(targets.root, t.abs, ignorePatterns, nestedRoots)) files.add(f);
    } else {
      files.add(toRelPath(targets.root, t.abs));
    }
  }
  // Already sorted when one folder was walked; TimSort makes that case linear.
  return { files: [...files].sort(), wholeRepo, nestedRoots: [...new Set(nestedRoots)].sort() };
}
