import { strict as assert } from "node:assert";
import { lintRule, show } from "../../support/rule-tester";

const NAME = "flags/experimental-name";
const ON = "flags/experimental-default-on";
const shown = (rule: string, path: string, text: string) => lintRule(rule, { path, text }).map(show);

const cli = [
  "import argparse, click, typer, os",
  "parser = argparse.ArgumentParser()",
  'parser.add_argument("-f", "--fast-prefill", action="store_true", help="Experimental fast prefill")',
  'parser.add_argument("--experimental-x", action="store_false", help="x")',
  'parser.add_argument("--experimental-mode", default="on", choices=["on", "off"])',
  'parser.add_argument("--experimental-level", type=int, default=3)',
  'parser.add_argument("input", help="experimental input file")',
  '# parser.add_argument("--nope", help="experimental")',
  "s = \"parser.add_argument('--nope2', help='experimental')\"",
  "",
  "@click.command()",
  '@click.option("--turbo/--no-turbo", default=True, help="Turbo (alpha)")',
  '@click.option("--experimental-cache", is_flag=True, default=True)',
  "def main(turbo, experimental_cache):",
  "    pass",
  "",
  "def run(",
  '    preview: bool = typer.Option(False, "--preview", help="Tech preview of the runner"),',
  '    experimental_jit: Annotated[bool, typer.Option(help="jit")] = True,',
  "):",
  '    flag = os.environ.get("EXPERIMENTAL_PAGING", "0")',
  '    other = os.getenv("PAGING_V2", "true")  # experimental',
].join("\n");

describe("flags Python recognisers", () => {
  it("argparse: help evidence, store_false is on, a string switch; positional arguments, comments and strings are not options", () => {
    assert.deepEqual(shown(NAME, "tools/cli.py", cli).filter((s) => / [1-9]:/.test(s)), [
      'flags/experimental-name 3:1-3:43 --fast-prefill is marked experimental ("Experimental" in its help text) but its name lacks "experimental"; name it --experimental-fast-prefill',
    ]);
    assert.deepEqual(shown(ON, "tools/cli.py", cli).filter((s) => / [1-9]:/.test(s)), [
      'flags/experimental-default-on 4:1-4:39 --experimental-x is experimental (by its name) but defaults to on (action="store_false"); experimental features must be off by default',
      'flags/experimental-default-on 5:1-5:42 --experimental-mode is experimental (by its name) but defaults to on ("on"); experimental features must be off by default',
    ]);
  });
  it("click: --x/--no-x with default=True and is_flag", () => {
    assert.deepEqual(shown(ON, "tools/cli.py", cli).filter((s) => / 1[23]:/.test(s)), [
      'flags/experimental-default-on 12:1-12:35 --turbo is experimental ("alpha" in its help text) but defaults to on (True); experimental features must be off by default',
      "flags/experimental-default-on 13:1-13:37 --experimental-cache is experimental (by its name) but defaults to on (True); experimental features must be off by default",
    ]);
  });
  it("typer: Option(default, '--x') and Annotated[bool, Option()] = default", () => {
    assert.deepEqual(shown(NAME, "tools/cli.py", cli).filter((s) => / 18:/.test(s)), [
      'flags/experimental-name 18:5-18:52 --preview is marked experimental ("Tech preview" in its help text) but its name lacks "experimental"; name it --experimental-preview',
    ]);
    assert.deepEqual(shown(ON, "tools/cli.py", cli).filter((s) => / 19:/.test(s)), [
      "flags/experimental-default-on 19:5-19:21 --experimental-jit is experimental (by its name) but defaults to on (True); experimental features must be off by default",
    ]);
  });
  it("os.environ.get / os.getenv: a default of \"0\" is off, \"true\" is on", () => {
    assert.deepEqual(shown(ON, "tools/cli.py", cli).filter((s) => / 2[12]:/.test(s)), [
      'flags/experimental-default-on 22:13-22:34 env PAGING_V2 is experimental ("experimental" in the comment on its line) but defaults to on ("true"); experimental features must be off by default',
    ]);
  });
  const fields = [
    "@dataclass",
    "class CacheConfig:",
    "    block_size: int = 16",
    '    """Size of a block."""',
    "    attn_group_size: int | None = Field(default=None, gt=0)",
    '    """Experimental override for the number of layers."""',
    "    experimental_prefill: bool = True",
    '    """Prefill."""',
    "    # WIP feature toggle",
    "    fast_prefill: bool = False",
    "",
    "    def compute(self):",
    '        note: str = "experimental"',
    '        """experimental"""',
  ].join("\n");
  it("config fields: docstring and comment evidence, dataclass defaults; locals in methods are not fields", () => {
    assert.deepEqual(shown(NAME, "vllm/config/cache.py", fields), [
      'flags/experimental-name 5:5-5:20 config field attn_group_size is marked experimental ("Experimental" in its docstring) but its name lacks "experimental"; name it config field experimental_attn_group_size',
      'flags/experimental-name 10:5-10:17 config field fast_prefill is marked experimental ("WIP" in the comment above it) but its name lacks "experimental"; name it config field experimental_fast_prefill',
    ]);
    assert.deepEqual(shown(ON, "vllm/config/cache.py", fields), [
      "flags/experimental-default-on 7:5-7:25 config field experimental_prefill is experimental (by its name) but defaults to on (True); experimental features must be off by default",
    ]);
  });
  it("valid: off defaults, None, store_true and Field(default=False)", () => {
    const valid = [
      'p.add_argument("--experimental-a", action="store_true")',
      'p.add_argument("--experimental-b", default=None)',
      "class C:",
      "    experimental_c: bool = Field(default=False)",
      '    """Experimental c."""',
    ].join("\n");
    assert.deepEqual([...shown(NAME, "a.py", valid), ...shown(ON, "a.py", valid)], []);
  });
});
