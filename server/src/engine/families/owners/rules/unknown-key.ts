import { isMap } from "yaml";
import type { Finding, Fix, Rule, Severity } from "../../../types";
import { closest, editDistance } from "../../../text";
import type { KeyEntry } from "../model";
import { effective, type OwnersDoc } from "../parse";
import {
  ALIASES_KEY, CONFIG_LISTS, DOCUMENTED_KEYS, LEGACY_KEYS, LLMD_KEYS, OPTION_KEYS, PROW_TOP_KEYS, ownersSettings,
} from "../schema";
import { moveUnderOptions, renameKey } from "../fixes";
import { code } from "../util";

const DOCUMENTED_WHY: Record<string, string> = {
  emeritus_approvers: "it only records former approvers for people to read (a kubernetes/community convention); they have no rights",
  emeritus_reviewers: "it only records former reviewers for people to read (a kubernetes/community convention); they are never asked to review",
  security_contacts: "it only tells people whom to contact about security (a kubernetes/community convention)",
};
const OPTION_WHY: Record<string, string> = {
  no_parent_owners: "so the parent directories' OWNERS still apply",
  auto_approve_unowned_subfolders: "so sub-folders without OWNERS still need approval",
};

/** Keys that are merge keys or not scalars are not ours to judge. */
function judged(e: KeyEntry): boolean {
  return e.keyNode !== null && e.name !== "<<";
}

function maxDistance(word: string): number { return word.length <= 4 ? 1 : 2; }

function entriesCount(e: KeyEntry): string {
  const v = e.value;
  const n = v && "items" in v && Array.isArray((v as { items: unknown[] }).items) ? (v as { items: unknown[] }).items.length : 0;
  return n === 0 ? "what it lists" : n === 1 ? "its 1 entry" : `its ${n} entries`;
}

function rename(p: OwnersDoc, e: KeyEntry, to: string, siblings: readonly KeyEntry[]): Fix {
  const taken = siblings.some((s) => s !== e && s.lower === to.toLowerCase());
  const certain = !taken && editDistance(e.name.toLowerCase(), to, 1) <= 1;
  return { title: `Rename to ${to}`, edits: [renameKey(p, e, to)], isPreferred: true, ...(certain ? { safe: true } : {}) };
}

function moveFix(p: OwnersDoc, e: KeyEntry, option: string): Fix[] {
  const edits = moveUnderOptions(p, e, option);
  return edits ? [{ title: `Move ${option} under options:`, edits, isPreferred: true, safe: e.name === option }] : [];
}

/** Top level of an OWNERS file. */
function topLevel(p: OwnersDoc, extra: readonly string[]): Finding[] {
  const out: Finding[] = [];
  const known = new Set<string>([...LLMD_KEYS, ...extra]);
  const candidates = [...PROW_TOP_KEYS, ...OPTION_KEYS, ...DOCUMENTED_KEYS, ...LLMD_KEYS, ...extra];
  for (const e of p.entries) {
    if (!judged(e) || known.has(e.name)) continue;
    if ((PROW_TOP_KEYS as readonly string[]).includes(e.lower)) continue; // exact or case variant (case-insensitive-key)
    if ((DOCUMENTED_KEYS as readonly string[]).includes(e.name)) {
      out.push({ range: e.keyRange, severity: "info", message: `Prow does not read ${code(e.name)}: ${DOCUMENTED_WHY[e.name]}` });
      continue;
    }
    const option = (OPTION_KEYS as readonly string[]).includes(e.lower) ? e.lower : undefined;
    if (option) {
      out.push({ range: e.keyRange, severity: "error", message: `${code(e.name)} belongs under \`options:\`; at the top level Prow ignores it, ${OPTION_WHY[option]}`, fixes: moveFix(p, e, option) });
      continue;
    }
    if (LEGACY_KEYS[e.lower]) {
      const fixes: Fix[] = [];
      for (const to of ["approvers", "reviewers"]) if (!effective(p.entries, to)) fixes.push({ title: `Rename to ${to}`, edits: [renameKey(p, e, to)] });
      if (fixes[0]) fixes[0].isPreferred = true;
      out.push({ range: e.keyRange, severity: "warning", message: LEGACY_KEYS[e.lower], fixes });
      continue;
    }
    const guess = closest(e.name, candidates, maxDistance(e.name));
    if (guess && (OPTION_KEYS as readonly string[]).includes(guess)) {
      out.push({ range: e.keyRange, severity: "error", message: `Prow ignores ${code(e.name)}; did you mean the option ${code(guess)}? Options belong under \`options:\``, fixes: moveFix(p, e, guess) });
    } else if (guess && (CONFIG_LISTS as readonly string[]).includes(guess)) {
      out.push({ range: e.keyRange, severity: "error", message: `${code(e.name)} is not a key Prow reads, so Prow ignores ${entriesCount(e)}; did you mean ${code(guess)}?`, fixes: [rename(p, e, guess, p.entries)] });
    } else if (guess) {
      const sev: Severity = guess === "options" || guess === "filters" ? "error" : "warning";
      out.push({ range: e.keyRange, severity: sev, message: `Prow ignores the key ${code(e.name)}; did you mean ${code(guess)}?`, fixes: [rename(p, e, guess, p.entries)] });
    } else {
      out.push({ range: e.keyRange, severity: "warning", message: `Prow ignores the key ${code(e.name)} (it reads approvers, reviewers, required_reviewers, labels, options and filters); if a tool of yours reads it, list it under owners.extraKeys in .llm-d-contrib.yaml` });
    }
  }
  return out;
}

