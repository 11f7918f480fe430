/**
 * The part of VS Code's built-in git extension API (extensions/git/src/api/git.d.ts) these
 * commands use, typed by hand: `vscode.extensions.getExtension('vscode.git').exports.getAPI(1)`.
 */
import type { Disposable, Event, Uri } from "vscode";

export interface InputBox { value: string }

export interface Change { readonly uri: Uri }

export interface RepositoryState {
  readonly HEAD: { readonly name?: string; readonly commit?: string } | undefined;
  readonly indexChanges: readonly Change[];
  readonly workingTreeChanges: readonly Change[];
  readonly mergeChanges: readonly Change[];
  readonly onDidChange: Event<void>;
}

export interface CommitOptions {
  all?: boolean | "tracked";
  amend?: boolean;
  /** --signoff: adds the committer's Signed-off-by trailer. */
  signoff?: boolean;
  /** -S: a GPG/SSH signature, which is not a sign-off. */
  signCommit?: boolean;
  empty?: boolean;
  noVerify?: boolean;
  requireUserConfig?: boolean;
}

export interface Repository {
  readonly rootUri: Uri;
  readonly inputBox: InputBox;
  readonly state: RepositoryState;
  getConfig(key: string): Promise<string>;
  commit(message: string, opts?: CommitOptions): Promise<void>;
  status(): Promise<void>;
}

export type APIState = "uninitialized" | "initialized";

export interface API {
  readonly state: APIState;
  readonly onDidChangeState: Event<APIState>;
  readonly repositories: Repository[];
  readonly onDidOpenRepository: Event<Repository>;
  getRepository(uri: Uri): Repository | null;
}

export interface GitExtension {
  readonly enabled: boolean;
  readonly onDidChangeEnablement: Event<boolean>;
  getAPI(version: 1): API;
}

export type { Disposable };
