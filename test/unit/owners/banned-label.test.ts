import { strict as assert } from "node:assert";
import { findings } from "./support";

const ID = "owners/banned-label";
const DENY = { owners: { labelsDenylist: ["lgtm", "approved"] } };
const msg = (label: string) => `the label "${label}" is in the labels denylist (owners.labelsDenylist: lgtm, approved), so verify-owners rejects this file ("File contains banned labels: [${label}].")`;

describe("owners/banned-label", () => {
  it("says nothing without a denylist, or when no label is on it", () => {
    assert.deepEqual(findings(ID, "approvers: [alice]\nlabels: [lgtm]\n"), [], "no owners.labelsDenylist: the Prow configuration is not known");
    assert.deepEqual(findings(ID, "approvers: [alice]\nlabels:\n  - area/router\n  - LGTM\n", "OWNERS", undefined, DENY), [], "Prow compares labels exactly");
  });

  it("reports a banned top-level label where it is written", () => {
    assert.deepEqual(findings(ID, "approvers: [alice]\nlabels:\n  - area/router\n  - lgtm\n", "pkg/OWNERS", undefined, DENY), [`error ${ID} 4:5-4:9 ${msg("lgtm")}`]);
  });

  it("reports banned labels of filters, which are the ones Prow reads when the file uses filters", () => {
    const text = "filters:\n  '.*':\n    approvers: [alice]\n    labels: [approved]\n  '\\.go$':\n    labels: [lgtm]\n";
    assert.deepEqual(findings(ID, text, "pkg/OWNERS", undefined, DENY), [`error ${ID} 4:14-4:22 ${msg("approved")}`, `error ${ID} 6:14-6:18 ${msg("lgtm")}`]);
  });

  it("says nothing for a file Prow cannot read at all (owners/yaml-syntax does)", () => {
    assert.deepEqual(findings(ID, "labels:\n\t- lgtm\n", "pkg/OWNERS", undefined, DENY), []);
  });
});
