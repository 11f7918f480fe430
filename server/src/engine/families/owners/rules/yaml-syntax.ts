import type { YAMLError } from "yaml";
import { isScalar, isSeq, type Node } from "yaml";
import type { Finding, Fix, Rule, TextEdit } from "../../../types";
import { applyEdits } from "../../../edits";
import { MAX_EXPANDED_VALUES, aliasBomb, parseOwners, type OwnersDoc } from "../parse";
import { PROW_TOP_KEYS, ALIASES_KEY, CONFIG_LISTS, OPTION_KEYS } from "../schema";
import { clip, code, deleteLines, insertAt, lineRangeTrimmed, replace } from "../util";

const CANNOT = "so Prow cannot parse this file and ignores all of it";

/** Errors YAML reports for one kind of mistake (a stray line yields either code). */
function kindOf(code: string): string {
  return code === "MULTILINE_IMPLICIT_KEY" || code === "MISSING_CHAR" ? "stray" : code;
}

/** Each fix is vouched for by re-checking the fixed text: only the first few findings of a file get fixes (people fix top-down). */
const FINDINGS_WITH_FIXES = 5;
/** Largest file whose fixes are vouched for that way; beyond it fixes are offered unchecked and never safe. */
const CHECKED_FIX_BYTES = 64 * 1024;
/** False while re-checking a fixed text (no fixes of fixes). */
let fixesWanted = true;

/** A candidate syntax fix; check() keeps it only if it helps, and marks it safe only if the result parses cleanly. */
function fix(_p: OwnersDoc, title: string, edits: TextEdit[], preferred = false, mayBeSafe = true, _code?: string): Fix {
  return { title, edits, ...(preferred ? { isPreferred: true } : {}), ...(mayBeSafe ? { safe: true } : {}) };
}

/** Keeps the candidate fixes that leave fewer findings with the same message (vouched for by re-checking the fixed text). */
function vouch(p: OwnersDoc, findings: Finding[]): Finding[] {
  const count = new Map<string, number>();
  for (const f of findings) count.set(f.message, (count.get(f.message) ?? 0) + 1);
  return findings.map((f, i) => {
    if (!f.fixes?.length) return f;
    if (i >= FINDINGS_WITH_FIXES) return { ...f, fixes: [] };
    const fixes: Fix[] = [];
    for (const c of f.fixes) {
      const { safe, ...rest } = c;
      if (p.text.length > CHECKED_FIX_BYTES) { fixes.push(rest); continue; }
      const after = parseOwners({ relPath: p.relPath, kind: p.kind, text: applyEdits(p.text, c.edits) });
      let again: Finding[];
      fixesWanted = false;
      try { again = yamlSyntax.check(after, undefined as never); } finally { fixesWanted = true; }
      if (again.filter((x) => x.message === f.message).length >= count.get(f.message)!) continue;
      fixes.push(safe && again.length === 0 && !after.unreadable ? c : rest);
    }
    return { ...f, fixes };
  });
}

function present(...fixes: (Fix | undefined)[]): Fix[] {
  if (!fixesWanted) return [];
  return fixes.filter((f): f is Fix => !!f);
}

function controlChar(p: OwnersDoc): Finding {
  const at = p.controlChar;
  const c = p.text.charCodeAt(at);
  const what = c === 0 ? "binary data (a NUL byte)" : `the control character U+${c.toString(16).toUpperCase().padStart(4, "0")}`;
  return { range: p.lines.range(at, at + 1), message: `the file holds ${what}, which YAML does not allow, ${CANNOT}` };
}

function tabs(p: OwnersDoc, e: YAMLError): Finding {
  const { lines } = p;
  const edits: TextEdit[] = [];
  for (let l = 0; l < lines.lineCount; l++) {
    const lead = /^[ \t]*/.exec(lines.lineText(l))![0];
    if (lead.includes("\t")) edits.push(replace(lines, lines.lineStart(l), lines.lineStart(l) + lead.length, lead.replace(/\t/g, "  ")));
  }
  const line = lines.positionAt(e.pos[0]).line;
  const lead = /^[ \t]*/.exec(lines.lineText(line))![0];
  const more = edits.length > 1 ? ` (${edits.length} lines do)` : "";
  return {
    range: { start: { line, character: 0 }, end: { line, character: lead.length } },
    message: `this line is indented with a tab${more}; YAML indents with spaces only, ${CANNOT} ("found character that cannot start any token")`,
    fixes: present(fix(p, "Replace indentation tabs with spaces", edits, true, true, e.code)),
  };
}

