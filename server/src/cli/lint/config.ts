import { readFileSync } from "node:fs";
import { join } from "node:path";
import {
  CONFIG_FILE, familySettingSpecs, internalProblem, parseConfigText, resolveConfig,
  type Problem, type ResolvedConfig,
} from "../../engine/index";
import { reason } from "../../host/read";


/**
 * Reads <root>/.llm-d-contrib.yaml against the rule ids the engine knows. A broken part keeps
 * its defaults; each error becomes an internal/config-error problem located in the file.
 */
export function loadRepoConfig(root: string, knownRuleIds: ReadonlySet<string>): { config: ResolvedConfig; problems: Problem[] } {
  let text: string;
  try {
    text = readFileSync(join(root, CONFIG_FILE), "utf8");
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ENOTDIR") return { config: resolveConfig(), problems: [] };
    const config = resolveConfig();
    const p = internalProblem(config, "internal/config-error", `could not read ${CONFIG_FILE} (${reason(e)}); the defaults apply`);
    return { config, problems: p ? [p] : [] };
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const { raw, errors } = parseConfigText(text, knownRuleIds, familySettingSpecs());
  const config = resolveConfig(raw);
  const problems: Problem[] = [];
  for (const e of errors) {
    const p = internalProblem(config, "internal/config-error", e.message, e.range);
    if (p) problems.push(p);
  }
  return { config, problems };
}
