/**
 * llm-d style feature gates: `loader.RegisterFeatureGate(name[, enabledByDefault])` and the
 * constants that name gates (`const X = "flowControl"` where X ends in `FeatureGate` or `Gate`,
 * or is typed `featuregate.Feature` without a FeatureSpec in the same file).
 *
 * Evidence for a gate, besides comments: its Go identifier says Experimental while its value does
 * not (`ExperimentalDatalayerFeatureGate = "dataLayer"`), or the file passes it in one call with an
 * experimental-named switch (`applyDeprecatedEnvFeatureGate(enableExperimentalFlowControlLayer, ..., flowcontrol.FeatureGate, ...)`).
 * A gate registered by identifier is resolved through same-file constants, then the package's
 * other files, then a folder named like the qualifier; unresolved, its identifier stands for it.
 */
import { TOKEN } from "../lex/tokens";
const { IDENT, STRING } = TOKEN;
import type { GoFile } from "../go/context";
import { commentEvidenceWord } from "../sources";
import type { Evidence, FlagDecl } from "../model";
import { experimentalName, hasExperimentalName } from "../evidence";
import { resolveGoIdent } from "../go/package";

const GATE_CONST = /(FeatureGate|Gate)$/;

/** Whether `word` occurs not followed by a word character (/word\b/, but a plain search is far faster on a big file). */
function endsAWord(text: string, word: string): boolean {
  for (let i = text.indexOf(word); i !== -1; i = text.indexOf(word, i + 1)) {
    const c = text.charCodeAt(i + word.length);
    if (!((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95)) return true;
  }
  return false;
}

/** Identifiers (as written, `pkg.Name` or `Name`) that a call passes together with an experimental-named switch. */
function aliasEvidence(f: GoFile): Map<string, Evidence> {
  const t = f.t;
  const out = new Map<string, Evidence>();
  for (let i = 0; i < t.n - 1; i++) {
    if (t.type[i] !== IDENT || !t.isPunct(i + 1, "(")) continue;
    const args = t.args(i + 1);
    if (args.length < 2) continue;
    const texts = args.map(([s, e]) => t.text.slice(t.start[s], t.end[Math.max(s, e - 1)]));
    const exp = texts.find((x) => /^[A-Za-z_][\w.]*$/.test(x) && hasExperimentalName(x) && !GATE_CONST.test(x));
    if (!exp) continue;
    for (const x of texts) {
      if (x !== exp && /^[A-Za-z_][\w.]*$/.test(x) && GATE_CONST.test(x) && !out.has(x)) {
        out.set(x, { kind: "alias", word: exp, line: t.line[i], where: `line ${t.line[i] + 1} passes it with the switch ${exp}` });
      }
    }
  }
  return out;
}

function commentEvidence(f: GoFile, line: number, name: string): Evidence[] {
  const t = f.t;
  const texts = [t.docAbove(line), ...t.commentsWithin(line, line)].filter((c): c is { text: string; line: number } => !!c);
  for (const c of texts) {
    const m = commentEvidenceWord(c.text, f.settings.evidenceWords, name);
    if (m) return [{ kind: c.line < line ? "doc" : "comment", word: m.word, line: c.line, where: c.line < line ? "the comment above it" : "the comment on its line" }];
  }
  return [];
}

function identifierEvidence(ident: string, value: string | undefined, line: number): Evidence[] {
  const last = ident.slice(ident.lastIndexOf(".") + 1);
  if (value !== undefined && hasExperimentalName(last) && !hasExperimentalName(value)) {
    return [{ kind: "identifier", word: "Experimental", line, where: `its Go identifier ${last} says Experimental` }];
  }
  return [];
}

export function recogniseGoFeatureGates(f: GoFile): FlagDecl[] {
  const hasRegister = f.text.includes("RegisterFeatureGate");
  const hasGateConst = endsAWord(f.text, "Gate") || endsAWord(f.text, "featuregate.Feature");
  if (!hasRegister && !hasGateConst) return [];
  const t = f.t;
  const out: FlagDecl[] = [];
  const aliases = aliasEvidence(f);
  const registered = new Set<string>();
  if (hasRegister) {
    for (let i = 0; i < t.n - 1; i++) {
      if (!(t.type[i] === IDENT && t.is(i, "RegisterFeatureGate") && t.isPunct(i + 1, "("))) continue;
      const close = t.matching(i + 1);
      const args = t.args(i + 1, close);
      if (args.length < 1 || args.length > 2) continue;
      const [s, e] = args[0];
      const ident = t.text.slice(t.start[s], t.end[e - 1]);
      registered.add(ident.slice(ident.lastIndexOf(".") + 1));
      let value: string | undefined;
      let nameRange;
      let doc = "";
      if (e - s === 1 && t.type[s] === STRING) { value = f.stringOf(s, e); nameRange = f.innerRange(s); }
      else if (/^[A-Za-z_][\w]*(\.[A-Za-z_]\w*)?$/.test(ident)) {
        const r = resolveGoIdent(f, ident);
        if (r) { value = r.value; doc = r.doc; }
        const c = f.consts.get(ident);
        if (c && c.valueEnd - c.valueStart === 1) nameRange = f.innerRange(c.valueStart);
      } else continue;
      const start = (() => { let j = i; while (j >= 2 && t.isPunct(j - 1, ".") && t.type[j - 2] === IDENT) j -= 2; return j; })();
      const name = value ?? ident;
      const evidence = [
        ...f.evidence("", t.line[start], t.line[Math.min(close, t.n - 1)], name),
        ...identifierEvidence(ident, value, t.line[s]),
      ];
      const docMatch = commentEvidenceWord(doc, f.settings.evidenceWords, name);
      if (docMatch) evidence.push({ kind: "doc", word: docMatch.word, line: t.line[s], where: `the comment of ${ident}` });
      const alias = aliases.get(ident);
      if (alias) evidence.push(alias);
      const def = args.length === 2 ? f.defaultOf(args[1][0], args[1][1]) : { state: "off" as const, text: "(not given: off)" };
      out.push({
        name, display: `feature gate ${value !== undefined ? `"${value}"` : ident}`, source: "go-register-feature-gate",
        range: f.range(start, e - 1), nameRange, renameTo: value !== undefined ? experimentalName(value, "camel") : undefined,
        mentions: [ident.slice(ident.lastIndexOf(".") + 1)], evidence, valueType: "bool", default: def,
        unresolvedName: value === undefined,
      });
    }
  }
  if (hasGateConst) {
    const specs = f.text.includes("PreRelease");
    for (const c of f.consts.values()) {
      const typed = /(^|\.)Feature$/.test(c.typeText);
      if (!GATE_CONST.test(c.name) && !typed) continue;
      if (typed && specs) continue; // the FeatureSpec entry is the declaration
      if (registered.has(c.name)) continue;
      if (c.valueEnd - c.valueStart !== 1 || t.type[c.valueStart] !== STRING) continue;
      const value = f.stringOf(c.valueStart, c.valueEnd)!;
      if (!/^[A-Za-z][\w.-]*$/.test(value)) continue;
      const evidence = [...commentEvidence(f, c.line, value), ...identifierEvidence(c.name, value, c.line)];
      const alias = aliases.get(c.name);
      if (alias) evidence.push(alias);
      if (typed) for (const e of evidence) if (e.word.toLowerCase() === "alpha") e.kind = "stage";
      out.push({
        name: value, display: `feature gate "${value}"`, source: "go-feature-gate-name",
        range: f.range(c.identTok, c.valueStart), nameRange: f.innerRange(c.valueStart), renameTo: experimentalName(value, "camel"),
        mentions: [c.name], evidence, valueType: "bool", default: { state: "unknown", text: "(registered elsewhere)" }, k8sGate: typed,
      });
    }
  }
  return out;
}
