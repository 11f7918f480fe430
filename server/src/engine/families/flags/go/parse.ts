import type { SourceDocument, WorkspaceView } from "../../../types";
import type { LineIndex } from "../../../text";
import type { FlagDecl, FlagsSettings } from "../model";
import { GoFile } from "./context";
import { recogniseGoFlags } from "../recognisers/go-flag";
import { recogniseGoUrfave } from "../recognisers/go-urfave";
import { recogniseK8sFeatureGates } from "../recognisers/go-k8s-featuregate";
import { recogniseGoFeatureGates } from "../recognisers/go-feature-gates";
import { recogniseGoEnv } from "../recognisers/go-env";
import { recogniseGoStructFields } from "../recognisers/go-struct-field";

export function parseGo(doc: SourceDocument, settings: FlagsSettings, lines: LineIndex, workspace?: WorkspaceView): FlagDecl[] {
  const f = new GoFile(doc.relPath, doc.text, settings, lines, workspace, true);
  const flags = recogniseGoFlags(f);
  const bound = new Set(flags.flatMap((d) => d.mentions));
  return [
    ...flags,
    ...recogniseGoUrfave(f),
    ...recogniseK8sFeatureGates(f),
    ...recogniseGoFeatureGates(f),
    ...recogniseGoEnv(f),
    ...recogniseGoStructFields(f, bound),
  ];
}
