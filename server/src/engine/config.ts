import { LineCounter, parseDocument, isMap, isScalar, isSeq, type Node } from "yaml";
import type { Range, SettingSpec, Severity, SeveritySetting } from "./types";
import { closest } from "./text";

export const CONFIG_FILE = ".llm-d-contrib.yaml";
export const DEFAULT_MAX_FILE_BYTES = 2 * 1024 * 1024;
const SEVERITIES: readonly SeveritySetting[] = ["off", "error", "warning", "info", "hint"];

export interface RuleSetting { severity?: SeveritySetting; options: Record<string, unknown> }

/** Configuration after merging defaults, the repository file and editor settings. */
export interface ResolvedConfig {
  rules: ReadonlyMap<string, RuleSetting>;
  /** Settings per family name ("owners", "proposal", "flags", "commit"). */
  families: Readonly<Record<string, Record<string, unknown>>>;
  /** Extra gitignore-style patterns the CLI and the workspace scan skip. */
  ignore: readonly string[];
  /** Files larger than this get one "skipped: too large" finding instead of being checked. */
  maxFileBytes: number;
}

export interface ConfigError { message: string; range: Range }

/** Plain-object form of a configuration, as it comes from YAML or editor settings. */
export interface RawConfig {
  rules?: Record<string, unknown>;
  ignore?: unknown;
  maxFileBytes?: unknown;
  [family: string]: unknown;
}

export const FAMILY_SECTIONS = ["owners", "proposal", "flags", "commit"] as const;
const TOP_LEVEL_KEYS = ["rules", "ignore", "maxFileBytes", ...FAMILY_SECTIONS];

export function defaultConfig(): ResolvedConfig {
  return { rules: new Map(), families: {}, ignore: [], maxFileBytes: DEFAULT_MAX_FILE_BYTES };
}

/**
 * Parses the text of .llm-d-contrib.yaml. Never throws: every problem becomes an error with
 * its location, and the parts that could be read still apply (the rest keeps its defaults).
 */
export function parseConfigText(text: string, knownRuleIds: ReadonlySet<string>, familySettings: FamilySettingSpecs = {}): { raw: RawConfig; errors: ConfigError[] } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: false });
  const errors: ConfigError[] = [];
  const rangeOf = (node: Node | null | undefined): Range => {
    const r = node?.range;
    if (!r) return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    const s = lineCounter.linePos(r[0]);
    const e = lineCounter.linePos(r[1]);
    return { start: { line: s.line - 1, character: s.col - 1 }, end: { line: e.line - 1, character: e.col - 1 } };
  };
  for (const e of doc.errors) {
    const s = lineCounter.linePos(e.pos[0]);
    const en = lineCounter.linePos(e.pos[1]);
    errors.push({ message: `invalid YAML: ${e.message.split("\n")[0]}`, range: { start: { line: s.line - 1, character: s.col - 1 }, end: { line: en.line - 1, character: en.col - 1 } } });
  }
  const raw: RawConfig = {};
  if (errors.length > 0) return { raw, errors };
  const top = doc.contents;
  if (top === null || (isScalar(top) && top.value === null)) return { raw, errors };
  if (!isMap(top)) {
    errors.push({ message: "the configuration must be a mapping of settings (rules:, ignore:, owners:, ...)", range: rangeOf(top) });
    return { raw, errors };
  }
  for (const pair of top.items) {
    const keyNode = pair.key as Node;
    const key = isScalar(keyNode) ? String(keyNode.value) : "";
    const valueNode = pair.value as Node | null;
    if (!TOP_LEVEL_KEYS.includes(key)) {
      errors.push({ message: `unknown setting "${key}" (known: ${TOP_LEVEL_KEYS.join(", ")})`, range: rangeOf(keyNode) });
      continue;
    }
    const value = valueNode ? valueNode.toJSON?.() ?? (isScalar(valueNode) ? valueNode.value : undefined) : undefined;
    if (key === "rules") {
      if (!isMap(valueNode)) { if (valueNode && !(isScalar(valueNode) && valueNode.value === null)) errors.push({ message: "rules: must map rule ids to a severity (off, error, warning, info, hint) or to { severity, ...options }", range: rangeOf(valueNode) }); continue; }
      const rules: Record<string, unknown> = {};
      for (const rp of valueNode.items) {
        const idNode = rp.key as Node;
        const id = isScalar(idNode) ? String(idNode.value) : "";
        const vNode = rp.value as Node | null;
        const problem = checkRuleValue(id, vNode?.toJSON?.(), knownRuleIds);
        if (problem) { errors.push({ message: problem, range: rangeOf(problem.startsWith("unknown rule") ? idNode : vNode ?? idNode) }); continue; }
        rules[id] = vNode?.toJSON?.();
      }
      raw.rules = rules;
    } else if (key === "ignore") {
      if (!isSeq(valueNode) || !valueNode.items.every((i) => isScalar(i) && typeof i.value === "string")) {
        errors.push({ message: "ignore: must be a list of gitignore-style patterns", range: rangeOf(valueNode ?? keyNode) });
        continue;
      }
      raw.ignore = value;
    } else if (key === "maxFileBytes") {
      if (typeof value !== "number" || !Number.isInteger(value) || value <= 0) {
        errors.push({ message: "maxFileBytes: must be a positive whole number of bytes", range: rangeOf(valueNode ?? keyNode) });
        continue;
      }
      raw.maxFileBytes = value;
    } else {
      if (!isMap(valueNode)) { errors.push({ message: `${key}: must be a mapping of that family's settings`, range: rangeOf(valueNode ?? keyNode) }); continue; }
      const section: Record<string, unknown> = {};
      for (const sp of valueNode.items) {
        const sk = sp.key as Node;
        const name = isScalar(sk) ? String(sk.value) : "";
        const sv = sp.value as Node | null;
        const v = sv ? sv.toJSON?.() ?? (isScalar(sv) ? sv.value : undefined) : undefined;
        const bad = checkFamilySetting(key, name, v, familySettings);
        if (bad) { errors.push({ message: bad.problem, range: rangeOf(bad.at === "key" ? sk : sv ?? sk) }); continue; }
        section[name] = v;
      }
      raw[key] = section;
    }
  }
  return { raw, errors };
}

