/**
 * Realistic file contents for the benchmark workloads: Go, Python and YAML sources with some
 * flag declarations (a few of them breaking the experimental-flag rules), OWNERS and
 * OWNERS_ALIASES files in Prow's format (a few with mistakes), and proposals that follow
 * PROPOSAL_TEMPLATE.md with the deviations real llm-d proposals show (renamed, numbered,
 * missing sections; code fences holding `#` lines; HTML comments).
 * Everything is drawn from a seeded Rng, so the same seed gives the same bytes.
 */
import type { Rng } from "./rng";

const WORDS = (
  "request scheduler endpoint picker cache prefix token model server pod node cluster gateway route " +
  "latency throughput replica controller reconcile queue batch priority fairness policy plugin score " +
  "filter profile metric label selector namespace deployment service config option value default " +
  "handler client watcher informer lister event status condition resource limit quota backend frontend " +
  "decode prefill kv block transfer connector sidecar proxy router instance worker leader election " +
  "lease timeout retry backoff window sample histogram counter gauge tracing span context cancel " +
  "deadline budget capacity saturation autoscaler variant accelerator gpu memory pressure eviction " +
  "admission webhook validation defaulting conversion version schema field storage snapshot volume"
).split(" ");
const VERBS = "get set list watch update create delete apply build parse load store compute resolve validate merge sync enqueue drain flush score pick filter".split(" ");
const PROSE = (
  "the a this that each every when while because so that which allows lets us users operators to " +
  "we should must can may will is are be not only also then than more less with without for of in on " +
  "by from into over under across between within per as if unless until after before"
).split(" ");
const FIRST = "alice bob carol dave erin frank grace heidi ivan judy mallory niaj olivia peggy rupert sybil trent victor walter xena yusuf zoe".split(" ");
const LAST = "smith chen kumar garcia novak ito silva costa berg dubois rossi kim nguyen meyer lopez khan wong okafor".split(" ");
export const SIGS = "api-machinery apps architecture auth autoscaling cli cloud-provider cluster-lifecycle docs instrumentation multicluster network node release scalability scheduling security storage testing windows".split(" ");

const cap = (w: string) => w[0].toUpperCase() + w.slice(1);

export function words(rng: Rng, n: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < n; i++) out.push(rng.chance(0.35) ? rng.pick(PROSE) : rng.pick(WORDS));
  return out;
}
export function sentence(rng: Rng, min = 6, max = 16): string {
  const w = words(rng, rng.int(min, max));
  return cap(w.join(" ")) + ".";
}
/** Prose wrapped at ~80 columns, as proposal authors are asked to do. */
export function paragraph(rng: Rng, sentences = rng.int(2, 6)): string[] {
  const text = Array.from({ length: sentences }, () => sentence(rng)).join(" ");
  const lines: string[] = [];
  let line = "";
  for (const w of text.split(" ")) {
    if (line.length + w.length + 1 > 80) { lines.push(line); line = w; } else line = line ? line + " " + w : w;
  }
  if (line) lines.push(line);
  return lines;
}
export function camel(rng: Rng, parts = rng.int(2, 3), upper = true): string {
  const w = Array.from({ length: parts }, () => rng.pick(WORDS));
  const s = w.map(cap).join("");
  return upper ? s : s[0].toLowerCase() + s.slice(1);
}
export function kebab(rng: Rng, parts = rng.int(2, 3)): string {
  return Array.from({ length: parts }, () => rng.pick(WORDS)).join("-");
}
export function login(rng: Rng): string {
  const f = rng.pick(FIRST), l = rng.pick(LAST);
  return rng.pick([`${f}${l}`, `${f}-${l}`, `${f[0]}${l}`, `${f}${rng.int(1, 99)}`, `${l}-${f}`]);
}

// ---------------------------------------------------------------------------------------- Go

