import type { Finding, Fix, Rule, RuleContext } from "../../../types";
import { normLogin, type NameList, type OwnersDoc } from "../parse";
import type { Item } from "../model";
import { aliasTable } from "../repo";
import { approvedByActions, COMMAND_OF, rootOwners } from "../prow-actions";
import { ownersSettings } from "../schema";
import { plainSafe } from "../fixes";
import { code, eol, itemMarker, replace } from "../util";

const ACTION = "prow-github-actions";

/** Top-level approvers and reviewers lists, the ones the action reads (in the root OWNERS). */
function commandLists(p: OwnersDoc): NameList[] {
  return p.lists.filter((l) => !l.filter && !l.shadowed && COMMAND_OF[l.list] !== undefined);
}

function strings(items: readonly Item[]): Item[] {
  return items.filter((i) => i.type === "string" && i.text !== undefined);
}

/** Everyone the top-level lists of one role name, as Prow compares names. */
function listed(p: OwnersDoc, role: string): Set<string> {
  return new Set(commandLists(p).filter((l) => l.list === role).flatMap((l) => strings(l.items).map((i) => normLogin(i.text!))));
}

export const prowActionsIgnored: Rule<OwnersDoc> = {
  id: "owners/prow-actions-ignored",
  description: "Where /approve and /lgtm are llm-d's prow-github-actions: an alias, a filter or an OWNERS below the root, which that action does not read.",
  defaultSeverity: "warning",
  fixable: true,
  check(p, ctx) {
    if (p.unreadable || p.kind !== "owners") return [];
    if (!approvedByActions(ctx.workspace, ownersSettings(ctx.settings).prowGithubActions)) return [];
    return p.isRoot ? inRoot(p, ctx) : belowRoot(p, ctx);
  },
};

/** The root OWNERS: aliases it names, people it lists only inside filters. */
function inRoot(p: OwnersDoc, ctx: Omit<RuleContext, "options">): Finding[] {
  const out: Finding[] = [];
  const table = aliasTable(p, ctx.workspace);
  for (const list of commandLists(p)) {
    const command = COMMAND_OF[list.list];
    for (const item of strings(list.items)) {
      const group = table.byNorm.get(normLogin(item.text!));
      if (!group) continue;
      const members = strings(group.items).map((i) => i.text!.replace(/^@/, ""));
      out.push({
        range: item.range,
        message: `${code(item.text!)} is an alias, but llm-d's ${command} (${ACTION}) does not read OWNERS_ALIASES: it compares each name here with the commenter's login, so the alias's ${members.length} member${members.length === 1 ? "" : "s"} cannot ${command}; list them here`,
        fixes: inlineFix(p, item, group.entry.name, members),
      });
    }
  }
  // People a filter names and the top-level list of the same role does not.
  const onlyInFilters = [...new Set(p.lists.filter((l) => l.filter && COMMAND_OF[l.list] !== undefined)
    .flatMap((l) => { const top = listed(p, l.list); return strings(l.items).map((i) => i.text!).filter((t) => !top.has(normLogin(t))); }))];
  if (p.filters && onlyInFilters.length > 0) {
    out.push({
      range: p.filters.keyRange,
      message: `llm-d's /approve and /lgtm (${ACTION}) read only the top-level approvers and reviewers of the root OWNERS, so ${names(onlyInFilters)}, listed only inside these filters, cannot use them`,
    });
  }
  return out;
}

/** An OWNERS below the root: the people it lists whom the root OWNERS does not. */
function belowRoot(p: OwnersDoc, ctx: Omit<RuleContext, "options">): Finding[] {
  const root = rootOwners(ctx.workspace);
  if (!root || root.unreadable) return [];
  const out: Finding[] = [];
  for (const list of commandLists(p)) {
    const command = COMMAND_OF[list.list];
    const atRoot = listed(root, list.list);
    const missing = [...new Set(strings(list.items).map((i) => i.text!).filter((t) => !atRoot.has(normLogin(t))))];
    if (missing.length === 0) continue;
    out.push({
      range: list.key.keyRange,
      message: `llm-d's ${command} (${ACTION}) reads only the root OWNERS, whose ${list.list} do not include ${names(missing)}: ${missing.length === 1 ? "this person" : "they"} cannot ${command}; add ${missing.length === 1 ? "the login" : "them"} to the root OWNERS to give that right`,
    });
  }
  return out;
}

/** Up to five names for a message. */
function names(list: readonly string[]): string {
  return list.slice(0, 5).map((m) => code(m, 40)).join(", ") + (list.length > 5 ? ` and ${list.length - 5} more` : "");
}

/**
 * Replaces an alias item of a block list with its members, one per line: what llm-d did by hand
 * (48b87e765). Not safe: the list stops following the alias, which is for a person to accept.
 */
function inlineFix(p: OwnersDoc, item: Item, alias: string, members: readonly string[]): Fix[] | undefined {
  if (members.length === 0 || !members.every(plainSafe)) return undefined;
  const lines = p.lines;
  const line = lines.positionAt(item.start).line;
  const text = lines.lineText(line);
  const dash = itemMarker(lines, line);
  if (dash === undefined || dash.length !== item.start - lines.lineStart(line)) return undefined;
  // A comment after the alias stays with the first member.
  const tail = text.slice(item.end - lines.lineStart(line));
  const rest = members.slice(1).map((m) => `${eol(p.text)}${dash}${m}`).join("");
  return [{ title: `List the members of ${alias} here`, edits: [replace(lines, item.start, lines.lineEnd(line), members[0] + tail + rest)] }];
}
