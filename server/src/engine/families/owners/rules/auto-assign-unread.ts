import type { Finding, Fix, Rule } from "../../../types";
import type { NameList, OwnersDoc } from "../parse";
import type { Item } from "../model";
import { readAsWorkflow, type LineReading } from "../auto-assign";
import { plainSafe } from "../fixes";
import { code, eol, insertAt, itemMarker, replace } from "../util";

const WORKFLOW = "llm-d's auto-assign workflow";

/**
 * Why the workflow does not read an item YAML reads. In YAML that parses, the only line in column 1
 * between `auto-assign:` and one of its items is another item: the list is indentless.
 */
type Unread = { why: "never-opens" } | { why: "same-line" } | { why: "indentless" } | { why: "not-an-item" };

export const autoAssignUnread: Rule<OwnersDoc> = {
  id: "owners/auto-assign-unread",
  description: "A reviewer under `auto-assign:` that llm-d's auto-assign workflow, reading the root OWNERS line by line, does not read as YAML does.",
  defaultSeverity: "warning",
  fixable: true,
  check(p) {
    if (p.unreadable || p.kind !== "owners") return [];
    const lists = p.lists.filter((l) => l.list === "auto-assign" && !l.filter && !l.shadowed && l.items.length > 0);
    if (lists.length === 0) return [];
    if (!p.isRoot) {
      return lists.map((l) => ({
        range: l.key.keyRange, severity: "info" as const,
        message: `${WORKFLOW} reads only the root OWNERS, so this list assigns nobody; list these reviewers under \`auto-assign:\` in the root OWNERS`,
      }));
    }
    const readings = readAsWorkflow(p.text);
    const out: Finding[] = [];
    for (const list of lists) out.push(...checkList(p, list, readings));
    return out;
  },
};

function checkList(p: OwnersDoc, list: NameList, readings: readonly LineReading[]): Finding[] {
  const out: Finding[] = [];
  const keyLine = p.lines.positionAt(list.key.start).line;
  const unread: { item: Item; reason: Unread }[] = [];
  for (const item of list.items) {
    if (item.type !== "string" || item.text === undefined) continue; // an empty or non-text item is wrong-type's
    const line = p.lines.positionAt(item.start).line;
    const r = readings[line];
    if (!r || r.kind === "unread") continue; // the last line without a line break: owners/final-newline
    if (r.kind === "reviewer") {
      const meant = item.text.startsWith("@") ? item.text.slice(1) : item.text;
      if (r.login !== meant) out.push(misread(p, item, line, r.login, meant));
      continue;
    }
    unread.push({ item, reason: whyUnread(readings, keyLine, line) });
  }
  if (unread.length === 0) return out;
  const reason = unread[0].reason;
  const considered = list.items.filter((i) => i.type === "string" && readings[p.lines.positionAt(i.start).line]?.kind !== "unread").length;
  if (reason.why !== "not-an-item" && unread.length === considered && unread.every((u) => u.reason.why === reason.why)) {
    // The whole list is lost the same way: one finding, at its key.
    out.unshift({ range: list.key.keyRange, message: message(reason, unread.length), fixes: wholeListFix(p, list, reason) });
    return out;
  }
  for (const { item, reason } of unread) out.push({ range: item.range, message: message(reason, 1) });
  return out.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}

function whyUnread(readings: readonly LineReading[], keyLine: number, line: number): Unread {
  if (readings[keyLine]?.kind !== "opens") return { why: "never-opens" };
  if (line === keyLine) return { why: "same-line" };
  for (let l = keyLine + 1; l <= line; l++) {
    if (readings[l].kind === "closes") return { why: "indentless" };
  }
  return { why: "not-an-item" };
}

