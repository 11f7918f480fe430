/** Shared fixtures for the proposal family's unit tests. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Case } from "../../support/rule-tester";

export const repoRoot = join(__dirname, "..", "..", "..");
export const corpusDir = join(repoRoot, "..", "shared", "corpus", "proposals");
/** llm-d's PROPOSAL_TEMPLATE.md, as the reference copy beside the repository holds it. */
export const TEMPLATE = readFileSync(join(repoRoot, "..", "shared", "reference", "PROPOSAL_TEMPLATE.md"), "utf8");
export const TEMPLATE_PATH = "docs/proposals/PROPOSAL_TEMPLATE.md";

/** A small proposal that follows the template exactly (line numbers in comments are one-based). */
export const GOOD = [
  "# KV-cache aware routing", //                      1
  "",
  "## Summary", //                                    3
  "",
  "Route each request to the replica holding its prefix.", // 5
  "",
  "## Motivation", //                                 7
  "",
  "Recomputing shared prefixes wastes GPU time.", //   9
  "",
  "### Goals", //                                     11
  "",
  "- Fewer recomputed prefixes.", //                  13
  "",
  "### Non-Goals", //                                 15
  "",
  "- Changing the scheduler API.", //                 17
  "",
  "## Proposal", //                                   19
  "",
  "Score endpoints by the length of their cached prefix.", // 21
  "",
  "## Design Details", //                             23
  "",
  "The scorer reads KV-cache events from vLLM.", //   25
  "",
  "## Alternatives", //                               27
  "",
  "Round robin: rejected, it ignores the cache.", //  29
  "",
];

export function text(lines: readonly string[]): string {
  return lines.join("\n");
}

/** GOOD with edits: `drop` removes one-based line ranges [from, to]; `set` replaces one-based lines. */
export function variant(opts: { set?: Record<number, string>; drop?: [number, number][] } = {}): string {
  const lines = GOOD.map((l, i) => opts.set?.[i + 1] ?? l);
  const dropped = new Set<number>();
  for (const [a, b] of opts.drop ?? []) for (let i = a; i <= b; i++) dropped.add(i);
  return text(lines.filter((_, i) => !dropped.has(i + 1)));
}

/** A case for docs/proposals/<name>, with llm-d's template in the repository. */
export function proposalCase(body: string, name = "kv_cache_aware_routing.md", extra: Partial<Case> = {}): Case {
  return { path: `docs/proposals/${name}`, text: body, ...extra, files: { [TEMPLATE_PATH]: TEMPLATE, ...(extra.files ?? {}) } };
}

/** The template's guidance comment under a heading ("## Design Details"), read from the template text itself. */
export function guidanceOf(heading: string): string {
  const at = TEMPLATE.indexOf(`\n${heading}\n`);
  const m = /^\n*(<!--[\s\S]*?-->)/.exec(TEMPLATE.slice(at + heading.length + 2));
  if (at === -1 || !m) throw new Error(`no guidance under ${heading}`);
  return m[1];
}
