import { strict as assert } from "node:assert";
import { lintRule, show } from "../../support/rule-tester";

const NAME = "flags/experimental-name";
const ON = "flags/experimental-default-on";
const text = [
  'import { program, Option } from "commander";',
  '// const x = program.option("--commented", "experimental", true)',
  'const re = /\\.option\\("--in-regex", "experimental"\\)/;',
  'const tpl = `${program.option("--in-template", "experimental")}`;',
  "program",
  '  .option("-p, --preview-mode", "experimental preview mode")',
  '  .option("--experimental-turbo", "turbo", true)',
  '  .option("--no-experimental-cache", "disable the cache")',
  '  .option("--experimental-level <n>", "level", "3")',
  '  .addOption(new Option("--experimental-jit").default(true));',
  'yargs.option("beta-ui", { type: "boolean", default: true, describe: "Unstable feature: new UI" });',
  "yargs.options({",
  '  "experimental-sandbox": { type: "boolean", default: true },',
  '  quiet: { type: "boolean", default: true, describe: "quiet" },',
  "});",
].join("\n");

for (const path of ["web/cli.ts", "web/cli.mjs"]) {
  describe(`flags JS/TS recognisers (${path})`, () => {
    it("commander: help evidence; a comment, a regex literal and a template are not calls", () => {
      assert.deepEqual(lintRule(NAME, { path, text }).map(show), [
        'flags/experimental-name 6:4-6:31 --preview-mode is marked experimental ("experimental" in its help text) but its name lacks "experimental"; name it --experimental-preview-mode',
        'flags/experimental-name 11:7-11:23 --beta-ui is marked experimental ("Unstable" in its help text) but its name lacks "experimental"; name it --experimental-beta-ui',
      ]);
    });
    it("defaults: a third argument, --no-x, Option.default(); yargs default:; a value option is exempt", () => {
      assert.deepEqual(lintRule(ON, { path, text }).map(show), [
        "flags/experimental-default-on 7:4-7:33 --experimental-turbo is experimental (by its name) but defaults to on (true); experimental features must be off by default",
        "flags/experimental-default-on 8:4-8:36 --experimental-cache is experimental (by its name) but defaults to on (--no-experimental-cache declares it true); experimental features must be off by default",
        "flags/experimental-default-on 10:14-10:45 --experimental-jit is experimental (by its name) but defaults to on (true); experimental features must be off by default",
        'flags/experimental-default-on 11:7-11:23 --beta-ui is experimental ("Unstable" in its help text) but defaults to on (true); experimental features must be off by default',
        "flags/experimental-default-on 13:3-13:25 --experimental-sandbox is experimental (by its name) but defaults to on (true); experimental features must be off by default",
      ]);
    });
    it("valid: off switches and plain options", () => {
      const valid = 'program.option("--experimental-a", "a").option("--b", "b", true);\nyargs.option("experimental-c", { type: "boolean" });\n';
      assert.deepEqual([...lintRule(NAME, { path, text: valid }), ...lintRule(ON, { path, text: valid })].map(show), []);
    });
  });
}