const GO_IMPORTS = ['"context"', '"errors"', '"fmt"', '"net/http"', '"sort"', '"strings"', '"sync"', '"time"',
  'metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"', '"k8s.io/apimachinery/pkg/util/wait"', '"k8s.io/klog/v2"',
  '"github.com/spf13/pflag"', 'corev1 "k8s.io/api/core/v1"', '"sigs.k8s.io/controller-runtime/pkg/client"'];
const GO_TYPES = ["string", "int", "int64", "bool", "time.Duration", "float64", "[]string", "map[string]string", "*corev1.Pod", "metav1.ObjectMeta"];

export const LICENSE_GO = [
  "/*", "Copyright 2025 The llm-d Authors.", "",
  'Licensed under the Apache License, Version 2.0 (the "License");',
  "you may not use this file except in compliance with the License.",
  "You may obtain a copy of the License at", "", "    http://www.apache.org/licenses/LICENSE-2.0", "",
  "Unless required by applicable law or agreed to in writing, software",
  'distributed under the License is distributed on an "AS IS" BASIS,',
  "WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.",
  "See the License for the specific language governing permissions and",
  "limitations under the License.", "*/", "",
];

function goComment(rng: Rng, indent = ""): string[] {
  return paragraph(rng, rng.int(1, 2)).map((l) => `${indent}// ${l}`);
}

function goStruct(rng: Rng, name: string): string[] {
  const out = [...goComment(rng), `type ${name} struct {`];
  for (let i = rng.int(3, 10); i > 0; i--) {
    if (rng.chance(0.4)) out.push(...goComment(rng, "\t"));
    const field = camel(rng);
    out.push(`\t${field} ${rng.pick(GO_TYPES)} \`json:"${field[0].toLowerCase() + field.slice(1)},omitempty"\``);
  }
  out.push("}", "");
  return out;
}

function goFunc(rng: Rng, receiver?: string): string[] {
  const name = cap(rng.pick(VERBS)) + camel(rng, rng.int(1, 2));
  const sig = receiver ? `func (r *${receiver}) ${name}(ctx context.Context, key string) (int, error) {` : `func ${name}(ctx context.Context, items []string) error {`;
  const out = [...goComment(rng), sig];
  for (let i = rng.int(2, 7); i > 0; i--) {
    const v = camel(rng, 2, false);
    switch (rng.int(0, 4)) {
      case 0: out.push(`\t${v}, err := ${rng.pick(VERBS)}${camel(rng, 1)}(ctx, "${kebab(rng)}")`, "\tif err != nil {", `\t\treturn ${receiver ? "0, " : ""}fmt.Errorf("failed to ${rng.pick(VERBS)} ${rng.pick(WORDS)}: %w", err)`, "\t}", `\t_ = ${v}`); break;
      case 1: out.push(`\tfor i, item := range ${receiver ? "r.items" : "items"} {`, `\t\tif strings.HasPrefix(item, "${rng.pick(WORDS)}") {`, `\t\t\tklog.V(4).InfoS("${sentence(rng, 3, 6)}", "index", i, "item", item)`, "\t\t\tcontinue", "\t\t}", "\t}"); break;
      case 2: out.push(...goComment(rng, "\t"), `\t${v} := time.Duration(${rng.int(1, 900)}) * time.${rng.pick(["Millisecond", "Second", "Minute"])}`, `\t_ = ${v}`); break;
      case 3: out.push(`\tselect {`, `\tcase <-ctx.Done():`, `\t\treturn ${receiver ? "0, " : ""}ctx.Err()`, `\tdefault:`, `\t}`); break;
      default: out.push(`\tif len(${receiver ? "key" : "items"}) == 0 {`, `\t\treturn ${receiver ? "0, " : ""}errors.New("${rng.pick(WORDS)} must not be empty")`, "\t}");
    }
  }
  out.push(`\treturn ${receiver ? `${rng.int(0, 9)}, ` : ""}nil`, "}", "");
  return out;
}