function message(reason: Unread, n: number): string {
  const lost = `so it never reads ${n === 1 ? "this reviewer" : `these ${n} reviewers`}`;
  switch (reason.why) {
    case "never-opens": return `${WORKFLOW} starts reading at a line that begins exactly \`auto-assign:\` and finds none here, ${lost}; write the key as \`auto-assign:\` at the start of the line`;
    case "same-line": return `${WORKFLOW} reads only \`- login\` lines below \`auto-assign:\`, not a list on the same line, ${lost}; write one \`- login\` per line`;
    case "indentless": return `${WORKFLOW} stops reading \`auto-assign:\` at the first line that begins in column 1, ${lost}; indent the list items`;
    case "not-an-item": return `${WORKFLOW} reads only lines of the form \`- login\` without a colon, ${lost}`;
  }
}

/** Fixes for a list the workflow loses as a whole; undefined when no rewrite is certainly right. */
function wholeListFix(p: OwnersDoc, list: NameList, reason: Unread): Fix[] | undefined {
  const nl = eol(p.text);
  const lines = p.lines;
  if (reason.why === "never-opens") {
    const keyLine = lines.positionAt(list.key.start).line;
    const text = lines.lineText(keyLine);
    const m = /^(["']?)auto-assign\1[ \t]*:/i.exec(text);
    if (!m || list.key.keyRange.start.character !== 0) return undefined;
    const start = lines.lineStart(keyLine);
    return [{ title: "Write the key as auto-assign:", edits: [replace(lines, start, start + m[0].length, "auto-assign:")], isPreferred: true, safe: true }];
  }
  if (reason.why === "same-line") {
    const logins = list.items.map((i) => i.text ?? "");
    const keyLine = lines.positionAt(list.key.start).line;
    const valueStart = lines.offsetAt(list.key.valueRange.start), valueEnd = lines.offsetAt(list.key.valueRange.end);
    if (lines.positionAt(valueEnd).line !== keyLine || lines.lineText(keyLine).slice(lines.positionAt(valueEnd).character).trim() !== "") return undefined;
    if (!logins.every((l) => plainSafe(l.replace(/^@/, "")))) return undefined;
    const colon = p.text.lastIndexOf(":", valueStart);
    const block = logins.map((l) => `${nl}  - ${l.replace(/^@/, "")}`).join("");
    return [{ title: "Write one - login per line", edits: [replace(lines, colon + 1, valueEnd, block)], isPreferred: true, safe: true }];
  }
  if (reason.why === "indentless") {
    // Safe when every item is on a line of its own: indenting an indentless sequence keeps its meaning.
    const itemLines = list.items.map((i) => lines.positionAt(i.start).line);
    if (list.items.some((i, k) => lines.positionAt(i.end).line !== itemLines[k])) return undefined;
    return [{ title: "Indent the list items", edits: itemLines.map((l) => insertAt(lines, lines.lineStart(l), "  ")), isPreferred: true, safe: true }];
  }
  return undefined;
}

/** A reviewer the workflow reads with its quotes or comment: GitHub refuses that login. */
function misread(p: OwnersDoc, item: Item, line: number, read: string, meant: string): Finding {
  const lines = p.lines;
  const finding: Finding = {
    range: item.range,
    message: `${WORKFLOW} reads this reviewer as ${code(read)}, not ${code(meant)}${/["'#]/.test(read) ? " (it keeps quotes and comments)" : ""}, and GitHub refuses a review request naming an unknown login, so nobody is assigned; write \`- ${meant}\``,
  };
  if (!plainSafe(meant)) return finding;
  const start = lines.lineStart(line), end = lines.lineEnd(line);
  const text = lines.lineText(line);
  const dash = itemMarker(lines, line);
  const comment = text.slice(item.end - start).trim();
  const indent = /^[ \t]*/.exec(text)![0];
  const above = comment.startsWith("#") ? `${indent}${comment}${eol(p.text)}` : "";
  // An anchor (`&a bob`) may be used elsewhere: dropping it is not a fix.
  if (dash === undefined || (comment !== "" && above === "") || text.slice(dash.length, item.end - start).includes("&")) return finding;
  finding.fixes = [{
    title: above ? `Write - ${meant} and move the comment above it` : `Write - ${meant}`,
    edits: [replace(lines, start, end, `${above}${dash}${meant}`)], isPreferred: true, safe: true,
  }];
  return finding;
}
