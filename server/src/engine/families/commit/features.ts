/** Editor features of commit messages: trailer completions and a hover on sign-off lines. */
import type { CompletionEntry, LanguageFeatures } from "../../types";
import type { ParsedCommit } from "./parse";
import { knownIdentities, lineRange, signer } from "./fixes";
import { formatIdentity, sameIdentity, signoffLine } from "./signoff";

const TRAILER_KEYS = ["Signed-off-by", "Co-authored-by"];

export const commitFeatures: LanguageFeatures<ParsedCommit> = {
  completions(p, at, ctx): CompletionEntry[] {
    const line = p.lines[at.line] ?? "";
    const typed = line.slice(0, at.character);
    if (!p.content[at.line] || !/^[A-Za-z-]*$/.test(typed)) return [];
    const range = { start: { line: at.line, character: 0 }, end: at };
    const out: CompletionEntry[] = [];
    for (const id of knownIdentities(ctx.host)) {
      out.push({
        label: signoffLine(id), kind: "snippet", range, insertText: signoffLine(id),
        detail: id === signer(ctx.host) ? "your sign-off (git commit -s)" : "the author's sign-off",
        documentation: "Certifies the Developer Certificate of Origin for this commit; the DCO check needs the name and email of the commit's author or committer.",
      });
    }
    if (out.length === 0) {
      out.push({ label: "Signed-off-by:", kind: "snippet", range, insertText: "Signed-off-by: ${1:Name} <${2:email}>", snippet: true, detail: "DCO sign-off trailer" });
    }
    for (const key of TRAILER_KEYS.slice(1)) {
      out.push({ label: `${key}:`, kind: "snippet", range, insertText: `${key}: \${1:Name} <\${2:email}>`, snippet: true, detail: "trailer" });
    }
    return out.filter((c) => c.label.toLowerCase().startsWith(typed.toLowerCase()));
  },

  hover(p, at, ctx) {
    const s = p.signoffs.find((x) => x.line === at.line);
    if (!s) return undefined;
    const ids = knownIdentities(ctx.host);
    const match = ids.find((id) => sameIdentity(s, id));
    const status = ids.length === 0
      ? "The identity git will commit with is not known here."
      : match
        ? `Matches ${match === ctx.host.gitCommitter && match !== ctx.host.gitAuthor ? "the committer" : "the author"} \`${formatIdentity(match)}\`: the DCO check will accept it.`
        : `Matches neither ${ids.map((id) => `\`${formatIdentity(id)}\``).join(" nor ")}: the DCO check needs the author's or committer's name and email.`;
    return {
      markdown: `**Signed-off-by** — by adding this line, ${s.name} certifies the [Developer Certificate of Origin](https://developercertificate.org/) for this commit.\n\n${status}`,
      range: lineRange(p, s.line),
    };
  },
};