export interface FlagStats { declared: number; experimental: number; experimentalDefaultOn: number; helpSaysExperimental: number }

/**
 * A pflag options block: struct, NewOptions() with defaults, AddFlags() with `count` flags.
 * About 8% are named experimental-* (one in ten of those defaults to true: a real violation),
 * about 3% say "Experimental" only in their help (the other violation).
 */
function goFlags(rng: Rng, count: number, stats: FlagStats): string[] {
  const fields: { field: string; flag: string; kind: string; def: string; help: string }[] = [];
  const seen = new Set<string>();
  while (fields.length < count) {
    let flag = kebab(rng);
    const kind = rng.pick(["Bool", "Bool", "String", "Int", "Duration", "Float64"]);
    let help = sentence(rng, 5, 12);
    let def = kind === "Bool" ? (rng.chance(0.2) ? "true" : "false") : kind === "String" ? `"${rng.pick(WORDS)}"` : kind === "Int" ? String(rng.int(0, 512)) : kind === "Duration" ? `${rng.int(1, 60)} * time.Second` : `${rng.int(1, 99) / 100}`;
    if (rng.chance(0.08)) {
      flag = `experimental-${flag}`; stats.experimental++;
      if (kind === "Bool") { def = rng.chance(0.1) ? "true" : "false"; if (def === "true") stats.experimentalDefaultOn++; }
    } else if (rng.chance(0.03)) {
      help = `Experimental: ${help}`; stats.helpSaysExperimental++;
    }
    if (seen.has(flag)) continue;
    seen.add(flag);
    const field = flag.split("-").map(cap).join("");
    fields.push({ field, flag, kind, def, help });
  }
  stats.declared += count;
  const goType = (k: string) => (k === "Duration" ? "time.Duration" : k.toLowerCase() === "float64" ? "float64" : k.toLowerCase());
  const out = ["// Options holds the command-line options of the component.", "type Options struct {"];
  for (const f of fields) out.push(`\t// ${f.field} ${f.help[0].toLowerCase()}${f.help.slice(1)}`, `\t${f.field} ${goType(f.kind)}`);
  out.push("}", "", "// NewOptions returns Options with their defaults.", "func NewOptions() *Options {", "\treturn &Options{");
  for (const f of fields) if (!(f.kind === "Bool" && f.def === "false")) out.push(`\t\t${f.field}: ${f.def},`);
  out.push("\t}", "}", "", "// AddFlags binds the options to a flag set.", "func (o *Options) AddFlags(fs *pflag.FlagSet) {");
  for (const f of fields) {
    if (rng.chance(0.15)) out.push(`\tfs.${f.kind}Var(&o.${f.field}, "${f.flag}", o.${f.field},`, `\t\t"${f.help}")`);
    else out.push(`\tfs.${f.kind}Var(&o.${f.field}, "${f.flag}", o.${f.field}, "${f.help}")`);
  }
  out.push("}", "");
  return out;
}

export function goFile(rng: Rng, opts: { pkg: string; bytes?: number; lines?: number; flags?: number; stats: FlagStats }): string {
  const out: string[] = [...LICENSE_GO, `package ${opts.pkg}`, "", "import ("];
  const imports = new Set<string>();
  for (let i = rng.int(3, 8); i > 0; i--) imports.add(rng.pick(GO_IMPORTS));
  if (opts.flags) { imports.add('"time"'); imports.add('"github.com/spf13/pflag"'); }
  for (const i of [...imports].sort()) out.push(`\t${i}`);
  out.push(")", "");
  if (opts.flags) out.push(...goFlags(rng, opts.flags, opts.stats));
  let size = out.reduce((n, l) => n + l.length + 1, 0);
  const receiver = camel(rng);
  let types = 0;
  const more = () => (opts.lines !== undefined ? out.length < opts.lines : size < (opts.bytes ?? 4000));
  while (more()) {
    const before = out.length;
    const r = rng.next();
    if (r < 0.15 || types === 0) { out.push(...goStruct(rng, types === 0 ? receiver : camel(rng))); types++; }
    else if (r < 0.55) out.push(...goFunc(rng, receiver));
    else if (r < 0.85) out.push(...goFunc(rng));
    else {
      out.push("const (");
      for (let i = rng.int(2, 6); i > 0; i--) out.push(`\t${camel(rng, 2, rng.chance(0.5))} = "${kebab(rng)}"`);
      out.push(")", "");
    }
    for (let i = before; i < out.length; i++) size += out[i].length + 1;
  }
  if (opts.lines !== undefined) out.length = opts.lines;
  return out.join("\n") + "\n";
}

