import type { SourceDocument, WorkspaceView } from "../../../types";
import type { LineIndex } from "../../../text";
import type { FlagDecl, FlagsSettings } from "../model";
import { yamlRole } from "./role";
import { recogniseYamlConfig } from "../recognisers/yaml-config";
import { recogniseHelmEnv } from "../recognisers/yaml-helm-env";

export function parseYaml(doc: SourceDocument, settings: FlagsSettings, lines: LineIndex, ws: WorkspaceView): FlagDecl[] {
  const role = yamlRole(doc.relPath);
  if (role === "skip") return [];
  if (role === "template") return recogniseHelmEnv(doc.text, lines, doc.relPath, settings, ws);
  return recogniseYamlConfig(doc.text, lines, settings, role);
}
