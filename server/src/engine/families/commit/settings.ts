/** The `commit:` settings of .llm-d-contrib.yaml (and the editor's `llm-d-contrib.commit`). */
import type { HostFacts } from "../../types";

export const DEFAULT_TITLE_MAX = 72;

export interface CommitSettings {
  /** Longest title before commit/title-length speaks (`commit: { titleMaxLength: 72 }`). */
  titleMaxLength: number;
  /** The comment prefix of an edited message: `commit: { commentChar }`, else git's core.commentChar, else "#". */
  commentString: string;
}

export function positiveInt(v: unknown): number | undefined {
  return typeof v === "number" && Number.isInteger(v) && v > 0 ? v : undefined;
}

export function commitSettings(settings: Record<string, unknown>, host: HostFacts): CommitSettings {
  const configured = typeof settings.commentChar === "string" ? settings.commentChar : undefined;
  const fromGit = host.commentChar;
  // git's "auto" picks a character the message does not use; the template still marks its own
  // lines with it, but we cannot know which one, so "#" (as git does before it picks) is the guess.
  const pick = [configured, fromGit].find((c) => c !== undefined && c !== "" && c !== "auto" && !/\s/.test(c[0]) && !/\n/.test(c));
  return {
    titleMaxLength: positiveInt(settings.titleMaxLength) ?? DEFAULT_TITLE_MAX,
    commentString: pick ?? "#",
  };
}
