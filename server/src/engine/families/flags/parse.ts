/**
 * One parse per document version: every recogniser of the document's language, deduplicated.
 * `decls` holds the declarations that may be experimental: a file that cannot declare one
 * (prefilter.ts) gets none without being parsed.
 */
import type { FileKind, RuleContext, SourceDocument } from "../../types";
import type { FlagDecl, FlagsParsed } from "./model";
import { flagsSettings } from "./model";
import { parseGo } from "./go/parse";
import { parsePython } from "./py/parse";
import { parseYaml } from "./yaml/parse";
import { parseJs } from "./js/parse";
import { LineIndex } from "../../text";
import { mayNameFromElsewhere, namesFromElsewhere, saysExperimental } from "./prefilter";
import { lexGo } from "./lex/go";

export function parseFlags(doc: SourceDocument, ctx: Omit<RuleContext, "options">): FlagsParsed {
  const settings = flagsSettings(ctx.settings);
  // Most files cannot declare an experimental flag; a Go file still may by a name from elsewhere.
  if (!saysExperimental(doc.text, settings.evidenceWords) && !(doc.kind === "go" && mayNameFromElsewhere(doc.text) && namesFromElsewhere(lexGo(doc.text, true)))) {
    return new Settled(doc.kind, doc.text);
  }
  return parseEveryDeclaration(doc, ctx);
}

/**
 * A file the pre-check settled: no declarations, and a line index only if something asks. The
 * getter is on the prototype: a getter in an object literal gives every result its own hidden
 * class, allocated in the old generation with the text it captures (measured: every Go file of a
 * CI run promoted, 180 MB, tripling scavenge time).
 */
class Settled implements FlagsParsed {
  readonly decls: FlagDecl[] = [];
  private index?: LineIndex;
  constructor(readonly kind: FileKind, private readonly text: string) {}
  get lines(): LineIndex { return (this.index ??= new LineIndex(this.text)); }
}

/** Every recogniser of the document's language, without the pre-check (tests compare the two). */
export function parseEveryDeclaration(doc: SourceDocument, ctx: Omit<RuleContext, "options">): FlagsParsed {
  const settings = flagsSettings(ctx.settings);
  const lines = new LineIndex(doc.text);
  let decls: FlagDecl[] = [];
  switch (doc.kind) {
    case "go": decls = parseGo(doc, settings, lines, ctx.workspace); break;
    case "python": decls = parsePython(doc, settings, lines); break;
    case "javascript": case "typescript": decls = parseJs(doc, settings, lines); break;
    case "yaml": decls = parseYaml(doc, settings, lines, ctx.workspace); break;
    default: decls = [];
  }
  return { kind: doc.kind, decls, lines };
}
