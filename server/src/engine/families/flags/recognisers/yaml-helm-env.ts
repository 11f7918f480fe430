/**
 * Helm templates that feed a value into an env var:
 *   - name: LMCACHE_USE_EXPERIMENTAL
 *     value: {{ .Values.lmcache.useExperimental | quote }}
 * An experimental-named variable's default is the chart's values.yaml entry (read through the
 * workspace, cached with the values file as its dependency). Templates are not valid YAML, so this
 * is a line scanner; blank lines and template comment lines between the two are skipped.
 */
import type { LineIndex } from "../../../text";
import type { WorkspaceView } from "../../../types";
import type { FlagDecl, FlagsSettings } from "../model";
import { hasExperimentalName, experimentalName, switchState } from "../evidence";
import { parseDocument, isMap, isScalar, type YAMLMap } from "yaml";
import { LineIndex as Index } from "../../../text";

interface ValueEntry { raw: string; state?: "on" | "off"; line: number }

function valuesTable(ws: WorkspaceView, relPath: string): Map<string, ValueEntry> {
  return ws.memo(`flags/helm-values:${relPath}`, [relPath], () => {
    const m = new Map<string, ValueEntry>();
    const text = ws.readFile(relPath);
    if (text === undefined) return m;
    const index = new Index(text);
    const doc = parseDocument(text, { uniqueKeys: false });
    const walk = (map: YAMLMap, prefix: string) => {
      for (const p of map.items) {
        if (!isScalar(p.key)) continue;
        const path = prefix + String(p.key.value);
        if (isMap(p.value)) walk(p.value, path + ".");
        else if (isScalar(p.value) && p.value.range) {
          const v = p.value.value;
          m.set(path, { raw: text.slice(p.value.range[0], p.value.range[1]), state: typeof v === "boolean" ? (v ? "on" : "off") : typeof v === "string" ? switchState(v) : undefined, line: index.positionAt(p.value.range[0]).line });
        }
      }
    };
    if (isMap(doc.contents)) walk(doc.contents, "");
    return m;
  });
}

const NAME = /^(\s*)-\s+name:\s*["']?([A-Za-z_][A-Za-z0-9_]*)["']?\s*$/;
const VALUE = /^\s*value:\s*["']?\{\{-?\s*\.Values\.([A-Za-z0-9_.]+)\s*(\|[^}]*)?-?\}\}["']?\s*$/;

export function recogniseHelmEnv(text: string, lines: LineIndex, relPath: string, settings: FlagsSettings, ws: WorkspaceView): FlagDecl[] {
  void settings;
  if (!/experimental/i.test(text) || !text.includes(".Values.")) return [];
  const idx = relPath.lastIndexOf("templates/");
  const valuesPath = `${relPath.slice(0, idx)}values.yaml`;
  const out: FlagDecl[] = [];
  for (let l = 0; l < lines.lineCount - 1; l++) {
    const m = NAME.exec(lines.lineText(l));
    if (!m || !hasExperimentalName(m[2])) continue;
    let v = l + 1;
    while (v < lines.lineCount && /^\s*(\{\{-?\s*\/\*.*\*\/\s*-?\}\})?\s*$/.test(lines.lineText(v))) v++;
    const vm = VALUE.exec(lines.lineText(v));
    if (!vm) continue;
    const entry = valuesTable(ws, valuesPath).get(vm[1]);
    const start = lines.lineStart(l) + lines.lineText(l).indexOf(m[2], m[1].length + 1);
    out.push({
      name: m[2], display: `env ${m[2]}`, source: "helm-template-env",
      range: lines.range(lines.lineStart(l) + m[1].length, start + m[2].length),
      nameRange: lines.range(start, start + m[2].length), renameTo: experimentalName(m[2]),
      mentions: [vm[1].slice(vm[1].lastIndexOf(".") + 1)], evidence: [],
      valueType: entry?.state ? "bool" : "unknown",
      default: entry ? { state: entry.state ?? "value", text: `.Values.${vm[1]} = ${entry.raw}`, from: `${valuesPath}:${entry.line + 1}` } : { state: "unknown", text: `.Values.${vm[1]}` },
    });
  }
  return out;
}
