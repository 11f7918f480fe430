/**
 * llm-d runs no Prow: /approve and /lgtm are jpmcb/prow-github-actions (v2.0.0), called by each
 * repository's `.github/workflows/prow-github.yaml` through llm-d-infra's reusable
 * `reusable-prow-commands.yaml`, or copied in directly. That action reads only the root OWNERS,
 * with a plain YAML parser, and lets a commenter /approve when the commenter's login is one of
 * the top-level `approvers` as written (`reviewers` for /lgtm): no OWNERS_ALIASES, no filters, no
 * OWNERS below the root (specs/owners.md §7; llm-d-router, then llm-d-inference-scheduler, 48b87e765 "OWNERS_ALIASES
 * is not working with current automation" inlined its aliases for that reason).
 */
import { FILE_LIST, type WorkspaceView } from "../../types";
import { parseOwners, type OwnersDoc } from "./parse";

const WORKFLOW_FILE = /^\.github\/workflows\/[^/]+\.ya?ml$/;
const CALLS_THE_ACTION = /jpmcb\/prow-github-actions|llm-d\/llm-d-infra\/\.github\/workflows\/reusable-prow-commands/;

/** The command each list of the root OWNERS grants under the action. */
export const COMMAND_OF: Readonly<Record<string, string>> = { approvers: "/approve", reviewers: "/lgtm" };

/**
 * Whether this repository's /approve and /lgtm are prow-github-actions: the setting
 * `owners.prowGithubActions` when given, else whether a workflow under .github/workflows calls it.
 */
export function approvedByActions(ws: WorkspaceView, setting: boolean | undefined): boolean {
  if (setting !== undefined) return setting;
  const workflows = ws.memo("owners/workflow-files", [FILE_LIST], () => ws.listFiles().filter((f) => WORKFLOW_FILE.test(f)));
  if (workflows.length === 0) return false;
  return ws.memo("owners/prow-github-actions", workflows, () => workflows.some((f) => CALLS_THE_ACTION.test(ws.readFile(f) ?? "")));
}

/** The root OWNERS as the action would find it, parsed; undefined when there is none. */
export function rootOwners(ws: WorkspaceView): OwnersDoc | undefined {
  return ws.memo("owners/root-owners", ["OWNERS"], () => {
    const text = ws.readFile("OWNERS");
    return text === undefined ? undefined : parseOwners({ relPath: "OWNERS", kind: "owners", text });
  });
}
