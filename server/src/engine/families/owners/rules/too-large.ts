import type { Rule } from "../../../types";
import type { OwnersDoc } from "../parse";
import { ownersSettings } from "../schema";

export const tooLarge: Rule<OwnersDoc> = {
  id: "owners/too-large",
  description: "An OWNERS file far larger than any real one: it is not checked (one note instead of thousands of findings).",
  defaultSeverity: "info",
  check(p, ctx) {
    if (p.tooLarge === undefined) return [];
    const kb = (n: number) => `${Math.round(n / 1024)} KB`;
    return [{
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      message: `not checked: this file is ${kb(p.tooLarge)}, far beyond any real ${p.kind === "owners" ? "OWNERS" : "OWNERS_ALIASES"} file (the owners checks stop at ${kb(ownersSettings(ctx.settings).maxBytes)}; raise owners.maxBytes in .llm-d-contrib.yaml to check it)`,
    }];
  },
};
