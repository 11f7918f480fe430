/**
 * What the CLI needs from the outside world, passed in so that tests can drive every command
 * without a process: the working folder, environment, output streams and standard input.
 */
import pc from "picocolors";

export interface OutStream {
  write(text: string): void;
  isTTY?: boolean;
  columns?: number;
}

export interface CliIo {
  cwd: string;
  env: Readonly<Record<string, string | undefined>>;
  stdout: OutStream;
  stderr: OutStream;
  /** All of standard input as text (only called for `--stdin`). */
  readStdin(): Promise<string>;
  /** Milliseconds, for the progress line; Date.now unless a test replaces it. */
  now(): number;
  /** The bundled script (dist/cli.js) worker threads can run; without it, lint stays on one thread. */
  workerScript?: string;
}

export function nodeIo(): CliIo {
  return {
    cwd: process.cwd(),
    env: process.env,
    stdout: process.stdout,
    stderr: process.stderr,
    readStdin: async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : chunk);
      return Buffer.concat(chunks).toString("utf8");
    },
    now: Date.now,
  };
}

/**
 * Whether to colour a stream: an explicit --color/--no-color wins, then NO_COLOR (any non-empty
 * value turns colour off), then FORCE_COLOR (on unless "0"/"false"), then whether it is a terminal.
 */
export function useColor(stream: OutStream, env: CliIo["env"], flag?: boolean): boolean {
  if (flag !== undefined) return flag;
  if (env.NO_COLOR) return false;
  if (env.FORCE_COLOR !== undefined) return env.FORCE_COLOR !== "0" && env.FORCE_COLOR !== "false";
  return stream.isTTY === true && env.TERM !== "dumb";
}

export type Colors = ReturnType<typeof pc.createColors>;
export function colors(enabled: boolean): Colors {
  return pc.createColors(enabled);
}
