import { strict as assert } from "node:assert";
import { lintRule, show } from "../../support/rule-tester";

const NAME = "flags/experimental-name";
const ON = "flags/experimental-default-on";
const go = (text: string, path = "pkg/opts/options.go") => ({ path, text });
const shown = (rule: string, text: string, path?: string) => lintRule(rule, go(text, path)).map(show);

describe("flags Go recogniser: flag and pflag calls", () => {
  const text = [
    "package main",
    "",
    "func (o *Options) AddFlags(fs *pflag.FlagSet) {",
    '\tfs.BoolVarP(&o.Turbo, "turbo", "t", false, "Turbo mode (experimental).")',
    '\tfs.StringVar(&o.Mode, modeFlag, "", "mode to run in")',
    '\tcmd.Flags().Bool("experimental-cache", true, "cache")',
    '\tfs.Duration("experimental-timeout", 5*time.Second, "timeout")',
    '\tpflag.Int("workers", 4, "alpha=0.5 is not a stage")',
    '\tzap.Bool("experimental", true)',
    '\t// fs.Bool("commented", true, "experimental")',
    '\ts := `fs.Bool("in-raw-string", true, "experimental")`',
    "}",
    "",
    'const modeFlag = "mode"',
  ].join("\n");
  it("names: a P form whose help says experimental", () => {
    assert.deepEqual(shown(NAME, text), [
      'flags/experimental-name 4:2-4:31 --turbo is marked experimental ("experimental" in its help text) but its name lacks "experimental"; name it --experimental-turbo',
    ]);
  });
  it("defaults: a cobra Flags() call with a literal true; durations and other libraries' Bool are not switches", () => {
    assert.deepEqual(shown(ON, text), [
      "flags/experimental-default-on 6:2-6:39 --experimental-cache is experimental (by its name) but defaults to on (true); experimental features must be off by default",
    ]);
  });
  it("valid: plain flags, a flag named by a constant, comments and raw strings", () => {
    const valid = 'package main\n\nconst name = "experimental-x"\n\nfunc f(fs *pflag.FlagSet) {\n\tfs.Bool(name, false, "Experimental x")\n\tfs.Bool("plain", true, "plain")\n\t// fs.Bool("c", true, "experimental")\n}\n';
    assert.deepEqual([...shown(NAME, valid), ...shown(ON, valid)], []);
  });
});

describe("flags Go recogniser: std flag bound to struct fields", () => {
  const text = [
    "package main",
    "",
    "type Options struct {",
    "\t// UseFast enables the fast path. Tech preview.",
    "\tUseFast bool",
    "}",
    "",
    "func NewOptions() *Options { return &Options{UseFast: true} }",
    "",
    "func (o *Options) Bind(flags *flag.FlagSet) {",
    '\tflags.BoolVar(&o.UseFast, "use-fast", o.UseFast, "use the fast path")',
    '\tflags.BoolVar(&o.Other, "experimental-other", o.Other, "other")',
    '\t_ = flags.MarkDeprecated("old-thing", "gone")',
    '\tflags.Bool("old-thing", false, "Experimental old thing")',
    "}",
  ].join("\n");
  it("takes the bound field's comment as evidence and its constructor value as the default", () => {
    assert.deepEqual(shown(NAME, text), [
      'flags/experimental-name 11:2-11:38 --use-fast is marked experimental ("Tech preview" in the comment of the field UseFast it sets) but its name lacks "experimental"; name it --experimental-use-fast',
    ]);
    assert.deepEqual(shown(ON, text), [
      'flags/experimental-default-on 11:2-11:38 --use-fast is experimental ("Tech preview" in the comment of the field UseFast it sets) but defaults to on (o.UseFast (= true)); experimental features must be off by default',
    ]);
  });
  it("valid: a deprecated flag is not asked to be renamed; an unset field is not on", () => {
    assert.ok(!shown(NAME, text).some((s) => s.includes("old-thing")));
    assert.ok(!shown(ON, text).some((s) => s.includes("experimental-other")));
  });
});

