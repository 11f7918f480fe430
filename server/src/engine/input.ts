import type { Problem } from "./types";

const ORIGIN = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
const decoder = new TextDecoder("utf-8", { fatal: true });

/**
 * Turns a file's bytes into text, or into the one problem that says why it cannot be checked
 * (binary content, invalid UTF-8). A UTF-8 byte order mark is dropped.
 */
export function decodeFile(bytes: Uint8Array): { text: string } | { problem: Problem } {
  const probe = bytes.subarray(0, 8192);
  if (probe.includes(0)) {
    return { problem: { ruleId: "internal/binary-file", severity: "info", range: ORIGIN, message: "skipped: the file holds binary data (a NUL byte), so it cannot be an OWNERS file, proposal or source file" } };
  }
  try {
    const text = decoder.decode(bytes);
    return { text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text };
  } catch {
    const bad = firstInvalidUtf8(bytes);
    return { problem: { ruleId: "internal/invalid-encoding", severity: "warning", range: ORIGIN, message: `skipped: the file is not valid UTF-8 (first bad byte at offset ${bad}); save it as UTF-8` } };
  }
}

function firstInvalidUtf8(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i];
    const n = b < 0x80 ? 1 : (b & 0xe0) === 0xc0 ? 2 : (b & 0xf0) === 0xe0 ? 3 : (b & 0xf8) === 0xf0 ? 4 : 0;
    if (n === 0 || i + n > bytes.length) return i;
    try { decoder.decode(bytes.subarray(i, i + n)); } catch { return i; }
    i += n;
  }
  return bytes.length;
}
