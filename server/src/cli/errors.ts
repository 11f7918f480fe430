/** A mistake in how the CLI was called: printed with a pointer to --help, exit code 2. */
export class UsageError extends Error {
  constructor(message: string, readonly command = "") {
    super(message);
    this.name = "UsageError";
  }
}

/** Exit codes, as documented in --help. */
export const EXIT_OK = 0;
export const EXIT_PROBLEMS = 1;
export const EXIT_FAILURE = 2;