/** The extent of a plain value starting at `at`: to a comment, the end of the line, or (in flow) `,` `]` `}`. */
function plainExtent(p: OwnersDoc, at: number): number {
  const line = p.lines.positionAt(at).line;
  const lineText = p.lines.lineText(line);
  const col = at - p.lines.lineStart(line);
  const inFlow = /[[{]/.test(lineText.slice(0, col));
  let end = col;
  while (end < lineText.length) {
    const ch = lineText[end];
    if (inFlow && (ch === "," || ch === "]" || ch === "}")) break;
    if (ch === "#" && end > 0 && /\s/.test(lineText[end - 1])) break;
    end++;
  }
  while (end > col && /\s/.test(lineText[end - 1])) end--;
  return p.lines.lineStart(line) + end;
}

function reservedStart(p: OwnersDoc, e: YAMLError): Finding {
  const at = e.pos[0];
  const ch = p.text[at];
  const end = plainExtent(p, at);
  const value = p.text.slice(at, end);
  const fixes: Fix[] = [];
  if (ch === "@") {
    const all = p.yaml.errors.filter((x) => x.code === "BAD_SCALAR_START" && p.text[x.pos[0]] === "@");
    const edits = all.map((x) => replace(p.lines, x.pos[0], x.pos[0] + 1, ""));
    const quotes = all.map((x) => { const en = plainExtent(p, x.pos[0]); return replace(p.lines, x.pos[0], en, JSON.stringify(p.text.slice(x.pos[0], en))); });
    fixes.push(...present(
      fix(p, edits.length > 1 ? `Remove the @ from ${edits.length} names` : `Remove the @ (${clip(value.slice(1), 40)})`, edits, true, true, e.code),
      fix(p, quotes.length > 1 ? `Quote the ${quotes.length} names ("@…")` : `Quote it ("${clip(value, 40)}")`, quotes, false, true, e.code),
    ));
    return { range: p.lines.range(at, end), message: `${code(value)}: a YAML value cannot start with @, ${CANNOT}; write ${code(value.slice(1))} (Prow drops a leading @ anyway)`, fixes };
  }
  const inner = value.replace(/^`+|`+$/g, "");
  fixes.push(...present(fix(p, "Remove the backticks", [replace(p.lines, at, end, inner)], true, true, e.code)));
  return { range: p.lines.range(at, end), message: `${code(value, 60)}: a YAML value cannot start with a backtick, ${CANNOT}; write ${code(inner)}`, fixes };
}

const KNOWN_KEYS = new Set<string>([...PROW_TOP_KEYS, ...OPTION_KEYS, ALIASES_KEY, "emeritus_approvers", "emeritus_reviewers", "auto-assign", "emeritus"]);

function nearestListIndent(p: OwnersDoc, line: number): string | undefined {
  for (let l = line - 1; l >= 0; l--) {
    const t = p.lines.lineText(l);
    if (/^\s*(#|$)/.test(t)) continue;
    const m = /^(\s*)- /.exec(t);
    return m ? m[1] : undefined;
  }
  return undefined;
}

/** "could not find expected ':'": a line that is neither `key:` nor `- item`. */
function strayLine(p: OwnersDoc, e: YAMLError): Finding {
  const { lines } = p;
  const line = lines.positionAt(e.pos[0]).line;
  const range = lineRangeTrimmed(lines, line);
  const startOff = lines.offsetAt(range.start);
  const endOff = lines.offsetAt(range.end);
  const t = p.text.slice(startOff, endOff);
  const why = `${CANNOT} ("could not find expected ':'")`;
  if (/^-[^\s-]/.test(t)) {
    return { range, message: `${code(t)} needs a space after "-" to be a list item; as written it is neither a list item nor a key, ${why}`,
      fixes: present(fix(p, "Add the missing space after -", [insertAt(lines, startOff + 1, " ")], true, true, e.code)) };
  }
  if (KNOWN_KEYS.has(t)) {
    return { range, message: `${code(t)} needs a ":" after it to be a key, ${why}`,
      fixes: present(fix(p, `Add ":" after ${t}`, [insertAt(lines, endOff, ":")], true, true, e.code)) };
  }
  const comment = fix(p, "Turn the line into a comment", [insertAt(lines, startOff, "# ")], !/^[\w.-]+$/.test(t), false, e.code);
  const remove = fix(p, "Delete the line", [deleteLines(lines, line, line)], false, false, e.code);
  const listIndent = nearestListIndent(p, line);
  if (/^[A-Za-z0-9][\w.-]*$/.test(t)) {
    const indent = listIndent ?? lines.lineText(line).slice(0, range.start.character) + "  ";
    const item = fix(p, `Make it a list item (- ${clip(t, 40)})`, [replace(lines, lines.lineStart(line), startOff, indent + "- ")], true, false, e.code);
    return { range, message: `${code(t)} is not a list item (it lacks "- ") and not a key (it lacks ":"), ${why}`, fixes: present(item, comment, remove) };
  }
  return { range, message: `stray text ${code(t)}: this line is neither a \`key:\` nor a \`- item\`, ${why}; a comment must start with "#"`, fixes: present(comment, remove) };
}

function badIndent(p: OwnersDoc, e: YAMLError): Finding {
  const { lines } = p;
  const line = lines.positionAt(e.pos[0]).line;
  const range = lineRangeTrimmed(lines, line);
  const t = lines.lineText(line).trim();
  const fixes: Fix[] = [];
  // A key indented under the previous list: align it with the closest key above that is less indented.
  const col = range.start.character;
  for (let l = line - 1; l >= 0; l--) {
    const m = /^( *)([^\s#-][^:#]*):(\s|$)/.exec(lines.lineText(l));
    if (!m || m[1].length >= col) continue;
    fixes.push(...present(fix(p, `Indent it like ${clip(m[2], 40)}:`, [replace(lines, lines.lineStart(line), lines.lineStart(line) + col, m[1])], true, true, e.code)));
    break;
  }
  return { range, message: `${code(t)} is indented differently from the lines around it, so YAML cannot tell what it belongs to and Prow cannot parse this file (it ignores all of it); keys of one mapping must start in the same column`, fixes };
}

function badEscape(p: OwnersDoc, e: YAMLError): Finding {
  const at = e.pos[0];
  const esc = p.text.slice(at, at + 2);
  const slash = p.text[at] === "\\" ? at : at - 1;
  return {
    range: p.lines.range(slash, slash + 2),
    message: `${code(esc)} is not an escape YAML knows inside double quotes, ${CANNOT}; for a regexp write ${code("\\" + esc)} in double quotes, or use single quotes`,
    fixes: present(fix(p, `Double the backslash (${"\\" + esc})`, [insertAt(p.lines, slash, "\\")], true, true, e.code)),
  };
}

function generic(p: OwnersDoc, e: YAMLError): Finding {
  const [s, en] = e.pos;
  const line = p.lines.positionAt(s).line;
  const lineEnd = p.lines.lineEnd(line);
  const end = Math.max(s, Math.min(en, lineEnd));
  const msg = e.message.split("\n")[0].replace(/^./, (c) => c.toLowerCase()).replace(/\.$/, "");
  return { range: p.lines.range(s, end > s ? end : Math.min(lineEnd, s + 1)), message: `YAML syntax error (${msg}), ${CANNOT}` };
}

function explain(p: OwnersDoc, e: YAMLError): Finding {
  switch (e.code) {
    case "TAB_AS_INDENT": return tabs(p, e);
    case "BAD_SCALAR_START": return p.text[e.pos[0]] === "@" || p.text[e.pos[0]] === "`" ? reservedStart(p, e) : generic(p, e);
    case "MULTILINE_IMPLICIT_KEY":
    case "MISSING_CHAR": return /map values|single line/.test(e.message) ? strayLine(p, e) : generic(p, e);
    case "BAD_INDENT": return /same column/.test(e.message) ? badIndent(p, e) : generic(p, e);
    case "BAD_DQ_ESCAPE": return badEscape(p, e);
    default: return generic(p, e);
  }
}

/** Kinds of error worth a finding of their own on every line; others only when they come first (later ones may be echoes). */
const EACH_LINE = new Set(["stray", "BAD_INDENT", "BAD_DQ_ESCAPE"]);
/** Kinds reported once for the whole file, with a fix for every occurrence. */
const ONCE = new Set(["TAB_AS_INDENT", "BAD_SCALAR_START"]);

function explainAll(p: OwnersDoc): Finding[] {
  const out: Finding[] = [];
  const lines = new Set<number>();
  const once = new Set<string>();
  p.yaml.errors.forEach((e, i) => {
    const kind = kindOf(e.code);
    const line = p.lines.positionAt(e.pos[0]).line;
    if (lines.has(line) || once.has(kind)) return;
    if (i > 0 && !EACH_LINE.has(kind) && !ONCE.has(kind)) return;
    if (ONCE.has(kind)) once.add(kind);
    lines.add(line);
    out.push(explain(p, e));
  });
  return out;
}

function firstLine(p: OwnersDoc, node: Node) {
  const start = node.range?.[0] ?? 0;
  return lineRangeTrimmed(p.lines, p.lines.positionAt(start).line);
}

function notAMapping(p: OwnersDoc): Finding | undefined {
  const top = p.yaml.contents;
  if (!top || p.topType === "map" || p.topType === "null") return undefined;
  const expected = p.kind === "owners" ? "`key: value` pairs such as `approvers:`" : "one `aliases:` mapping of alias names to lists";
  if (isSeq(top)) {
    return { range: firstLine(p, top), message: `the file is a YAML list (its lines start with "- "), but Prow expects ${expected}; Prow cannot read it and ignores all of it` };
  }
  const text = isScalar(top) ? String(top.value ?? "") : "";
  const range = firstLine(p, top);
  const missingColons: TextEdit[] = [];
  for (let l = range.start.line; l < p.lines.lineCount; l++) {
    const t = p.lines.lineText(l);
    if (new Set<string>([...CONFIG_LISTS, "options", "filters", ALIASES_KEY, "assignees"]).has(t.trim()) && !t.includes(":")) {
      missingColons.push(insertAt(p.lines, p.lines.lineStart(l) + t.trimEnd().length, ":"));
    }
  }
  if (missingColons.length > 0) {
    return { range, message: `keys need a ":" after them (\`approvers:\`); without it the whole file is one piece of text, ${CANNOT}`,
      fixes: present(fix(p, `Add the missing ":" after ${missingColons.length === 1 ? "the key" : "the keys"}`, missingColons, true)) };
  }
  return { range, message: `the file is a single piece of text (${code(text, 40)}), not ${expected}; Prow cannot read it and ignores all of it` };
}

export const yamlSyntax: Rule<OwnersDoc> = {
  id: "owners/yaml-syntax",
  description: "The file is not YAML that Prow can read (tabs, unquoted @, `-name`, stray text, not a mapping): Prow ignores all of it.",
  defaultSeverity: "error",
  fixable: true,
  check(p) {
    const findings = findingsOf(p);
    return fixesWanted ? vouch(p, findings) : findings;
  },
};

function findingsOf(p: OwnersDoc): Finding[] {
    if (p.tooLarge !== undefined) return [];
    if (p.controlChar !== -1) return [controlChar(p)];
    const y = p.yaml;
    if (y.errors.length > 0) return explainAll(p);
    if (y.unknownAnchor) {
      const r = y.unknownAnchor.range ?? [0, 0];
      const src = p.text.slice(r[0], r[1]);
      return [{ range: p.lines.range(r[0], r[1]), message: `${code(src)} refers to an anchor ${code("&" + src.slice(1))} that is not defined before it, ${CANNOT}` }];
    }
    if (y.cycle) {
      const r = y.cycle.range ?? [0, 0];
      const src = p.text.slice(r[0], r[1]);
      return [{ range: p.lines.range(r[0], r[1]), message: `${code(src)} stands for the value that contains it (${code("&" + src.slice(1))}), an endless loop; ${CANNOT} ("anchor value contains itself")` }];
    }
    if (y.tooDeep) return [{ range: p.lines.lineRange(0), message: "values are nested more than 100 levels deep; this is not an OWNERS file Prow can use, so it was not checked further" }];
    if (aliasBomb(y)) {
      const first = [...y.aliases.keys()][0];
      const r = first?.range ?? [0, 0];
      return [{ range: p.lines.range(r[0], r[1]), message: `anchors and aliases (&x / *x) expand this file to more than ${MAX_EXPANDED_VALUES} values (an "alias bomb"); Prow's YAML reader refuses it ("excessive aliasing")` }];
    }
    const nm = notAMapping(p);
    return nm ? [nm] : [];
}
