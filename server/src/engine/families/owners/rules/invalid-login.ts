import type { Finding, Fix, Rule } from "../../../types";
import { normLogin, type OwnersDoc } from "../parse";
import { aliasTable } from "../repo";
import { aliasShaped, loginProblem } from "../logins";
import { nameRefs } from "../names";
import { deleteItem, plainSafe } from "../fixes";
import { code, eol, replace } from "../util";

export const invalidLogin: Rule<OwnersDoc> = {
  id: "owners/invalid-login",
  description: "An entry that cannot be a GitHub login (or an `org/team` outside required_reviewers): it matches nobody.",
  defaultSeverity: "error",
  fixable: true,
  check(p, ctx) {
    if (p.unreadable) return [];
    const aliases = aliasTable(p, ctx.workspace);
    const out: Finding[] = [];
    for (const ref of nameRefs(p)) {
      const name = ref.text.startsWith("@") ? ref.text.slice(1) : ref.text;
      const norm = normLogin(ref.text);
      if (ref.list !== "alias-member" && !norm.includes("/") && (aliases.byNorm.has(norm) || aliasShaped(norm))) continue; // an alias (or owners/unknown-alias's case)
      const problem = loginProblem(name, ref.list === "alias-member" ? "an alias" : ref.list, (s) => code(s));
      if (!problem) continue;
      const fixes: Fix[] = [];
      const { item } = ref;
      if (name === "") {
        const d = deleteItem(p, item);
        if (d) fixes.push({ title: "Remove the empty name", edits: [d], isPreferred: true, safe: true });
      } else if (problem.fixed?.length === 1) {
        const to = problem.fixed[0];
        fixes.push({ title: `Write ${to}`, edits: [replace(p.lines, item.start, item.end, plainSafe(to) ? to : JSON.stringify(to))], isPreferred: true, safe: true });
      } else if (problem.fixed && problem.fixed.length > 1) {
        const before = p.text.slice(p.lines.lineStart(item.range.start.line), item.start);
        const block = /^\s*-\s*$/.test(before);
        const joined = block ? problem.fixed.join(eol(p.text) + before) : problem.fixed.join(", ");
        fixes.push({ title: `Split into ${problem.fixed.length} names`, edits: [replace(p.lines, item.start, item.end, joined)], isPreferred: true, safe: problem.fixed.every(plainSafe) });
      }
      out.push({ range: item.range, message: `${problem.message} (in ${ref.where})`, fixes });
    }
    return out;
  },
};
