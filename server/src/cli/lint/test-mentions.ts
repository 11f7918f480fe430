/**
 * flags/experimental-untested asks whether any test file mentions one of a switch's names. A lint
 * run answers after checking everything, instead of reading and indexing every test file before
 * checking anything (as the editor does):
 *  1. while files are checked, each thread adds the words of the test files it checks to its own
 *     index (it holds their text anyway), and records every question, answering "no";
 *  2. when every thread is done, the indexes together answer the recorded questions (test files
 *     no thread checked, such as test scripts, are read then);
 *  3. each file where some answer is "yes" after all has its rules run again on its kept parse.
 * A switch's names come in one question, so step 3 asks only what step 1 recorded, and files
 * where every answer stays "no" keep their first result. The result is the editor's (the same
 * hashes answer), with the index built by the threads in passing.
 */
import type { Problem } from "../../engine/index";
import { TokenHashes, tokenHash, type TestMentions } from "../../engine/families/flags/token-hashes";
import { forEachTestText, indexesTestText, isTestFile, testFilesAmong } from "../../engine/families/flags/workspace-index";

export class DeferredTestMentions implements TestMentions {
  /** The words of the test files this thread checked. */
  readonly testTokens = new TokenHashes(1 << 12);
  /** The test files whose text this thread had (others, such as a binary one, are read as the editor reads them). */
  readonly testsSeen: string[] = [];
  /** The files that asked: their questions, and their rules run again on the same parse. */
  private readonly asked = new Map<string, { names: string[]; rerun: () => Problem[] }>();
  private names: string[] = [];
  private found?: ReadonlySet<string>;

  /** Step 1, for each file checked: its words if it is a test file, and a fresh list of questions. */
  begin(relPath: string, text: string): void {
    if (isTestFile(relPath)) {
      this.testsSeen.push(relPath);
      if (indexesTestText(text)) this.testTokens.addTokensOf(text);
    }
    this.names = [];
  }

  anyOf(names: readonly string[]): boolean {
    if (this.found) return names.some((n) => this.found!.has(n));
    this.names.push(...names);
    return false;
  }

  /** After checking a file: keep how to run its rules again if it asked anything. */
  end(relPath: string, rerun: () => Problem[]): void {
    if (this.names.length > 0) this.asked.set(relPath, { names: this.names, rerun });
  }

  /** Every name this thread's files asked about. */
  askedNames(): string[] {
    const all = new Set<string>();
    for (const { names } of this.asked.values()) for (const n of names) all.add(n);
    return [...all];
  }

  /** Step 3: from now on answer from `found`; the files whose findings change, with their new findings. */
  answer(found: ReadonlySet<string>): [string, Problem[]][] {
    this.found = found;
    const changed: [string, Problem[]][] = [];
    for (const [relPath, { names, rerun }] of this.asked) if (names.some((n) => found.has(n))) changed.push([relPath, rerun()]);
    this.asked.clear();
    return changed;
  }
}

/**
 * Step 2: which of `names` some test file mentions, from the threads' indexes plus the test
 * files among `everyFile` whose text no thread had (`seen` holds those it had), read now with
 * `read`, the editor's reader: test scripts, and test files the check skipped (binary, not UTF-8).
 */
export function mentionedNames(names: readonly string[], indexes: readonly TokenHashes[], everyFile: readonly string[],
  seen: ReadonlySet<string>, read: (relPath: string) => string | undefined): Set<string> {
  const found = new Set<string>();
  if (names.length === 0) return found;
  const rest = new TokenHashes(1 << 10);
  forEachTestText(testFilesAmong(everyFile).filter((p) => !seen.has(p)), read, (text) => rest.addTokensOf(text));
  for (const n of names) {
    const h = tokenHash(n);
    if (rest.hasHash(h) || indexes.some((index) => index.hasHash(h))) found.add(n);
  }
  return found;
}
