/**
 * How llm-d's auto-assign workflow (`.github/workflows/auto-assign.yaml`, llm-d-kv-cache and the
 * repositories made from it) reads the root OWNERS: not as YAML but line by line in bash.
 *  - blank lines (spaces only) and lines whose first non-space is `#` are skipped;
 *  - a line beginning `auto-assign:` opens the list (the rest of that line is not read);
 *  - any other line that begins with a non-space character closes it;
 *  - inside, a line `<spaces>-<spaces><text without a colon>` names a reviewer: the text, with
 *    leading spaces and one `@` and trailing spaces dropped (quotes and comments stay);
 *  - `read -r` never returns a last line without a line break (owners/final-newline).
 * The reviewers are then requested in one call, so one login GitHub refuses loses them all.
 */

/** Where reading a line leaves the workflow. */
export type LineReading =
  | { kind: "reviewer"; login: string }
  | { kind: "skipped" }        // blank, a comment, or outside the list
  | { kind: "opens" }          // the `auto-assign:` line itself
  | { kind: "closes" }         // begins with a non-space: the list ends here
  | { kind: "not-an-item" }    // inside the list but not `- text` (a colon, a continuation)
  | { kind: "unread" };        // the last line, without a line break

const SPACE = "[ \\t\\n\\v\\f\\r]";
const ITEM = new RegExp(`^${SPACE}*-${SPACE}*([^:]+)$`);
const ITEM_PREFIX = new RegExp(`^${SPACE}*-${SPACE}*`);
const COMMENT = new RegExp(`^${SPACE}*#`);
const STARTS_WITH_NON_SPACE = new RegExp(`^[^ \\t\\n\\v\\f\\r]`);

/** What the workflow makes of each line of `text` (split on `\n`, as `read -r` splits). */
export function readAsWorkflow(text: string): LineReading[] {
  const lines = text.split("\n");
  const out: LineReading[] = [];
  let inList = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (i === lines.length - 1) {
      // After the last "\n" there is either nothing or a line that read -r drops.
      if (line !== "") out.push({ kind: "unread" });
      break;
    }
    if (line.replace(/ /g, "") === "" || COMMENT.test(line)) { out.push({ kind: "skipped" }); continue; }
    if (line.startsWith("auto-assign:")) { inList = true; out.push({ kind: "opens" }); continue; }
    if (inList && STARTS_WITH_NON_SPACE.test(line)) { inList = false; out.push({ kind: "closes" }); continue; }
    if (!inList) { out.push({ kind: "skipped" }); continue; }
    if (!ITEM.test(line)) { out.push({ kind: "not-an-item" }); continue; }
    const login = line.replace(ITEM_PREFIX, "").replace(new RegExp(`^${SPACE}*@?`), "").replace(new RegExp(`${SPACE}*$`), "");
    out.push({ kind: "reviewer", login });
  }
  return out;
}
