/**
 * Configuration from the editor: the `llm-d-contrib` settings section (pulled with
 * workspace/configuration per repository, or pushed with didChangeConfiguration by clients that
 * cannot be asked) and `git.alwaysSignOff`. They are layered over .llm-d-contrib.yaml.
 */
import type { Connection } from "vscode-languageserver/node";
import {
  DEFAULT_MAX_FILE_BYTES, FAMILY_SECTIONS, checkRuleValue, knownRuleIds, type RawConfig,
} from "../engine/index";
import { DEFAULT_SETTINGS, type EditorSettings } from "./roots";

export const SECTION = "llm-d-contrib";

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/**
 * Turns the raw settings section into a configuration layer. Bad entries are dropped with a
 * message through `warn` (they have no file location to show a diagnostic at).
 */
export function settingsFrom(section: unknown, alwaysSignOff: unknown, warn: (message: string) => void): EditorSettings {
  const s = isObject(section) ? section : {};
  const layer: RawConfig = {};
  if (isObject(s.rules)) {
    const rules: Record<string, unknown> = {};
    for (const [id, value] of Object.entries(s.rules)) {
      const problem = checkRuleValue(id, value, knownRuleIds());
      if (problem) warn(`setting ${SECTION}.rules: ${problem}; ignored`);
      else rules[id] = value;
    }
    layer.rules = rules;
  }
  for (const family of FAMILY_SECTIONS) {
    if (isObject(s[family]) && Object.keys(s[family]).length > 0) layer[family] = s[family];
  }
  // VS Code reports the default value too; only a value someone changed may override the file.
  if (typeof s.maxFileBytes === "number" && Number.isInteger(s.maxFileBytes) && s.maxFileBytes > 0 && s.maxFileBytes !== DEFAULT_MAX_FILE_BYTES) {
    layer.maxFileBytes = s.maxFileBytes;
  }
  return {
    layer,
    workspaceScan: typeof s.workspaceScan === "boolean" ? s.workspaceScan : DEFAULT_SETTINGS.workspaceScan,
    alwaysSignOff: typeof alwaysSignOff === "boolean" ? alwaysSignOff : undefined,
  };
}

/** Settings as pushed in didChangeConfiguration / initializationOptions: `{ "llm-d-contrib": {...}, git: { alwaysSignOff } }`. */
export function settingsFromPush(settings: unknown, warn: (message: string) => void): EditorSettings | undefined {
  if (!isObject(settings) || !(SECTION in settings)) return undefined;
  const git = isObject(settings.git) ? settings.git.alwaysSignOff : undefined;
  return settingsFrom(settings[SECTION], git, warn);
}

/** Asks the client for the settings that apply to one repository. */
export async function pullSettings(connection: Connection, scopeUri: string, warn: (message: string) => void): Promise<EditorSettings> {
  const [section, alwaysSignOff] = await connection.workspace.getConfiguration([
    { scopeUri, section: SECTION },
    { scopeUri, section: "git.alwaysSignOff" },
  ]) as unknown[];
  return settingsFrom(section, alwaysSignOff, warn);
}
