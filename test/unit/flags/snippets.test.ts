import { strict as assert } from "node:assert";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { lint, show } from "../../support/rule-tester";

const root = join(__dirname, "..", "..", "..");
/** A snippet's body with every placeholder replaced by its default text. */
function expand(body: string[]): string {
  return body.join("\n").replace(/\$\{\d+:([^}]*)\}/g, "$1").replace(/\$\{\d+\}|\$\d+/g, "");
}
function bodies(file: string): Record<string, string> {
  const json = JSON.parse(readFileSync(join(root, "snippets", file), "utf8")) as Record<string, { body: string[] }>;
  return Object.fromEntries(Object.entries(json).map(([k, v]) => [k, expand(v.body)]));
}
const bad = (path: string, text: string) => lint({ path, text }).filter((p) => p.ruleId === "flags/experimental-name" || p.ruleId === "flags/experimental-default-on").map(show);

describe("flags snippets", () => {
  it("the Go snippets declare a flag and a gate the rules accept", () => {
    const b = bodies("flags-go.code-snippets");
    const text = `package p\n\nfunc f(fs *pflag.FlagSet) {\n${Object.values(b).join("\n")}\n}\n`;
    assert.ok(text.includes('"experimental-feature"') && text.includes('"experimentalFeature"'), text);
    assert.deepEqual(bad("p/flags.go", text), []);
  });
  it("the Python snippets declare an option and a field the rules accept", () => {
    const b = bodies("flags-python.code-snippets");
    const text = `${b["Experimental argparse switch (off by default)"]}\n\nclass Config:\n    ${b["Experimental config field (off by default)"].replace(/\n/g, "\n    ")}\n`;
    assert.ok(text.includes("--experimental-feature"), text);
    assert.deepEqual(bad("tools/cli.py", text), []);
  });
  it("the Helm values snippet is accepted, and turning it on is reported", () => {
    const text = Object.values(bodies("flags-yaml.code-snippets"))[0] + "\n";
    assert.deepEqual(bad("charts/c/values.yaml", text), []);
    assert.deepEqual(bad("charts/c/values.yaml", text.replace("enabled: false", "enabled: true")), [
      "flags/experimental-default-on 4:3-4:10 experimentalFeature.enabled is experimental (by its name) but defaults to on (true); experimental features must be off by default",
    ]);
  });
});
