/**
 * Builds the `llm-d-contrib` command line and runs it against an injected CliIo and engine,
 * returning the exit code instead of exiting, so tests and the entry point share one path.
 */
import { Command, CommanderError } from "commander";
import { COMMANDS, type CliContext } from "./commands/index";
import { realEngine, type CliEngine } from "./engine";
import { EXIT_FAILURE, UsageError } from "./errors";
import type { CliIo } from "./io";
import { TOOL_NAME, TOOL_VERSION } from "./version";

export function buildProgram(ctx: CliContext): Command {
  const program = new Command(TOOL_NAME)
    .description("Checks a repository against llm-d's contribution rules: proposals, OWNERS files, experimental flags and signed-off commits.")
    .version(TOOL_VERSION, "-v, --version", "print the version")
    .helpOption("-h, --help", "show help")
    .helpCommand("help [command]", "show help for a command")
    .exitOverride()
    .showHelpAfterError(true)
    .configureOutput({
      writeOut: (s) => ctx.io.stdout.write(s),
      writeErr: (s) => ctx.io.stderr.write(s),
    })
    .addHelpText("after", "\nExit codes: 0 no error-level problems, 1 error-level problems, 2 bad usage or internal failure.");
  for (const c of COMMANDS) c.register(program, ctx);
  return program;
}

export async function runCli(argv: readonly string[], io: CliIo, engine: CliEngine = realEngine): Promise<number> {
  const ctx: CliContext = { io, engine, exitCode: 0 };
  const program = buildProgram(ctx);
  try {
    await program.parseAsync([...argv], { from: "user" });
    return ctx.exitCode;
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : EXIT_FAILURE; // help/version: 0; anything else: usage
    if (e instanceof UsageError) {
      const hint = e.command ? `${TOOL_NAME} ${e.command} --help` : `${TOOL_NAME} --help`;
      io.stderr.write(`${TOOL_NAME}: ${e.message}\n(see ${hint})\n`);
      return EXIT_FAILURE;
    }
    io.stderr.write(`${TOOL_NAME}: internal error: ${e instanceof Error ? (io.env.LLM_D_CONTRIB_DEBUG ? e.stack : e.message) : String(e)}\n`);
    return EXIT_FAILURE;
  }
}
