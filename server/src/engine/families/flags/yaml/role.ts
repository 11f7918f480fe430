/**
 * Which YAML files declare defaults. Precision first: a value in a Kubernetes manifest, a values
 * override, an example or a CI workflow is an opt-in or a usage, never the declaration of a flag.
 *  - "values":   a Helm chart's values.yaml, the chart's defaults;
 *  - "template": a file under templates/ (Helm), read only for env wiring to .Values;
 *  - "config":   any other YAML config (its documents with apiVersion + kind are skipped);
 *  - "skip":     dot-folders (.github…), vendored or test data, tool files, overrides, examples.
 */
export type YamlRole = "values" | "template" | "config" | "skip";

const SKIP_DIRS = new Set(["node_modules", "vendor", "testdata", "third_party", "fixtures"]);
const SKIP_NAMES = /^(chart|kustomization|mkdocs|codecov|pnpm-lock|environment|dependabot|goreleaser|renovate|netlify|readthedocs|skaffold|tilt|zz_generated.*)\.ya?ml$|^(docker-)?compose([-.].*)?\.ya?ml$|\.lock$/i;
const USAGE_NAMES = /(^|[-_.])(values|examples?|samples?|overrides?|demo)([-_.]|$)/i;

export function yamlRole(relPath: string): YamlRole {
  const parts = relPath.split("/");
  const base = parts[parts.length - 1];
  if (parts.some((p) => p.startsWith(".") && p.length > 1) || parts.slice(0, -1).some((p) => SKIP_DIRS.has(p))) return "skip";
  if (parts.slice(0, -1).includes("templates")) return "template";
  if (/^values\.ya?ml$/i.test(base)) return "values";
  if (SKIP_NAMES.test(base) || USAGE_NAMES.test(base.replace(/\.ya?ml$/i, ""))) return "skip";
  return "config";
}