// ------------------------------------------------------------------------------------ Python

export function pyFile(rng: Rng, opts: { bytes: number; flags?: number; stats: FlagStats }): string {
  const out = ["# SPDX-License-Identifier: Apache-2.0", '"""' + sentence(rng) + '"""', "", "from __future__ import annotations", "",
    "import argparse", "import logging", "from dataclasses import dataclass, field", "from typing import Optional", "",
    "logger = logging.getLogger(__name__)", ""];
  if (opts.flags) {
    out.push("", "def make_parser() -> argparse.ArgumentParser:", `    parser = argparse.ArgumentParser(description="${sentence(rng, 3, 6)}")`);
    for (let i = 0; i < opts.flags; i++) {
      let name = kebab(rng);
      let help = sentence(rng, 4, 10);
      if (rng.chance(0.08)) { name = `experimental-${name}`; opts.stats.experimental++; }
      else if (rng.chance(0.03)) { help = `Experimental: ${help}`; opts.stats.helpSaysExperimental++; }
      if (rng.chance(0.4)) out.push(`    parser.add_argument("--${name}", action="store_true", help="${help}")`);
      else out.push(`    parser.add_argument(`, `        "--${name}",`, `        type=${rng.pick(["int", "str", "float"])},`, `        default=${rng.pick(["None", "0", "1", '"auto"'])},`, `        help="${help}",`, "    )");
      opts.stats.declared++;
    }
    out.push("    return parser", "");
  }
  let size = out.reduce((n, l) => n + l.length + 1, 0);
  while (size < opts.bytes) {
    const before = out.length;
    if (rng.chance(0.3)) {
      const cls = camel(rng);
      out.push("", "@dataclass", `class ${cls}Config:`, `    """${sentence(rng)}"""`, "");
      for (let i = rng.int(3, 8); i > 0; i--) {
        const f = kebab(rng).replace(/-/g, "_");
        out.push(`    ${f}: ${rng.pick(["int", "bool", "str", "Optional[float]"])} = ${rng.pick(["0", "False", "True", "None", '"auto"'])}`, `    """${sentence(rng, 4, 10)}"""`, "");
      }
    } else {
      const fn = `${rng.pick(VERBS)}_${kebab(rng, 2).replace(/-/g, "_")}`;
      out.push("", `def ${fn}(items: list[str], limit: int = ${rng.int(1, 64)}) -> dict[str, int]:`, `    """${sentence(rng)}"""`, "    result: dict[str, int] = {}");
      for (let i = rng.int(2, 6); i > 0; i--) {
        out.push(`    for index, item in enumerate(items):`, `        if item.startswith("${rng.pick(WORDS)}"):`, `            logger.debug("${sentence(rng, 3, 6)} %s", item)`, "            continue", `        result[item] = index * ${rng.int(1, 9)}`);
      }
      out.push("    return result", "");
    }
    for (let i = before; i < out.length; i++) size += out[i].length + 1;
  }
  return out.join("\n") + "\n";
}

// -------------------------------------------------------------------------------------- YAML

