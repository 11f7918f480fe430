import type { FileKind, Range } from "../../types";
import type { LineIndex } from "../../text";

/** Where the claim "this is experimental" comes from. */
export type EvidenceKind =
  | "help"        // the flag's help / usage / description text
  | "doc"         // a doc comment, docstring or the comment just above the declaration
  | "comment"     // a comment on the declaration's own lines
  | "field-doc"   // the doc comment of the struct field a Go flag is bound to
  | "section"     // the comment of the YAML section an `enabled:` switch belongs to
  | "identifier"  // the Go identifier of a feature-gate name says experimental, its value does not
  | "alias"       // the same file passes the gate together with an experimental-named switch
  | "stage";      // a Kubernetes-style feature-gate stage (PreRelease: Alpha, "// alpha: v3.6")

export interface Evidence {
  kind: EvidenceKind;
  /** The word or phrase that matched ("experimental", "Alpha"...). */
  word: string;
  /** Zero-based line of the evidence. */
  line: number;
  /** Short description for messages ("its help text", "the comment above it"...). */
  where: string;
}

/** A default resolved as far as one file (and, for Helm, the chart's values.yaml) allows. */
export interface DefaultValue {
  state: "on" | "off" | "value" | "unknown";
  /** The default as written or resolved ("true", "\"off\"", "opts.Tracing → true"). */
  text: string;
  /** The literal that sets it, when it is in this document. */
  literalRange?: Range;
  /** What to write there to switch it off ("false", "False", "\"off\""...). */
  offText?: string;
  /** The literal is a plain boolean at the declaration itself: the fix is safe. */
  plainBoolean?: boolean;
  /** Where the default was found, when not at the declaration ("vllm-setup-helm/values.yaml:9"). */
  from?: string;
}

export type ValueType = "bool" | "switch-string" | "string" | "number" | "duration" | "list" | "unknown";

/** One declaration of an option, switch, feature gate, env switch or config key. */
export interface FlagDecl {
  /** The name users type or set ("decode-chunk-size", "dataLayer", "LMCACHE_USE_EXPERIMENTAL", "lmcache.useExperimental"). */
  name: string;
  /** How messages show it ("--decode-chunk-size", "feature gate \"dataLayer\"", "env LMCACHE_USE_EXPERIMENTAL"). */
  display: string;
  /** The recogniser that found it. */
  source: string;
  /** The finding's range: from the start of the declaration to the end of its name. */
  range: Range;
  /** The text of the name in this document, without quotes, when renaming it here is possible. */
  nameRange?: Range;
  /** The new name a rename to experimental gives (style-preserving), when renameable. */
  renameTo?: string;
  /** Extra spellings a test may use to mention this flag (bound field, dest, leaf key). */
  mentions: string[];
  evidence: Evidence[];
  valueType: ValueType;
  default: DefaultValue;
  /** A deprecated flag is not asked to be renamed. */
  deprecated?: boolean;
  /** Kubernetes-style feature gate: maturity is the stage (policy featureGateStagesNeedName). */
  k8sGate?: boolean;
  /** The name could not be resolved; `name` is the identifier that refers to it. */
  unresolvedName?: boolean;
  /** For YAML dotted names, how other files refer to the key (".Values.a.b"). */
  valuesPath?: string;
}

export interface FlagsParsed {
  kind: FileKind;
  /** Declarations found; empty without parsing when the file cannot declare an experimental one (prefilter.ts). */
  decls: FlagDecl[];
  /** Offsets ↔ positions of the document (shared by the fixes). */
  lines: LineIndex;
}

export interface FlagsSettings {
  evidenceWords: string[];
  featureGateStagesNeedName: boolean;
}

export const DEFAULT_EVIDENCE_WORDS = ["experimental", "alpha", "tech preview", "technology preview", "unstable", "work in progress", "WIP"];

export function flagsSettings(settings: Record<string, unknown>): FlagsSettings {
  const words = settings.evidenceWords;
  return {
    evidenceWords: Array.isArray(words) && words.every((w) => typeof w === "string" && w.trim() !== "") ? (words as string[]) : DEFAULT_EVIDENCE_WORDS,
    featureGateStagesNeedName: settings.featureGateStagesNeedName === true,
  };
}
