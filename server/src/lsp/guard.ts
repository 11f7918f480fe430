/**
 * Every handler runs inside guard(): an unexpected exception is logged and the request answers
 * with an empty result, so one bad document or rule never takes the server down.
 */
export function guard<A extends unknown[], R>(
  name: string,
  fallback: R,
  fn: (...args: A) => R | Promise<R>,
  logError: (message: string) => void,
): (...args: A) => Promise<R> {
  return async (...args: A) => {
    try {
      return await fn(...args);
    } catch (error) {
      logError(`${name} failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
      return fallback;
    }
  };
}
