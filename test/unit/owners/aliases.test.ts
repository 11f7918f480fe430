import { strict as assert } from "node:assert";
import { findings, fixTitles, fixed } from "./support";

const F = "OWNERS_ALIASES";
const REJECTED = `verify-owners rejects the whole file ("The content of OWNERS_ALIASES is invalid.") and the alias table loses groups`;

describe("owners/aliases-invalid", () => {
  const ID = "owners/aliases-invalid";
  it("accepts aliases as lists, flow mappings, empty groups and an empty file", () => {
    assert.deepEqual(findings(ID, "aliases:\n  a-team:\n  - alice\n  b-team: [bob]\n  c-team: {carol, dave}\n  d-team:\n", F), []);
    assert.deepEqual(findings(ID, "# no aliases yet\n", F), []);
    assert.deepEqual(findings(ID, "aliases:\n", F), []);
  });

  it("reports groups outside `aliases:` (gateway-api-inference-extension@f5eeb1540e) and wraps them", () => {
    const text = "# groups\nteam-a:\n  - alice\nteam-b:\n  - bob\n";
    assert.deepEqual(findings(ID, text, F), [`error ${ID} 2:1-2:7 Prow reads alias groups only under \`aliases:\`; without it this file defines no aliases at all, so the 2 groups here (\`team-a\`…) are ignored`]);
    assert.deepEqual(fixTitles(ID, text, F), ["Put these groups under aliases: [safe] [preferred]"]);
    assert.equal(fixed(ID, text, undefined, F), "# groups\naliases:\n  team-a:\n    - alice\n  team-b:\n    - bob\n");
  });

  it("reports aliases written as a list (controller-runtime@4358f245b4) and unwraps it", () => {
    const text = "aliases:\n  - admins:\n    - directxman12\n  - maintainers:\n    - droot\n";
    assert.deepEqual(findings(ID, text, F), [`error ${ID} 1:1-1:8 \`aliases\` must be a mapping of alias names to lists, but here it is a list ("- name:"); verify-owners rejects the whole file ("The content of OWNERS_ALIASES is invalid."), and Prow uses no aliases`]);
    assert.equal(fixed(ID, text, undefined, F), "aliases:\n    admins:\n    - directxman12\n    maintainers:\n    - droot\n");
  });

  it("reports groups and members of the wrong type", () => {
    const text = "aliases:\n  a-team: alice\n  b-team: 12\n  c-team:\n  - 123\n  -\n  - {x: y}\n";
    assert.deepEqual(findings(ID, text, F), [
      `error ${ID} 2:3-2:9 the alias group \`a-team\` must be a list of members, but here it is a single text; ${REJECTED}`,
      `error ${ID} 3:3-3:9 the alias group \`b-team\` must be a list of members, but here it is a number; ${REJECTED}`,
      `error ${ID} 5:5-5:8 \`123\` is a number to YAML; alias members must be names, so ${REJECTED}`,
      `error ${ID} 6:4-6:4 this member is empty (null to YAML); alias members must be names, so ${REJECTED}`,
      `error ${ID} 7:5-7:11 this member is a mapping or list, not a name; alias members must be names, so ${REJECTED}`,
    ]);
    assert.equal(fixed(ID, "aliases:\n  a-team: alice\n", undefined, F), "aliases:\n  a-team: [alice]\n");
    assert.equal(fixed(ID, "aliases:\n  c-team:\n  - 123\n", undefined, F), 'aliases:\n  c-team:\n  - "123"\n');
  });
});

describe("owners/aliases-invalid: groups written as mappings", () => {
  const ID = "owners/aliases-invalid";
  it("accepts {a, b}, whose keys Prow takes as the members", () => {
    assert.deepEqual(findings(ID, "aliases:\n  t: {alice, bob}\n", F), []);
  });
  it("reports what Prow drops under the keys of a mapping", () => {
    assert.deepEqual(findings(ID, "aliases:\n  nested:\n    deeper:\n      - bob\n  f2: {a: 1}\n", F), [
      `error ${ID} 3:5-3:11 the alias group \`nested\` is written as a mapping, so Prow takes its keys as members: \`deeper\` becomes a member and what is under it is dropped; write the members as a list`,
      `error ${ID} 5:8-5:9 the alias group \`f2\` is written as a mapping, so Prow takes its keys as members: \`a\` becomes a member and what is under it is dropped; write the members as a list`,
    ]);
  });
});

