import type { SourceDocument } from "../../../types";
import type { LineIndex } from "../../../text";
import type { FlagDecl, FlagsSettings } from "../model";
import { PyFile } from "./context";
import { recogniseArgparse } from "../recognisers/python-argparse";
import { recogniseClick } from "../recognisers/python-click";
import { recogniseTyper } from "../recognisers/python-typer";
import { recognisePythonEnv } from "../recognisers/python-env";
import { recognisePythonConfigFields } from "../recognisers/python-config-field";

export function parsePython(doc: SourceDocument, settings: FlagsSettings, lines: LineIndex): FlagDecl[] {
  const f = new PyFile(doc.relPath, doc.text, settings, lines, true);
  return [...recogniseArgparse(f), ...recogniseClick(f), ...recogniseTyper(f), ...recognisePythonEnv(f), ...recognisePythonConfigFields(f)];
}