/** The settings each family's section may hold (from the registry), by family name. */
export type FamilySettingSpecs = Readonly<Record<string, Readonly<Record<string, SettingSpec>>>>;

const TYPE_CHECKS: Record<SettingSpec["type"], (v: unknown) => boolean> = {
  "list of texts": (v) => Array.isArray(v) && v.every((x) => typeof x === "string"),
  "boolean": (v) => typeof v === "boolean",
  "whole number": (v) => typeof v === "number" && Number.isInteger(v) && v > 0,
  "text": (v) => typeof v === "string",
};

const EXPECTED: Record<SettingSpec["type"], string> = {
  "list of texts": "a list of texts", "boolean": "true or false", "whole number": "a positive whole number", "text": "a text",
};

/**
 * Why `family.key: value` is unusable, or undefined when it is fine: an unknown key (with the
 * nearest known one), or a value of the wrong type. Unknown families are not checked here.
 */
export function checkFamilySetting(family: string, key: string, value: unknown, specs: FamilySettingSpecs): { problem: string; at: "key" | "value" } | undefined {
  const known = specs[family];
  if (!known) return undefined;
  const spec = known[key];
  if (!spec) {
    const names = Object.keys(known);
    const near = closest(key, names);
    return { at: "key", problem: `unknown ${family} setting "${key}"${near ? `; did you mean "${near}"?` : ""} (known: ${names.join(", ") || "none"})` };
  }
  if (!TYPE_CHECKS[spec.type](value)) {
    return { at: "value", problem: `${family}.${key}: must be ${EXPECTED[spec.type]} (got ${JSON.stringify(value) ?? String(value)}); the default applies` };
  }
  return undefined;
}

/** Returns why a rule entry is unusable, or undefined when it is fine. */
export function checkRuleValue(id: string, value: unknown, knownRuleIds: ReadonlySet<string>): string | undefined {
  if (!knownRuleIds.has(id)) return `unknown rule "${id}"`;
  const severity = typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>).severity : value;
  if (severity === undefined && typeof value === "object" && value !== null) return undefined;
  if (typeof severity !== "string" || !SEVERITIES.includes(severity as SeveritySetting)) {
    return `rule "${id}": severity must be one of ${SEVERITIES.join(", ")} (got ${JSON.stringify(severity)})`;
  }
  return undefined;
}

/** Merges raw configurations, later ones winning per rule and per family setting. */
export function resolveConfig(...layers: (RawConfig | undefined)[]): ResolvedConfig {
  const rules = new Map<string, RuleSetting>();
  const families: Record<string, Record<string, unknown>> = {};
  let ignore: string[] = [];
  let maxFileBytes = DEFAULT_MAX_FILE_BYTES;
  for (const layer of layers) {
    if (!layer) continue;
    for (const [id, v] of Object.entries(layer.rules ?? {})) {
      const prev = rules.get(id) ?? { options: {} };
      if (typeof v === "string") rules.set(id, { ...prev, severity: v as SeveritySetting });
      else if (v && typeof v === "object") {
        const { severity, ...options } = v as Record<string, unknown>;
        rules.set(id, { severity: (severity as SeveritySetting | undefined) ?? prev.severity, options: { ...prev.options, ...options } });
      }
    }
    if (Array.isArray(layer.ignore)) ignore = [...ignore, ...layer.ignore.filter((p): p is string => typeof p === "string")];
    if (typeof layer.maxFileBytes === "number" && layer.maxFileBytes > 0) maxFileBytes = layer.maxFileBytes;
    for (const f of FAMILY_SECTIONS) {
      const section = layer[f];
      if (section && typeof section === "object" && !Array.isArray(section)) families[f] = { ...(families[f] ?? {}), ...(section as Record<string, unknown>) };
    }
  }
  return { rules, families, ignore, maxFileBytes };
}

/** The severity a finding is shown with: the configured one, else the finding's, else the rule's default. */
export function effectiveSeverity(config: ResolvedConfig, ruleId: string, findingSeverity: Severity | undefined, ruleDefault: Severity): SeveritySetting {
  return config.rules.get(ruleId)?.severity ?? findingSeverity ?? ruleDefault;
}
