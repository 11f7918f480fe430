import type { Finding, Rule } from "../../../types";
import { editDistance } from "../../../text";
import { normLogin, type OwnersDoc } from "../parse";
import { aliasTable } from "../repo";
import { aliasShaped } from "../logins";
import { nameRefs } from "../names";
import { code, replace } from "../util";

function nearest(norm: string, names: Iterable<string>): { name: string; distance: number } | undefined {
  let best: { name: string; distance: number } | undefined;
  for (const n of names) {
    const d = editDistance(norm, n, 2);
    if (d <= 2 && (!best || d < best.distance)) best = { name: n, distance: d };
  }
  return best;
}

export const unknownAlias: Rule<OwnersDoc> = {
  id: "owners/unknown-alias",
  description: "A name that looks like an alias but is not defined in the root OWNERS_ALIASES: Prow treats it as a login that matches nobody.",
  defaultSeverity: "warning",
  fixable: true,
  check(p, ctx) {
    if (p.unreadable || p.kind !== "owners") return [];
    const table = aliasTable(p, ctx.workspace);
    const out: Finding[] = [];
    for (const ref of nameRefs(p, true)) {
      const norm = normLogin(ref.text);
      if (table.byNorm.has(norm) || norm.includes("/") || !norm.includes("-")) continue;
      const near = norm.length >= 6 ? nearest(norm, table.byNorm.keys()) : undefined;
      // Without a repository (stdin, a lone file) an undefined alias proves nothing.
      if (!near && (!aliasShaped(norm) || ctx.workspace.root === undefined)) continue;
      const where = !table.exists ? "there is no OWNERS_ALIASES at the repository root to define it"
        : !table.readable ? "the root OWNERS_ALIASES does not define it (and Prow cannot read that file)"
        : "the root OWNERS_ALIASES does not define it";
      const consequence = "Prow treats it as a GitHub login, which matches nobody (and is dropped as a non-collaborator)";
      const { item } = ref;
      out.push({
        range: item.range,
        message: near
          ? `${code(ref.text)} is not an alias: ${where}; did you mean ${code(near.name)}? As written, ${consequence}`
          : `${code(ref.text)} looks like an alias, but ${where}; ${consequence}`,
        fixes: near ? [{ title: `Use the alias ${near.name}`, edits: [replace(p.lines, item.start, item.end, near.name)], isPreferred: true, ...(near.distance === 1 ? { safe: true } : {}) }] : [],
      });
    }
    return out;
  },
};
