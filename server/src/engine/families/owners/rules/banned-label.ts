import type { Finding, Rule } from "../../../types";
import type { OwnersDoc } from "../parse";
import { decode, effectiveIn } from "../decode";
import { ownersSettings } from "../schema";

/**
 * verify-owners rejects an OWNERS file whose labels (top-level, or of any filter) are in the
 * Prow configuration's `owners.labels_denylist` (specs/owners.md §5): "File contains banned
 * labels". The denylist lives outside the repository, so it is the setting `owners.labelsDenylist`;
 * without it the rule says nothing.
 */
export const bannedLabel: Rule<OwnersDoc> = {
  id: "owners/banned-label",
  description: "A label the repository's Prow configuration bans (setting owners.labelsDenylist): verify-owners rejects the file.",
  defaultSeverity: "error",
  check(p, ctx) {
    const banned = ownersSettings(ctx.settings).labelsDenylist;
    if (banned.length === 0 || p.unreadable || p.kind !== "owners") return [];
    const d = decode(p);
    if (d.mode === "none") return [];
    // Prow reads the top-level labels of a simple file, the filters' labels of a full one.
    const keys = d.mode === "simple" ? [effectiveIn(p.entries, "labels")] : p.filterBodies.map((b) => effectiveIn(b.entries, "labels"));
    const out: Finding[] = [];
    const deny = new Set(banned);
    for (const key of keys) {
      if (!key) continue;
      for (const item of p.lists.find((l) => l.key === key)?.items ?? []) {
        if (item.text === undefined || !deny.has(item.text)) continue;
        out.push({
          range: item.range,
          message: `the label "${item.text}" is in the labels denylist (owners.labelsDenylist: ${banned.join(", ")}), so verify-owners rejects this file ("File contains banned labels: [${item.text}].")`,
        });
      }
    }
    return out;
  },
};
