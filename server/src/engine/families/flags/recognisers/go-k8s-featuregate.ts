/**
 * Kubernetes component-base feature gates:
 *   `X: {Default: false, PreRelease: featuregate.Alpha}` in a map of FeatureSpec, and the versioned
 *   form `X: {{Version: ..., Default: false, PreRelease: featuregate.Alpha}, {...}}` (the last entry is current).
 * Maturity is the stage: Alpha counts as experimental evidence of kind "stage", which asks for the
 * name only under the policy `featureGateStagesNeedName: true`; an Alpha gate that defaults to true
 * is always experimental-default-on.
 */
import { TOKEN } from "../lex/tokens";
const { IDENT, STRING } = TOKEN;
import type { GoFile } from "../go/context";
import type { Evidence, FlagDecl } from "../model";
import { experimentalName } from "../evidence";

export function recogniseK8sFeatureGates(f: GoFile): FlagDecl[] {
  if (!f.text.includes("PreRelease")) return [];
  const t = f.t;
  const out: FlagDecl[] = [];
  for (let i = 0; i < t.n - 2; i++) {
    if (!(t.type[i] === IDENT && t.is(i, "PreRelease") && t.isPunct(i + 1, ":"))) continue;
    // The innermost `{` enclosing this field.
    let open = i - 1, depth = 0;
    for (; open >= 0; open--) {
      if (t.isPunct(open, "}")) depth++;
      else if (t.isPunct(open, "{")) { if (depth === 0) break; depth--; }
    }
    if (open < 1) continue;
    const close = t.matching(open);
    let keyEnd = open - 1;
    if (t.isPunct(open - 1, "{") || t.isPunct(open - 1, ",")) {
      // versioned: an element of `X: {{...}, {...}}`; only the last element is the current stage.
      const outer = (() => { let d = 0; for (let j = open - 1; j >= 0; j--) { if (t.isPunct(j, "}")) d++; else if (t.isPunct(j, "{")) { if (d === 0) return j; d--; } } return -1; })();
      if (outer < 1) continue;
      const outerClose = t.matching(outer);
      const next = t.significant(close + 1, outerClose);
      if (next < outerClose && !(t.isPunct(next, ",") && t.significant(next + 1, outerClose) === outerClose)) continue;
      keyEnd = outer - 1;
    }
    if (!t.isPunct(keyEnd, ":")) continue;
    let keyStart = keyEnd - 1;
    while (keyStart > 0 && t.isPunct(keyStart - 1, ".") && t.type[keyStart - 2] === IDENT) keyStart -= 2;
    const fields = new Map<string, [number, number]>();
    for (const [s, e] of t.args(open, close)) if (t.type[s] === IDENT && t.isPunct(s + 1, ":")) fields.set(t.text_(s), [s + 2, e]);
    const stageArg = fields.get("PreRelease");
    const stage = stageArg ? t.text_(stageArg[1] - 1) : "";
    const keyText = t.text.slice(t.start[keyStart], t.end[keyEnd - 1]);
    const resolved = f.stringOf(keyEnd - 1, keyEnd) ?? (t.type[keyStart] !== IDENT ? f.stringOf(keyStart, keyEnd) : undefined);
    const name = resolved ?? keyText;
    const evidence: Evidence[] = [];
    if (/^alpha$/i.test(stage)) evidence.push({ kind: "stage", word: stage, line: t.line[stageArg![0]], where: "its PreRelease stage" });
    const d = fields.get("Default");
    const def = d ? f.defaultOf(d[0], d[1]) : { state: "off" as const, text: "(zero value)" };
    const c = f.consts.get(t.text_(keyEnd - 1));
    out.push({
      name, display: `feature gate ${name}`, source: "go-k8s-feature-gate",
      range: f.range(keyStart, keyEnd - 1),
      nameRange: c && c.valueEnd - c.valueStart === 1 ? f.innerRange(c.valueStart) : t.type[keyStart] === STRING && keyStart === keyEnd - 1 ? f.innerRange(keyStart) : undefined,
      renameTo: experimentalName(name, "camel"),
      mentions: [t.text_(keyEnd - 1)], evidence, valueType: "bool", default: def, k8sGate: true,
    });
  }
  return out;
}