describe("flags Go recogniser: urfave/cli flag structs", () => {
  const text = [
    "package main",
    "",
    "var flags = []cli.Flag{",
    '\t&cli.BoolFlag{Name: "experimental-sched", Value: true, Usage: "new scheduler"},',
    "\t&cli.BoolFlag{",
    '\t\tName:     "fast-lane",',
    '\t\tUsage:    "fast lane",',
    '\t\tCategory: "Experimental",',
    "\t},",
    '\t&cli.StringFlag{Name: "region", Value: "us", Usage: "region"},',
    "}",
  ].join("\n");
  it("reads Name, Value, Usage and Category", () => {
    assert.deepEqual(shown(ON, text), ["flags/experimental-default-on 4:2-4:42 --experimental-sched is experimental (by its name) but defaults to on (true); experimental features must be off by default"]);
    assert.deepEqual(shown(NAME, text), ['flags/experimental-name 5:2-6:24 --fast-lane is marked experimental ("Experimental" in its help text) but its name lacks "experimental"; name it --experimental-fast-lane']);
  });
  it("valid: a BoolFlag without Value is off", () => {
    assert.deepEqual(shown(ON, 'package main\nvar f = &cli.BoolFlag{Name: "experimental-x", Usage: "x"}\n'), []);
  });
});

describe("flags Go recogniser: Kubernetes feature gates", () => {
  const text = [
    "package features",
    "",
    "const (",
    "\t// alpha: v1.2",
    '\tFancyThing featuregate.Feature = "FancyThing"',
    '\tOldThing   featuregate.Feature = "OldThing"',
    ")",
    "",
    "var Default = map[featuregate.Feature]featuregate.FeatureSpec{",
    "\tFancyThing: {Default: false, PreRelease: featuregate.Alpha},",
    "\tOldThing:   {Default: true, PreRelease: featuregate.Beta},",
    '\t"Versioned": {',
    '\t\t{Version: version.MustParse("1.1"), Default: false, PreRelease: featuregate.Alpha},',
    '\t\t{Version: version.MustParse("1.2"), Default: true, PreRelease: featuregate.Alpha},',
    "\t},",
    "}",
  ].join("\n");
  it("an Alpha gate that defaults to true is default-on (the current, last version counts)", () => {
    assert.deepEqual(shown(ON, text), ['flags/experimental-default-on 12:2-12:13 feature gate Versioned is experimental ("Alpha" in its PreRelease stage) but defaults to on (true); experimental features must be off by default']);
  });
  it("valid by default: stages mark maturity, so an Alpha gate's name is not checked", () => {
    assert.deepEqual(shown(NAME, text), []);
  });
  it("policy featureGateStagesNeedName: true asks Alpha gates for the name", () => {
    const r = lintRule(NAME, { ...go(text), config: { flags: { featureGateStagesNeedName: true } } }).map(show);
    assert.deepEqual(r, [
      'flags/experimental-name 10:2-10:12 feature gate FancyThing is marked experimental ("Alpha" in its PreRelease stage) but its name lacks "experimental"; name it feature gate ExperimentalFancyThing',
      'flags/experimental-name 12:2-12:13 feature gate Versioned is marked experimental ("Alpha" in its PreRelease stage) but its name lacks "experimental"; name it feature gate ExperimentalVersioned',
    ]);
  });
});