export function yamlFile(rng: Rng, opts: { bytes: number; stats: FlagStats }): string {
  const out: string[] = [];
  let size = 0;
  const helm = rng.chance(0.35);
  if (helm) {
    out.push(`# Default values for ${kebab(rng)}.`, "# This is a YAML-formatted file.", "");
    if (rng.chance(0.1)) { out.push("# -- Route traffic through the experimental HTTPRoute support.", "experimentalHttpRoute:", "  enabled: false", ""); opts.stats.experimental++; opts.stats.declared++; }
  }
  while (size < opts.bytes) {
    const before = out.length;
    if (helm) {
      const key = camel(rng, 2, false);
      out.push(`# -- ${sentence(rng, 4, 10)}`, `${key}:`);
      for (let i = rng.int(2, 8); i > 0; i--) {
        if (rng.chance(0.3)) out.push(`  # -- ${sentence(rng, 3, 8)}`);
        out.push(`  ${camel(rng, 2, false)}: ${rng.pick(["true", "false", '""', String(rng.int(1, 8080)), `"${rng.pick(WORDS)}"`, "[]", "{}"])}`);
      }
      out.push("");
    } else {
      if (out.length) out.push("---");
      const name = kebab(rng);
      out.push("apiVersion: apps/v1", "kind: Deployment", "metadata:", `  name: ${name}`, `  namespace: ${rng.pick(WORDS)}-system`, "  labels:", `    app.kubernetes.io/name: ${name}`,
        "spec:", `  replicas: ${rng.int(1, 5)}`, "  selector:", "    matchLabels:", `      app: ${name}`, "  template:", "    metadata:", "      labels:", `        app: ${name}`,
        "    spec:", "      containers:", `        - name: ${rng.pick(WORDS)}`, `          image: ghcr.io/llm-d/${name}:v0.${rng.int(1, 9)}.${rng.int(0, 20)}`, "          args:");
      for (let i = rng.int(2, 6); i > 0; i--) out.push(`            - --${kebab(rng)}=${rng.pick(["true", "false", String(rng.int(1, 100))])}`);
      out.push("          env:");
      for (let i = rng.int(1, 4); i > 0; i--) out.push(`            - name: ${kebab(rng).toUpperCase().replace(/-/g, "_")}`, `              value: "${rng.pick(["true", "false", "info", String(rng.int(1, 100))])}"`);
      out.push("          resources:", "            limits:", `              cpu: "${rng.int(1, 8)}"`, `              memory: ${rng.int(1, 64)}Gi`);
      if (rng.chance(0.05)) out.push("featureGates:", "  - flowControl", `  - ${camel(rng, 2, false)}`);
    }
    for (let i = before; i < out.length; i++) size += out[i].length + 1;
  }
  return out.join("\n") + "\n";
}

// ------------------------------------------------------------------------------------ OWNERS

export interface OwnersStats { files: number; withMistake: number }

/** OWNERS_ALIASES at the root: sig-<x>-{leads,approvers,reviewers} groups. */
export function ownersAliasesFile(rng: Rng, aliasNames: readonly string[]): string {
  const out = ["# See the OWNERS docs at https://go.k8s.io/owners#owners_aliases", "", "aliases:"];
  for (const a of aliasNames) {
    out.push(`  ${a}:`);
    for (let i = rng.int(2, 8); i > 0; i--) out.push(`    - ${login(rng)}`);
  }
  return out.join("\n") + "\n";
}

/**
 * A typical OWNERS file (about `lines` long; 40 is typical of Kubernetes): approvers and
 * reviewers always, labels in 40% and emeritus_approvers in 20% of files, options in 15%, each
 * key once and each list without repeats. One file in twenty has a real-world mistake: a
 * misspelt key, an undefined alias, a duplicate entry or an option at top level.
 */