function optionKeys(p: OwnersDoc): Finding[] {
  const out: Finding[] = [];
  const siblings = p.optionEntries;
  for (const e of siblings) {
    if (!judged(e) || (OPTION_KEYS as readonly string[]).includes(e.lower)) continue;
    const guess = closest(e.name, OPTION_KEYS, maxDistance(e.name));
    if (guess) out.push({ range: e.keyRange, severity: "error", message: `Prow ignores the option ${code(e.name)}, ${OPTION_WHY[guess]}; did you mean ${code(guess)}?`, fixes: [rename(p, e, guess, siblings)] });
    else out.push({ range: e.keyRange, severity: "warning", message: `Prow ignores the option ${code(e.name)} (the options are no_parent_owners and auto_approve_unowned_subfolders)` });
  }
  return out;
}

function filterKeys(p: OwnersDoc): Finding[] {
  const out: Finding[] = [];
  for (const { entries } of p.filterBodies) {
    for (const e of entries) {
      if (!judged(e) || (CONFIG_LISTS as readonly string[]).includes(e.lower)) continue;
      if ((DOCUMENTED_KEYS as readonly string[]).includes(e.name)) {
        out.push({ range: e.keyRange, severity: "info", message: `Prow does not read ${code(e.name)}: ${DOCUMENTED_WHY[e.name]}` });
      } else if (e.lower === "options") {
        out.push({ range: e.keyRange, severity: "warning", message: "Prow ignores `options` inside a filter; options apply to the whole directory, so put them in the top-level `options:`" });
      } else {
        const guess = closest(e.name, CONFIG_LISTS, maxDistance(e.name));
        if (guess) out.push({ range: e.keyRange, severity: "error", message: `${code(e.name)} is not a key Prow reads in a filter, so Prow ignores ${entriesCount(e)}; did you mean ${code(guess)}?`, fixes: [rename(p, e, guess, entries)] });
        else out.push({ range: e.keyRange, severity: "warning", message: `Prow ignores the key ${code(e.name)} inside a filter (a filter has approvers, reviewers, required_reviewers and labels)` });
      }
    }
  }
  return out;
}

function aliasesTopLevel(p: OwnersDoc): Finding[] {
  if (!p.aliasesKey) return []; // no `aliases:` at all: owners/aliases-invalid explains the whole file
  const out: Finding[] = [];
  for (const e of p.entries) {
    if (!judged(e) || e.lower === ALIASES_KEY) continue;
    const guess = closest(e.name, [ALIASES_KEY], 2);
    out.push({ range: e.keyRange, severity: "warning",
      message: guess ? `Prow ignores the key ${code(e.name)}; did you mean ${code(guess)}?` : `Prow reads only \`aliases:\` in OWNERS_ALIASES; it ignores ${code(e.name)}${e.value && isMap(e.value) ? " (to define aliases, put them under `aliases:`)" : ""}` });
  }
  return out;
}

export const unknownKey: Rule<OwnersDoc> = {
  id: "owners/unknown-key",
  description: "A key Prow does not read (a typo, a legacy key, an option outside `options:`): Prow ignores it silently.",
  defaultSeverity: "warning",
  fixable: true,
  check(p, ctx) {
    if (p.unreadable) return [];
    if (p.kind === "owners-aliases") return aliasesTopLevel(p);
    const { extraKeys } = ownersSettings(ctx.settings);
    return [...topLevel(p, extraKeys), ...optionKeys(p), ...filterKeys(p)];
  },
};
