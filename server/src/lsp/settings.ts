/**
 * Configuration from the editor: the `llm-d-contrib` settings section (pulled with
 * workspace/configuration per repository, or pushed with didChangeConfiguration by clients that
 * cannot be asked) and `git.alwaysSignOff`. They are layered over .llm-d-contrib.yaml.
 */
import type { Connection } from "vscode-languageserver/node";
import {
  DEFAULT_MAX_FILE_BYTES, FAMILY_SECTIONS, checkFamilySetting, checkRuleValue, familySettingSpecs, knownRuleIds, type RawConfig,
} from "../engine/index";
import { DEFAULT_SETTINGS, type EditorSettings } from "./roots";

export const SECTION = "llm-d-contrib";

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

const given = (v: unknown) => v !== undefined && v !== null;
const show = (v: unknown) => JSON.stringify(v) ?? String(v);

/**
 * Turns the raw settings section into a configuration layer. Bad entries are dropped with a
 * message through `warn` that names the setting (they have no file location to show a
 * diagnostic at); the defaults apply to them and the valid entries still apply.
 */
export function settingsFrom(section: unknown, alwaysSignOff: unknown, warn: (message: string) => void): EditorSettings {
  const s = isObject(section) ? section : {};
  const layer: RawConfig = {};
  if (given(s.rules) && !isObject(s.rules)) {
    warn(`setting ${SECTION}.rules: must map rule ids to a severity (off, error, warning, info, hint) or to { severity, ...options } (got ${show(s.rules)}); ignored`);
  }
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
    const section = s[family];
    if (isObject(section) && Object.keys(section).length > 0) {
      const kept: Record<string, unknown> = {};
      for (const [key, value] of Object.entries(section)) {
        const bad = checkFamilySetting(family, key, value, familySettingSpecs());
        if (bad) warn(`setting ${SECTION}.${family}: ${bad.problem}; ignored`);
        else kept[key] = value;
      }
      if (Object.keys(kept).length > 0) layer[family] = kept;
    }
    else if (given(s[family]) && !isObject(s[family])) warn(`setting ${SECTION}.${family}: must be an object of the ${family} family's settings (got ${show(s[family])}); ignored`);
  }
  const validBytes = typeof s.maxFileBytes === "number" && Number.isInteger(s.maxFileBytes) && s.maxFileBytes > 0;
  if (given(s.maxFileBytes) && !validBytes) warn(`setting ${SECTION}.maxFileBytes: must be a positive whole number of bytes (got ${show(s.maxFileBytes)}); ignored`);
  // VS Code reports the default value too; only a value someone changed may override the file.
  if (validBytes && s.maxFileBytes !== DEFAULT_MAX_FILE_BYTES) layer.maxFileBytes = s.maxFileBytes;
  if (given(s.workspaceScan) && typeof s.workspaceScan !== "boolean") {
    warn(`setting ${SECTION}.workspaceScan: must be true or false (got ${show(s.workspaceScan)}); the default (${DEFAULT_SETTINGS.workspaceScan}) applies`);
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

/**
 * Problems in the editor settings, shown to the user once each (window/showMessage) and written
 * to the output. A re-read of every repository's settings (begin/end) forgets the problems that
 * are gone, so a mistake made again is shown again, while one still there is not repeated.
 */
export class SettingsProblems {
  private shown = new Set<string>();
  private round: Set<string> | undefined;
  /** Re-reads in progress (they may overlap); the round ends with the last of them. */
  private depth = 0;
  constructor(private readonly show: (message: string) => void, private readonly log: (message: string) => void) {}
  begin(): void {
    if (this.depth++ === 0) this.round = new Set();
  }
  end(): void {
    if (--this.depth > 0) return;
    const round = this.round;
    this.round = undefined;
    if (round) this.shown = new Set([...this.shown].filter((m) => round.has(m)));
  }
  readonly report = (message: string): void => {
    this.round?.add(message);
    if (this.shown.has(message)) return;
    this.shown.add(message);
    this.log(message);
    this.show(message);
  };
}
