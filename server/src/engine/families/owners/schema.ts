/**
 * The keys of OWNERS and OWNERS_ALIASES and who reads them (specs/owners.md §3.1, §4, §7).
 */

/** Lists of the Go `Config` struct: the only lists Prow reads, at top level or inside a filter. */
export const CONFIG_LISTS = ["approvers", "reviewers", "required_reviewers", "labels"] as const;
/** Of those, the lists that name people (logins, aliases; `org/team` in required_reviewers). */
export const PEOPLE_LISTS = ["approvers", "reviewers", "required_reviewers"] as const;
export const OPTION_KEYS = ["no_parent_owners", "auto_approve_unowned_subfolders"] as const;
/** Every top-level key Prow reads. */
export const PROW_TOP_KEYS = [...CONFIG_LISTS, "options", "filters"] as const;
/** Documented by kubernetes/community, never read by Prow: worth an info, not a warning. */
export const DOCUMENTED_KEYS = ["emeritus_approvers", "emeritus_reviewers", "security_contacts"] as const;
/** Read by llm-d's own workflows (auto-assign.yaml); Prow ignores them. */
export const LLMD_KEYS = ["auto-assign", "emeritus"] as const;
/** Lists of people that are not read by Prow but still name GitHub users. */
export const EMERITUS_LISTS = ["emeritus_approvers", "emeritus_reviewers", "emeritus"] as const;
/** Keys of the pre-2017 format that Prow no longer reads, with what replaced them. */
export const LEGACY_KEYS: Record<string, string> = {
  assignees: "`assignees` is the pre-2017 OWNERS format, which Prow no longer reads; list these people under `approvers` and/or `reviewers`",
};

export const ALIASES_KEY = "aliases";

/** Where Prow never looks for OWNERS files: its default owners_dir_denylist (specs/owners.md §1). */
export const DEFAULT_DIR_DENYLIST: readonly { re: RegExp; source: string }[] = [
  { re: /\.git$/, source: "\\.git$" },
  { re: /_output$/, source: "_output$" },
  { re: /vendor\/.*\/.*/, source: "vendor/.*/.*" },
];

export function isPeopleList(lower: string): boolean {
  return (PEOPLE_LISTS as readonly string[]).includes(lower);
}
export function isConfigList(lower: string): boolean {
  return (CONFIG_LISTS as readonly string[]).includes(lower);
}

/** Settings under `owners:` in .llm-d-contrib.yaml. */
export interface OwnersSettings {
  /** More top-level keys the repository's own tools read. */
  extraKeys: string[];
  /** Files larger than this get one owners/too-large note instead of being checked. */
  maxBytes: number;
  /** Prow's `owners.labels_denylist` (plugins.yaml): labels verify-owners rejects. */
  labelsDenylist: string[];
  /** Whether /approve and /lgtm are prow-github-actions (prow-actions.ts); undefined: detect it. */
  prowGithubActions: boolean | undefined;
}

export function ownersSettings(settings: Record<string, unknown>): OwnersSettings {
  const extra = settings.extraKeys;
  const max = settings.maxBytes;
  const deny = settings.labelsDenylist;
  return {
    labelsDenylist: Array.isArray(deny) ? deny.filter((k): k is string => typeof k === "string") : [],
    extraKeys: Array.isArray(extra) ? extra.filter((k): k is string => typeof k === "string") : [],
    maxBytes: typeof max === "number" && Number.isFinite(max) && max > 0 ? max : 256 * 1024,
    prowGithubActions: typeof settings.prowGithubActions === "boolean" ? settings.prowGithubActions : undefined,
  };
}
