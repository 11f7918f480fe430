/**
 * The three documents of the per-document and LSP figures, and the small workspace around
 * them: a 3,000-line proposal, a typical 40-line OWNERS, a 5,000-line Go file with 200 flag
 * declarations; plus PROPOSAL_TEMPLATE.md, the root OWNERS and OWNERS_ALIASES they refer to.
 * Also `Typist`, which edits a document one keystroke at a time.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { Rng } from "./rng";
import { SIGS, goFile, ownersAliasesFile, ownersFile, proposalFile } from "./content";
import { SHARED } from "./paths";

export interface Fixture {
  name: "proposal3000" | "owners" | "go5000";
  relPath: string;
  languageId: string;
  text: string;
  /** Lines where typing happens (prose, logins, help strings), 0-based. */
  editable: number[];
}

export function fixtures(seed: number): { docs: Fixture[]; workspace: Record<string, string> } {
  const rng = new Rng(seed ^ 0x5eed);
  const aliasNames = SIGS.flatMap((s) => [`sig-${s}-leads`, `sig-${s}-approvers`, `sig-${s}-reviewers`]);
  const stats = { files: 0, withMistake: 0 };
  const flagStats = { declared: 0, experimental: 0, experimentalDefaultOn: 0, helpSaysExperimental: 0 };
  const templatePath = join(SHARED, "reference", "PROPOSAL_TEMPLATE.md");
  const workspace: Record<string, string> = {
    "OWNERS_ALIASES": ownersAliasesFile(rng.fork(1), aliasNames),
    "OWNERS": ownersFile(rng.fork(2), aliasNames, 40, stats),
    "docs/proposals/PROPOSAL_TEMPLATE.md": existsSync(templatePath) ? readFileSync(templatePath, "utf8") : proposalFile(rng.fork(3), 90, 0),
  };
  const proposal = proposalFile(rng.fork(4), 3000, 1);
  let owners = "";
  // A typical one: about 40 lines, spelt right (the benchmark times re-checks, not a mistake's fix).
  for (let i = 0; i < 1000 && (Math.abs(owners.split("\n").length - 41) > 2 || !owners.includes("reviewers:")); i++) owners = ownersFile(rng.fork(5 + i), aliasNames, 42, stats);
  const go = goFile(rng.fork(6), { pkg: "options", lines: 5000, flags: 200, stats: flagStats });
  const editable = (text: string, test: (line: string) => boolean) => text.split("\n").flatMap((l, i) => (test(l) ? [i] : []));
  const docs: Fixture[] = [
    { name: "proposal3000", relPath: "docs/proposals/benchmark-proposal.md", languageId: "markdown", text: proposal, editable: editable(proposal, (l) => /^[A-Z][a-z]+ [a-z]/.test(l) && l.length > 30) },
    { name: "owners", relPath: "pkg/scheduler/OWNERS", languageId: "owners", text: owners, editable: editable(owners, (l) => /^ {2}- [a-z]/.test(l) && !/sig-/.test(l)) },
    { name: "go5000", relPath: "cmd/epp/options.go", languageId: "go", text: go, editable: editable(go, (l) => /^\t(\/\/ [A-Z]|fs\.\w+Var\(.*"\)$)/.test(l)) },
  ];
  for (const d of docs) {
    if (d.editable.length === 0) throw new Error(`fixture ${d.name} has no editable line`);
    workspace[d.relPath] = d.text;
  }
  return { docs, workspace };
}

export interface Keystroke { line: number; character: number; insert: string; deleteCount: number }

/**
 * Types into a document: each step inserts one lowercase letter in an editable line (before
 * its last two characters, i.e. inside the word, help string or login), and every fifth step
 * deletes one instead (a backspace). Insertions and deletions use disjoint sets of lines, so
 * the inserted lines only grow and the others only shrink: no two versions have the same text.
 */
export class Typist {
  private readonly lines: string[];
  private readonly rng: Rng;
  private readonly typeLines: number[];
  private readonly eraseLines: number[];
  private step = 0;
  constructor(private readonly fixture: Fixture, seed: number) {
    this.lines = fixture.text.split("\n");
    this.rng = new Rng(seed);
    this.typeLines = fixture.editable.filter((_, i) => i % 2 === 0);
    this.eraseLines = fixture.editable.filter((_, i) => i % 2 === 1);
  }
  next(): Keystroke {
    if (++this.step % 5 === 0) {
      const erasable = this.eraseLines.filter((l) => this.lines[l].length > 8);
      if (erasable.length > 0) {
        const line = this.rng.pick(erasable);
        const text = this.lines[line];
        const character = text.length - 3;
        this.lines[line] = text.slice(0, character) + text.slice(character + 1);
        return { line, character, insert: "", deleteCount: 1 };
      }
    }
    const line = this.rng.pick(this.typeLines.length > 0 ? this.typeLines : this.fixture.editable);
    const text = this.lines[line];
    const character = Math.max(0, text.length - 2);
    const insert = String.fromCharCode(97 + this.rng.int(0, 25));
    this.lines[line] = text.slice(0, character) + insert + text.slice(character);
    return { line, character, insert, deleteCount: 0 };
  }
  text(): string { return this.lines.join("\n"); }
}