export function ownersFile(rng: Rng, aliasNames: readonly string[], lines: number, stats: OwnersStats): string {
  const out = ["# See the OWNERS docs at https://go.k8s.io/owners", ""];
  const mistake = rng.chance(0.05) ? rng.int(0, 3) : -1;
  stats.files++;
  if (mistake >= 0) stats.withMistake++;
  if (rng.chance(0.15)) out.push("options:", "  no_parent_owners: true", "");
  const keys = ["approvers", "reviewers"];
  if (rng.chance(0.4)) keys.push("labels");
  if (rng.chance(0.2)) keys.push("emeritus_approvers");
  // Share the remaining lines among the lists (two lines per key for the key and the blank after it).
  const room = Math.max(keys.length, lines - out.length - keys.length * 2 - (mistake === 3 ? 1 : 0));
  const sizes = keys.map((k) => (k === "labels" ? Math.min(4, Math.max(1, Math.floor(room / 8))) : 0));
  let left = room - sizes.reduce((a, b) => a + b, 0);
  const people = keys.filter((k) => k !== "labels");
  people.forEach((k, i) => { const n = i === people.length - 1 ? left : Math.max(1, Math.round(left * (k === "reviewers" ? 0.5 : k === "approvers" ? 0.4 : 0.3))); sizes[keys.indexOf(k)] = n; left -= n; });
  const used = new Set<string>();
  const person = () => {
    for (;;) { const p = rng.chance(0.3) ? rng.pick(aliasNames) : login(rng); if (!used.has(p)) { used.add(p); return p; } }
  };
  keys.forEach((key, k) => {
    out.push(`${key === "reviewers" && mistake === 0 ? "reviwers" : key}:`);
    const entries: string[] = [];
    for (let i = 0; i < Math.max(1, sizes[k]); i++) {
      if (key === "labels") { let l; do l = `${rng.pick(["sig", "area", "wg"])}/${rng.pick(SIGS)}`; while (entries.includes(l)); entries.push(l); }
      else if (mistake === 1 && key === "approvers" && i === 0) entries.push("sig-undefined-alias-leads");
      else if (mistake === 2 && key === "reviewers" && i === 1) entries.push(entries[0]);
      else entries.push(person());
    }
    for (const e of entries) out.push(`  - ${e}`);
    out.push("");
  });
  if (mistake === 3) out.push("no_parent_owners: true");
  while (out[out.length - 1] === "") out.pop();
  return out.join("\n") + "\n";
}

// --------------------------------------------------------------------------------- Proposals

const TEMPLATE: readonly [number, string][] = [
  [2, "Summary"], [2, "Motivation"], [3, "Goals"], [3, "Non-Goals"], [2, "Proposal"], [3, "User Stories (Optional)"],
  [2, "Design Details"], [2, "Alternatives"],
];
const RENAMES: Record<string, string[]> = {
  Summary: ["TL;DR", "1. Summary"], Motivation: ["Background", "Problem Statement"], Goals: ["Goal", "Core Goals & Scope"],
  "Non-Goals": ["Non-goals", "Non-Goals (for this proposal)"], Proposal: ["Proposed Solution"], "Design Details": ["Design", "Design details"],
  Alternatives: ["Alternatives Considered"], "User Stories (Optional)": ["User Stories", "User stories"],
};
const EXTRA = ["Implementation Plan", "Test Plan", "Risks and Mitigations", "Open Questions", "Security Considerations", "Future Work", "References"];