describe("owners/empty-alias", () => {
  const ID = "owners/empty-alias";
  it("accepts groups with members", () => {
    assert.deepEqual(findings(ID, "aliases:\n  a-team: [x]\n", F), []);
  });
  it("reports null, [] and {} groups (kustomize OWNERS_ALIASES)", () => {
    const text = "aliases:\n  a-team:\n  b-team: []\n  c-team: {}\n  d-team:\n  - x\n";
    const msg = (n: string) => `the alias \`${n}\` has no members, so every OWNERS file that names it gets nobody from it; verify-owners comments "There are empty aliases in OWNER_ALIASES, cleanup is advised."`;
    assert.deepEqual(findings(ID, text, F), [`warning ${ID} 2:3-2:9 ${msg("a-team")}`, `warning ${ID} 3:3-3:9 ${msg("b-team")}`, `warning ${ID} 4:3-4:9 ${msg("c-team")}`]);
    assert.deepEqual(fixTitles(ID, text, F), ["Remove the empty alias a-team [preferred]"]);
    assert.equal(fixed(ID, text, undefined, F), "aliases:\n  b-team: []\n  c-team: {}\n  d-team:\n  - x\n");
  });
});

describe("owners/aliases-misplaced", () => {
  const ID = "owners/aliases-misplaced";
  it("accepts the root OWNERS_ALIASES", () => {
    assert.deepEqual(findings(ID, "aliases:\n  a: [x]\n", F), []);
  });
  it("hints that Prow never reads an OWNERS_ALIASES below the root, and offers to move it there", () => {
    assert.deepEqual(findings(ID, "aliases:\n  a-team: [x]\n", "docs/OWNERS_ALIASES"), [`hint ${ID} 1:1-1:8 Prow reads only the OWNERS_ALIASES at the repository root, so the aliases here are never used`]);
    assert.deepEqual(fixTitles(ID, "aliases:\n  a-team: [x]\n", "docs/OWNERS_ALIASES"), ["Move it to the repository root [preferred]"]);
    assert.deepEqual(findings(ID, "aliases:\n  a-team: [x]\n", "docs/OWNERS_ALIASES", { OWNERS_ALIASES: "aliases: {}\n" }), [`hint ${ID} 1:1-1:8 Prow reads only the OWNERS_ALIASES at the repository root, so the aliases here are never used; define them in the root OWNERS_ALIASES`]);
  });
  it("keeps every other finding in a misplaced file at hint", () => {
    assert.deepEqual(findings("owners/aliases-invalid", "aliases:\n  a-team: 12\n", "docs/OWNERS_ALIASES").map((s) => s.split(" ")[0]), ["hint"]);
  });
});

describe("owners/nested-alias", () => {
  const ID = "owners/nested-alias";
  it("accepts aliases whose members are people", () => {
    assert.deepEqual(findings(ID, "aliases:\n  a-team: [alice]\n  b-team: [alice, bob]\n", F), []);
  });
  it("reports an alias inside an alias and expands it", () => {
    const text = "aliases:\n  a-team:\n  - alice\n  - B-Team\n  b-team:\n  - bob\n  - carol\n";
    assert.deepEqual(findings(ID, text, F), [`warning ${ID} 4:5-4:11 \`B-Team\` is itself an alias, but Prow expands aliases only one level, so inside \`a-team\` it stays the literal name \`B-Team\`, which matches nobody`]);
    assert.equal(fixed(ID, text, undefined, F), "aliases:\n  a-team:\n  - alice\n  - bob\n  - carol\n  b-team:\n  - bob\n  - carol\n");
  });
  it("reports an alias that names itself", () => {
    const text = "aliases:\n  d-team: [d-team, x]\n";
    assert.deepEqual(findings(ID, text, F), [`warning ${ID} 2:12-2:18 \`d-team\` is the alias itself; Prow does not expand it here, so it stays the literal name \`d-team\`, which matches nobody`]);
    assert.equal(fixed(ID, text, undefined, F), "aliases:\n  d-team: [x]\n");
  });
});
