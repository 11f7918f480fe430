import { strict as assert } from "node:assert";
import { lintRule, show } from "../../support/rule-tester";
import { yamlRole } from "../../../server/src/engine/families/flags/yaml/role";

const NAME = "flags/experimental-name";
const ON = "flags/experimental-default-on";
const values = [
  "lmcache:",
  "  # -- Use experimental features",
  "  useExperimental: true",
  "  # Experimental: chunked prefill",
  "  chunked: false",
  '  #   ENABLE_EXPERIMENTAL_FEATURE: "true"',
  "  affinity: {}",
  "# Fast lane (alpha)",
  "fastLane:",
  "  enabled: false",
  "  replicas: 2",
  "experimental:",
  '  fastPath: "on"',
  "  level: 3",
  "# Option to use experimental hybrid optimization",
  "",
  "scaleToZero: true",
  "experimentalHttpRoute:",
  "  enabled: false",
  '  timeout: "300s"',
].join("\n");
const path = "charts/llm-d/values.yaml";

describe("flags YAML recognisers: Helm values and config keys", () => {
  it("names: a switch whose comment above says experimental; an enabled: switch takes its section's comment", () => {
    assert.deepEqual(lintRule(NAME, { path, text: values }).map(show), [
      'flags/experimental-name 5:3-5:10 lmcache.chunked is marked experimental ("Experimental" in the comment above it) but its name lacks "experimental"; name it lmcache.experimentalChunked',
      'flags/experimental-name 10:3-10:10 fastLane.enabled is marked experimental ("alpha" in the comment of its section) but its name lacks "experimental"; name it experimentalFastLane.enabled',
    ]);
  });
  it("defaults: experimental-named keys and keys under experimental: that are on; numbers and strings are exempt", () => {
    assert.deepEqual(lintRule(ON, { path, text: values }).map(show), [
      "flags/experimental-default-on 3:3-3:18 lmcache.useExperimental is experimental (by its name) but defaults to on (true); experimental features must be off by default",
      'flags/experimental-default-on 13:3-13:11 experimental.fastPath is experimental (by its name) but defaults to on ("on"); experimental features must be off by default',
    ]);
  });
  it("valid: commented-out keys and a comment cut off by a blank line belong to no key", () => {
    const r = lintRule(NAME, { path, text: values }).map(show).concat(lintRule(ON, { path, text: values }).map(show));
    assert.ok(!r.some((s) => / (6|7|17):/.test(s)), r.join("\n"));
  });
  it("other config files are read; manifests, overrides, examples and CI workflows are not declarations", () => {
    const on = "experimental:\n  x: true\n";
    assert.deepEqual(lintRule(ON, { path: "config/app.yaml", text: on }).map(show), [
      "flags/experimental-default-on 2:3-2:4 experimental.x is experimental (by its name) but defaults to on (true); experimental features must be off by default",
    ]);
    for (const p of ["charts/llm-d/values-dev.yaml", ".github/workflows/ci.yaml", "examples/sample-config.yaml", "vendor/x/config.yaml"]) {
      assert.deepEqual(lintRule(ON, { path: p, text: on }).map(show), [], p);
    }
    assert.deepEqual(lintRule(ON, { path: "deploy/cm.yaml", text: 'apiVersion: v1\nkind: ConfigMap\ndata:\n  EXPERIMENTAL_X: "true"\n' }).map(show), []);
  });
  it("a document YAML cannot parse declares nothing; a valid one beside it still does", () => {
    const broken = "# -- Use experimental features\n!tag,useFast: true\n---\nexperimental:\n  x: true\n";
    assert.deepEqual(lintRule(ON, { path: "config/app.yaml", text: broken }).map(show), [
      "flags/experimental-default-on 5:3-5:4 experimental.x is experimental (by its name) but defaults to on (true); experimental features must be off by default",
    ]);
    assert.deepEqual(lintRule(NAME, { path: "config/app.yaml", text: broken }).map(show), []);
  });
  it("classifies YAML files by role", () => {
    assert.equal(yamlRole("charts/x/values.yaml"), "values");
    assert.equal(yamlRole("charts/x/templates/deployment.yaml"), "template");
    assert.equal(yamlRole("config/epp.yaml"), "config");
    assert.equal(yamlRole("charts/x/Chart.yaml"), "skip");
    assert.equal(yamlRole("charts/x/values-gke.yaml"), "skip");
  });
});

describe("flags YAML recogniser: Helm template env wiring", () => {
  const tpl = [
    "env:",
    "  - name: LMCACHE_USE_EXPERIMENTAL",
    "    value: {{ .Values.lmcache.useExperimental | quote }}",
    "  - name: EXPERIMENTAL_CHUNKED",
    "    value: {{ .Values.lmcache.chunked | quote }}",
    "  - name: LMCACHE_PLAIN",
    "    value: {{ .Values.lmcache.useExperimental | quote }}",
  ].join("\n");
  it("resolves the default through the chart's values.yaml", () => {
    assert.deepEqual(lintRule(ON, { path: "charts/llm-d/templates/deployment.yaml", text: tpl, files: { [path]: values } }).map(show), [
      "flags/experimental-default-on 2:3-2:35 env LMCACHE_USE_EXPERIMENTAL is experimental (by its name) but defaults to on (.Values.lmcache.useExperimental = true in charts/llm-d/values.yaml:3); experimental features must be off by default",
    ]);
  });
  it("valid: without a values.yaml the default is unknown, so nothing is claimed", () => {
    assert.deepEqual(lintRule(ON, { path: "charts/llm-d/templates/deployment.yaml", text: tpl }).map(show), []);
  });
});
