/**
 * Where proposals and their template live. Kept free of remark so the New Proposal command
 * (client side) can use it without bundling the markdown parser.
 */
import { DEFAULT_PROPOSAL_FOLDERS, PROPOSAL_TEMPLATE_NAME } from "../../fileKind";

/** The proposal folders from the family settings (`proposal: { folders: [...] }`), else the defaults. */
export function configuredFolders(settings: Record<string, unknown>): string[] {
  const f = settings.folders;
  if (Array.isArray(f) && f.length > 0 && f.every((x) => typeof x === "string")) return f.map((x: string) => x.replace(/^\.?\/+|\/+$/g, ""));
  return DEFAULT_PROPOSAL_FOLDERS;
}

/**
 * Where to look for the template of a document, nearest first: its own folder, then each
 * folder up to the repository root, and at each of those outside a proposal folder the
 * configured proposal folders (so proposals/x.md finds docs/proposals/PROPOSAL_TEMPLATE.md).
 */
export function templateCandidates(docRelPath: string, folders: readonly string[]): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  const add = (dir: string) => {
    const p = dir === "" ? PROPOSAL_TEMPLATE_NAME : `${dir}/${PROPOSAL_TEMPLATE_NAME}`;
    if (!seen.has(p)) { seen.add(p); out.push(p); }
  };
  const slash = docRelPath.lastIndexOf("/");
  let dir = slash === -1 ? "" : docRelPath.slice(0, slash);
  for (;;) {
    add(dir);
    const inProposalFolder = folders.some((f) => f !== "" && (dir === f || dir.startsWith(f + "/") || dir.endsWith("/" + f) || dir.includes("/" + f + "/")));
    if (!inProposalFolder) for (const f of folders) if (f !== "") add(dir === "" ? f : `${dir}/${f}`);
    if (dir === "") break;
    const up = dir.lastIndexOf("/");
    dir = up === -1 ? "" : dir.slice(0, up);
  }
  return out;
}

