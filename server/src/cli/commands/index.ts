/**
 * The subcommands of `llm-d-contrib`, in --help order. A new subcommand is a file in this
 * folder exporting a CliCommand, added to this list (the commit helper adds dco, commit-msg
 * and install-hook here).
 */
import { lintCommand } from "./lint";
import { rulesCommand } from "./rules";
import { dcoCommand } from "./dco";
import { commitMsgCommand } from "./commit-msg";
import { installHookCommand } from "./install-hook";
import type { CliCommand } from "./types";

export type { CliCommand, CliContext } from "./types";

export const COMMANDS: readonly CliCommand[] = [
  lintCommand,
  rulesCommand,
  dcoCommand,
  commitMsgCommand,
  installHookCommand,
];
