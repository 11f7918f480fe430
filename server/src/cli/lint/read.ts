/**
 * Reading one file on the lint path: size checked with fstat on the open descriptor before a
 * single byte is read (a 50 MB file is never loaded), non-regular files left alone, and every
 * failure turned into a reason instead of an exception.
 */
import { closeSync, constants, fstatSync, openSync, readSync } from "node:fs";

export type ReadResult =
  | { bytes: Buffer }
  | { tooLarge: number }
  | { notAFile: true }
  | { error: string };

// O_NONBLOCK: opening a FIFO that a symbolic link points to must not hang the run.
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

export function readBounded(abs: string, maxBytes: number): ReadResult {
  let fd: number;
  try { fd = openSync(abs, OPEN_FLAGS); } catch (e) { return { error: reason(e) }; }
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) return { notAFile: true };
    if (st.size > maxBytes) return { tooLarge: st.size };
    const bytes = Buffer.allocUnsafe(st.size);
    let filled = 0;
    while (filled < st.size) {
      const n = readSync(fd, bytes, filled, st.size - filled, null);
      if (n === 0) break; // the file shrank while we read it
      filled += n;
    }
    return { bytes: filled === st.size ? bytes : bytes.subarray(0, filled) };
  } catch (e) {
    return { error: reason(e) };
  } finally {
    closeSync(fd);
  }
}

const REASONS: Record<string, string> = {
  ENOENT: "it does not exist (a dangling symbolic link?)",
  EACCES: "permission denied",
  EPERM: "operation not permitted",
  EISDIR: "it is a folder",
  ELOOP: "too many levels of symbolic links",
  EIO: "input/output error",
};

/** A short, path-free explanation of a file system error. */
export function reason(e: unknown): string {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  if (code && REASONS[code]) return `${REASONS[code]}, ${code}`;
  if (code) return code;
  return e instanceof Error ? e.message : String(e);
}
