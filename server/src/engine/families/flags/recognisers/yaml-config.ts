/**
 * YAML configuration keys (Helm values.yaml and other config files): keys under an
 * `experimental:` section or containing `experimental`, and switches (boolean or on/off values)
 * whose own comment, the comment block right above the key or the comment on its line, says
 * experimental. An `enabled:`/`enable:` switch also takes the comment of the section it switches.
 * Comments are comments: a commented-out example is never read as a key, and a comment
 * separated from the next key by a blank line belongs to no key.
 */
import { parseAllDocuments, isMap, isScalar, type Node, type Pair, type YAMLMap } from "yaml";
import type { LineIndex } from "../../../text";
import type { DefaultValue, Evidence, FlagDecl, FlagsSettings, ValueType } from "../model";
import { experimentalName, findEvidenceWord, hasExperimentalName, offSpelling, switchState } from "../evidence";
import type { YamlRole } from "../yaml/role";

const GENERIC = new Set(["enabled", "enable"]);

/** The comment block right above `line` (no blank line between) and the comment at the end of it. */
export function ownComments(lines: LineIndex, line: number, valueEnd: number): { above?: { text: string; line: number }; trailing?: { text: string; line: number } } {
  const parts: string[] = [];
  let l = line - 1, first = -1;
  while (l >= 0) {
    const s = lines.lineText(l).trim();
    if (!s.startsWith("#")) break;
    parts.unshift(s.replace(/^#+\s?/, ""));
    first = l;
    l--;
  }
  const rest = lines.text.slice(valueEnd, lines.lineEnd(line));
  const m = /(^|\s)#(.*)$/.exec(rest);
  return {
    above: parts.length ? { text: parts.join("\n"), line: first } : undefined,
    trailing: m ? { text: m[2], line } : undefined,
  };
}

function commentEvidence(lines: LineIndex, line: number, valueEnd: number, words: string[], name: string, where: "own" | "section"): Evidence[] {
  const c = ownComments(lines, line, valueEnd);
  const out: Evidence[] = [];
  for (const [part, label] of [[c.above, "the comment above it"], [c.trailing, "the comment on its line"]] as const) {
    if (!part) continue;
    const m = findEvidenceWord(part.text, words, name);
    if (m) { out.push({ kind: where === "section" ? "section" : part === c.trailing ? "comment" : "doc", word: m.word, line: part.line, where: where === "section" ? "the comment of its section" : label }); break; }
  }
  return out;
}

export function recogniseYamlConfig(text: string, lines: LineIndex, settings: FlagsSettings, role: YamlRole): FlagDecl[] {
  if (!/experimental/i.test(text) && !settings.evidenceWords.some((w) => text.toLowerCase().includes(w.toLowerCase()))) return [];
  const out: FlagDecl[] = [];
  let docs;
  try { docs = parseAllDocuments(text, { uniqueKeys: false }); } catch { return []; }
  if (!Array.isArray(docs)) return [];
  for (const doc of docs) {
    // A document YAML cannot parse is not read by Helm or the program either, and the parser's
    // guess at its keys (`!tag,key:` read as tag + key) is no ground for a finding or a rename.
    if (doc.errors.length > 0) continue;
    const top = doc.contents;
    if (!isMap(top)) continue;
    if (top.items.some((p) => isScalar(p.key) && p.key.value === "apiVersion") && top.items.some((p) => isScalar(p.key) && p.key.value === "kind")) continue;
    walk(top, [], undefined);
  }
  return out;

  function walk(map: YAMLMap, path: string[], section: { pair: Pair; line: number; valueEnd: number } | undefined): void {
    for (const pair of map.items as Pair<Node, Node>[]) {
      if (!isScalar(pair.key) || !pair.key.range) continue;
      const key = String(pair.key.value);
      const keyStart = pair.key.range[0];
      const line = lines.positionAt(keyStart).line;
      const here = [...path, key];
      if (isMap(pair.value)) {
        const keyEnd = pair.key.range[1];
        walk(pair.value, here, { pair, line, valueEnd: keyEnd });
        continue;
      }
      if (!isScalar(pair.value) || !pair.value.range) continue;
      const name = here.join(".");
      const value = pair.value;
      const raw = text.slice(value.range![0], value.range![1]);
      const isBool = typeof value.value === "boolean";
      const state = isBool ? (value.value ? "on" : "off") : typeof value.value === "string" ? switchState(value.value) : undefined;
      const valueType: ValueType = isBool ? "bool" : state && raw.trim() !== "" && raw.trim() !== '""' && raw.trim() !== "''" ? "switch-string" : typeof value.value === "number" ? "number" : "string";
      const named = hasExperimentalName(name);
      const switchy = valueType === "bool" || valueType === "switch-string";
      if (!named && !switchy) continue;
      const evidence = commentEvidence(lines, line, value.range![1], settings.evidenceWords, name, "own");
      if (GENERIC.has(key) && section && evidence.length === 0) evidence.push(...commentEvidence(lines, section.line, section.valueEnd, settings.evidenceWords, name, "section"));
      if (!named && evidence.length === 0) continue;
      const def: DefaultValue = {
        state: state ?? (value.value === null ? "off" : "value"), text: raw || "null",
        literalRange: lines.range(value.range![0], value.range![1]),
        offText: state === "on" ? (isBool ? "false" : offSpelling(raw)) : undefined,
        plainBoolean: isBool,
      };
      const renameParent = GENERIC.has(key) && section && isScalar(section.pair.key) && section.pair.key.range;
      const target = renameParent ? section!.pair.key as { range: [number, number, number]; value: unknown } : pair.key;
      const targetName = String(target.value);
      const quoted = /^["']/.test(text[target.range![0]]);
      const tStart = target.range![0] + (quoted ? 1 : 0);
      out.push({
        name, display: name, source: role === "values" ? "helm-values" : "yaml-config",
        range: lines.range(keyStart, pair.key.range[1]),
        nameRange: lines.range(tStart, tStart + targetName.length), renameTo: experimentalName(targetName, "camel"),
        valuesPath: role === "values" ? (renameParent ? path.join(".") : name) : undefined,
        mentions: [GENERIC.has(key) ? path[path.length - 1] ?? key : key],
        evidence, valueType, default: def,
      });
    }
  }
}
