import { Option } from "commander";
import { docUrl } from "../../engine/index";
import { colors, useColor } from "../io";
import type { CliCommand } from "./types";

export const rulesCommand: CliCommand = {
  name: "rules",
  register(program, ctx) {
    program.command("rules")
      .description("list every rule: id, default severity, whether it has fixes, description")
      .addOption(new Option("-f, --format <format>", "output format").choices(["text", "json"]).default("text"))
      .action((opts: { format: "text" | "json" }) => {
        const rules = ctx.engine.rules();
        const { io } = ctx;
        if (opts.format === "json") {
          io.stdout.write(JSON.stringify(rules.map((r) => ({
            id: r.id, family: r.family, defaultSeverity: r.defaultSeverity, fixable: r.fixable, description: r.description, docUrl: docUrl(r.id),
          })), null, 2) + "\n");
        } else {
          const c = colors(useColor(io.stdout, io.env));
          const idWidth = Math.max(...rules.map((r) => r.id.length));
          const sevWidth = Math.max(...rules.map((r) => r.defaultSeverity.length));
          for (const r of rules) {
            io.stdout.write(`${r.id.padEnd(idWidth)}  ${r.defaultSeverity.padEnd(sevWidth)}  ${r.fixable ? "fix" : "   "}  ${c.dim(r.description)}\n`);
          }
        }
        ctx.exitCode = 0;
      });
  },
};
