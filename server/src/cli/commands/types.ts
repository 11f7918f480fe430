import type { Command } from "commander";
import type { CliEngine } from "../engine";
import type { CliIo } from "../io";

/** What every subcommand gets: the outside world, the engine, and where to leave its exit code. */
export interface CliContext {
  io: CliIo;
  engine: CliEngine;
  /** The action sets it: 0 fine, 1 problems found, 2 usage or internal failure. */
  exitCode: number;
}

/** One subcommand, in its own file under commands/, listed in commands/index.ts. */
export interface CliCommand {
  name: string;
  /** Adds the subcommand to `program` (program.command(name)...action(...)). */
  register(program: Command, ctx: CliContext): void;
}
