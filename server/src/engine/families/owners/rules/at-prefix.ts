import type { Finding, Rule } from "../../../types";
import type { OwnersDoc } from "../parse";
import { nameRefs } from "../names";
import { plainSafe } from "../fixes";
import { code, replace } from "../util";

export const atPrefix: Rule<OwnersDoc> = {
  id: "owners/at-prefix",
  description: "A login written with a leading @: Prow strips it, but tools that compare names exactly do not.",
  defaultSeverity: "hint",
  fixable: true,
  check(p) {
    if (p.unreadable) return [];
    const out: Finding[] = [];
    for (const ref of nameRefs(p)) {
      if (!ref.text.startsWith("@") || ref.text.length < 2) continue;
      const bare = ref.text.slice(1);
      out.push({
        range: ref.item.range,
        message: `write ${code(bare)}, not ${code(ref.text)}: Prow drops the @, but llm-d's workflows compare names exactly (in ${ref.where})`,
        fixes: [{ title: `Write ${bare}`, edits: [replace(p.lines, ref.item.start, ref.item.end, plainSafe(bare) ? bare : JSON.stringify(bare))], isPreferred: true, safe: true }],
      });
    }
    return out;
  },
};