describe("flags Go recogniser: llm-d feature gates and gate-name constants", () => {
  const text = [
    "package runner",
    "",
    "const (",
    "\t// ExperimentalCacheFeatureGate turns the new cache on.",
    '\tExperimentalCacheFeatureGate = "cache"',
    '\tPlainFeatureGate = "plain"',
    "\t// The tracing gate is unstable for now.",
    '\tTracingGate = "tracing"',
    ")",
    "",
    "func setup() {",
    "\tloader.RegisterFeatureGate(ExperimentalCacheFeatureGate)",
    "\tloader.RegisterFeatureGate(flowcontrol.FeatureGate, true)",
    '\tloader.RegisterFeatureGate("experimentalRouting", true)',
    "\tapplyEnv(enableExperimentalFlowControl, flowcontrol.FeatureGate)",
    "}",
  ].join("\n");
  it("names: identifier evidence, alias evidence and a gate constant's comment", () => {
    assert.deepEqual(shown(NAME, text), [
      'flags/experimental-name 8:2-8:25 feature gate "tracing" is marked experimental ("unstable" in the comment above it) but its name lacks "experimental"; name it feature gate "experimentalTracing"',
      'flags/experimental-name 12:2-12:57 feature gate "cache" is marked experimental (its Go identifier ExperimentalCacheFeatureGate says Experimental) but its name lacks "experimental"; name it feature gate "experimentalCache"',
      'flags/experimental-name 13:2-13:52 feature gate flowcontrol.FeatureGate is marked experimental (line 15 passes it with the switch enableExperimentalFlowControl) but its name lacks "experimental"',
    ]);
  });
  it("defaults: the second argument of RegisterFeatureGate", () => {
    assert.deepEqual(shown(ON, text), [
      "flags/experimental-default-on 13:2-13:52 feature gate flowcontrol.FeatureGate is experimental (line 15 passes it with the switch enableExperimentalFlowControl) but defaults to on (true); experimental features must be off by default",
      'flags/experimental-default-on 14:2-14:50 feature gate "experimentalRouting" is experimental (by its name) but defaults to on (true); experimental features must be off by default',
    ]);
  });
  it("resolves a gate registered from another package through the workspace", () => {
    const files = { "pkg/datalayer/factory.go": 'package datalayer\n\nconst ExperimentalDatalayerFeatureGate = "dataLayer"\n' };
    const r = lintRule(NAME, { path: "cmd/runner.go", text: "package runner\n\nfunc f() {\n\tloader.RegisterFeatureGate(datalayer.ExperimentalDatalayerFeatureGate)\n}\n", files }).map(show);
    assert.deepEqual(r, ['flags/experimental-name 4:2-4:71 feature gate "dataLayer" is marked experimental (its Go identifier ExperimentalDatalayerFeatureGate says Experimental) but its name lacks "experimental"; name it feature gate "experimentalDataLayer"']);
  });
  it("valid: a gate without evidence, and an experimental-named value", () => {
    const valid = 'package p\n\nconst FeatureGate = "flowControl"\nconst ExperimentalXGate = "experimentalX"\n\nfunc f() { loader.RegisterFeatureGate(FeatureGate, false) }\n';
    assert.deepEqual([...shown(NAME, valid), ...shown(ON, valid)], []);
  });
});

describe("flags Go recogniser: environment switches", () => {
  const text = [
    "package main",
    "",
    'const envTurbo = "TURBO_MODE" // experimental',
    "",
    "func main() {",
    "\t_ = os.Getenv(envTurbo)",
    '\t_ = env.GetEnvBool("ENABLE_EXPERIMENTAL_FAST", true, log)',
    '\t_ = getEnvOrDefault("EXPERIMENTAL_LEVEL", "3")',
    "\t_ = env.GetEnvBool(name, true, log)",
    '\t_ = os.Getenv("HOME")',
    "}",
  ].join("\n");
  it("names: the constant's comment is the variable's evidence", () => {
    assert.deepEqual(shown(NAME, text), ['flags/experimental-name 6:6-6:24 env TURBO_MODE is marked experimental ("experimental" in the comment of envTurbo) but its name lacks "experimental"; name it env EXPERIMENTAL_TURBO_MODE']);
  });
  it("defaults: a helper's default argument; a non-boolean default is exempt; a parameter is no declaration", () => {
    assert.deepEqual(shown(ON, text), ["flags/experimental-default-on 7:6-7:47 env ENABLE_EXPERIMENTAL_FAST is experimental (by its name) but defaults to on (true); experimental features must be off by default"]);
  });
});

describe("flags Go recogniser: tagged config struct fields", () => {
  const text = [
    "package kv",
    "",
    "type Config struct {",
    '\tAddress string `json:"address"`',
    "\t// EnableRDMA enables RDMA (experimental)",
    '\tEnableRDMA bool `json:"enableRDMA,omitempty"`',
    '\tExperimentalZeroCopy bool `yaml:"experimentalZeroCopy"`',
    "\tInternal bool // experimental, but no tag",
    "}",
    "",
    'func Default() *Config { return &Config{Address: "x", EnableRDMA: false, ExperimentalZeroCopy: true} }',
  ].join("\n");
  it("names come from the tag; evidence from the field's comments", () => {
    assert.deepEqual(shown(NAME, text), ['flags/experimental-name 6:2-6:12 config field enableRDMA is marked experimental ("experimental" in the comment above it) but its name lacks "experimental"; name it config field experimentalEnableRDMA']);
  });
  it("defaults come from keyed literals in the same file", () => {
    assert.deepEqual(shown(ON, text), ["flags/experimental-default-on 7:2-7:22 config field experimentalZeroCopy is experimental (by its name) but defaults to on (true); experimental features must be off by default"]);
  });
});