function body(rng: Rng, budget: number): string[] {
  const out: string[] = [];
  while (out.length < budget) {
    const r = rng.next();
    if (r < 0.55) out.push(...paragraph(rng), "");
    else if (r < 0.7) { for (let i = rng.int(2, 6); i > 0; i--) out.push(`- ${sentence(rng, 4, 12)}`); out.push(""); }
    else if (r < 0.8) {
      out.push("```yaml", `# ${sentence(rng, 3, 6)}`, `apiVersion: llm-d.ai/v1alpha1`, `kind: ${camel(rng)}`, "spec:");
      for (let i = rng.int(2, 8); i > 0; i--) out.push(`  ${camel(rng, 2, false)}: ${rng.int(1, 100)}`);
      out.push("```", "");
    } else if (r < 0.88) {
      out.push("```go", `// ${sentence(rng, 3, 8)}`, `func ${camel(rng)}(ctx context.Context) error {`, "\t# not a heading", "\treturn nil", "}", "```", "");
    } else if (r < 0.95) {
      out.push("| Field | Type | Description |", "|---|---|---|");
      for (let i = rng.int(2, 6); i > 0; i--) out.push(`| \`${camel(rng, 2, false)}\` | ${rng.pick(["string", "int", "bool", "duration"])} | ${sentence(rng, 4, 9)} |`);
      out.push("");
    } else out.push("<!--", ...paragraph(rng, 2), "# inside a comment, not a heading", "-->", "");
  }
  return out;
}

export interface ProposalShape { renamed: number; missing: number; extra: number }

/**
 * A proposal of about `lines` lines. `variant` 0 is strictly conformant; higher variants rename,
 * number, re-level or drop sections and add extra ones, as real proposals do.
 */
export function proposalFile(rng: Rng, lines: number, variant: number): string {
  const out = [`# Proposal: ${cap(kebab(rng).replace(/-/g, " "))}`, "", `**Authors**: @${login(rng)}, @${login(rng)}`, "", `**Status**: ${rng.pick(["Draft", "Accepted", "Implementable"])}`, ""];
  const sections: [number, string][] = [];
  for (const [level, title] of TEMPLATE) {
    if (variant > 0 && title !== "Summary" && rng.chance(variant >= 2 ? 0.2 : 0.05)) continue;
    let t = title;
    if (variant > 0 && rng.chance(0.2)) t = rng.pick(RENAMES[title]);
    sections.push([variant >= 3 && level === 3 ? 2 : level, t]);
    if (title === "Proposal" && variant > 0) for (let i = rng.int(0, 3); i > 0; i--) sections.push([3, `${camel(rng, 2)} ${rng.pick(["API", "Controller", "Flow", "Plugin"])}`]);
    if (title === "Design Details") for (let i = rng.int(1, 4); i > 0; i--) sections.push([3, `${cap(kebab(rng).replace(/-/g, " "))}`]);
  }
  if (variant > 0) for (let i = rng.int(0, 3); i > 0; i--) sections.push([2, rng.pick(EXTRA)]);
  const per = Math.max(3, Math.floor((lines - out.length) / sections.length) - 2);
  for (const [level, title] of sections) out.push(`${"#".repeat(level)} ${title}`, "", ...body(rng, per));
  while (out.length < lines) out.push(...paragraph(rng), "");
  out.length = Math.min(out.length, lines);
  return out.join("\n") + "\n";
}

/** The headings of PROPOSAL_TEMPLATE.md, as markdownlint's MD043 `headings` option wants them. */
export const MD043_HEADINGS = ["*", "## Summary", "*", "## Motivation", "*", "### Goals", "*", "### Non-Goals", "*", "## Proposal", "*", "## Design Details", "*", "## Alternatives", "*"];

// --------------------------------------------------------------------------------- Other files

export function miscFile(rng: Rng, ext: string): string {
  switch (ext) {
    case "sh": return ["#!/usr/bin/env bash", "set -o errexit", "set -o nounset", "", ...Array.from({ length: rng.int(10, 80) }, () => `echo "${sentence(rng, 3, 8)}"`)].join("\n") + "\n";
    case "json": return JSON.stringify(Object.fromEntries(Array.from({ length: rng.int(5, 40) }, () => [camel(rng, 2, false), rng.pick([true, false, rng.int(0, 100), rng.pick(WORDS)])])), null, 2) + "\n";
    default: return [`# ${cap(kebab(rng).replace(/-/g, " "))}`, "", ...body(rng, rng.int(20, 120))].join("\n") + "\n";
  }
}
