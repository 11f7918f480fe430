/** One parse per document version: every recogniser of the document's language, deduplicated. */
import type { RuleContext, SourceDocument } from "../../types";
import type { FlagDecl, FlagsParsed } from "./model";
import { flagsSettings } from "./model";
import { parseGo } from "./go/parse";
import { parsePython } from "./py/parse";
import { parseYaml } from "./yaml/parse";
import { parseJs } from "./js/parse";
import { LineIndex } from "../../text";

export function parseFlags(doc: SourceDocument, ctx: Omit<RuleContext, "options">): FlagsParsed {
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
