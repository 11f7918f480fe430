import type { SourceDocument } from "../../../types";
import type { LineIndex } from "../../../text";
import type { FlagDecl, FlagsSettings } from "../model";
import { JsFile } from "./context";
import { recogniseCommander } from "../recognisers/js-commander";
import { recogniseYargs } from "../recognisers/js-yargs";

export function parseJs(doc: SourceDocument, settings: FlagsSettings, lines: LineIndex): FlagDecl[] {
  if (!doc.text.includes("option") && !doc.text.includes("Option")) return [];
  const f = new JsFile(doc.relPath, doc.text, settings, lines, true);
  return [...recogniseCommander(f), ...recogniseYargs(f)];
}
