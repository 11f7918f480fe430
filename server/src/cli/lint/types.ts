import type { Problem } from "../../engine/index";

export type Format = "text" | "json" | "sarif";
export const FORMATS: readonly Format[] = ["text", "json", "sarif"];

export interface LintOptions {
  /** Files and folders to check, relative to the working folder; none means ".". */
  paths: string[];
  format: Format;
  /** Check standard input as the file `stdinFilename` (which need not exist). */
  stdin?: boolean;
  stdinFilename?: string;
  /** Apply the fixes marked safe, in place (with --stdin: print the fixed text instead). */
  fix?: boolean;
  /** Also fail (exit 1) when there are more warnings than this. */
  maxWarnings?: number;
  /** Report errors only. */
  quiet?: boolean;
  /** --color / --no-color; undefined means decide from the terminal and NO_COLOR/FORCE_COLOR. */
  color?: boolean;
}

export interface FileProblems {
  /** Repository-relative path with forward slashes. */
  relPath: string;
  problems: Problem[];
}

export interface LintReport {
  /** Absolute path of the repository root every relPath is relative to. */
  root: string;
  /** How many files were checked (had a kind the product reads). */
  checked: number;
  /** Files with problems, in path order; .llm-d-contrib.yaml first when the configuration has errors. */
  results: FileProblems[];
  /** Files `--fix` changed and how many fixes went into each. */
  fixed: { relPath: string; fixes: number }[];
  /** Files `--fix` could not write back. */
  writeFailures: { relPath: string; message: string }[];
  /** With --stdin --fix: the text after the safe fixes. */
  stdinOutput?: string;
}
