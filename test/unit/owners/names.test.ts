import { strict as assert } from "node:assert";
import { findings, fixTitles, fixed } from "./support";

const ALIASES = "aliases:\n  sig-foo-leads:\n    - alice\n    - bob\n  llm-d-approvers:\n    - carol\n";
const repo = { OWNERS_ALIASES: ALIASES };

describe("owners/invalid-login", () => {
  const ID = "owners/invalid-login";
  it("accepts logins, mixed case, legacy hyphens, aliases and teams in required_reviewers", () => {
    assert.deepEqual(findings(ID, "approvers:\n- Alice\n- bob-\n- k8s-ci-robot\n- sig-foo-leads\n- \"@carol\"\nrequired_reviewers:\n- kubernetes/dep-approvers\n", "OWNERS", repo), []);
    assert.deepEqual(findings(ID, "aliases:\n  team:\n  - alice\n  - Bob\n", "OWNERS_ALIASES"), []);
  });

  it("reports names that cannot be GitHub logins", () => {
    const text = "approvers:\n- a@b.com\n- 'x.y'\n- aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\n- kubernetes/dep-approvers\n";
    assert.deepEqual(findings(ID, text, "a/OWNERS", repo), [
      `error ${ID} 2:3-2:10 \`a@b.com\` is an email address; OWNERS lists GitHub logins (in approvers)`,
      `error ${ID} 3:3-3:8 \`x.y\` is not a possible GitHub login (a login has only letters, digits and hyphens) (in approvers)`,
      `error ${ID} 4:3-4:51 \`aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\` is longer than 39 characters, so it cannot be a GitHub login (in approvers)`,
      `error ${ID} 5:3-5:27 \`kubernetes/dep-approvers\` is a team; Prow requests a team's review only from required_reviewers, so anywhere else it matches nobody (in approvers)`,
    ]);
  });

  it("splits two names in one item", () => {
    const text = "approvers:\n- alice bob\n";
    assert.deepEqual(findings(ID, text, "a/OWNERS"), [`error ${ID} 2:3-2:12 \`alice bob\` holds 2 names; each list item is one GitHub login (in approvers)`]);
    assert.equal(fixed(ID, text, undefined, "a/OWNERS"), "approvers:\n- alice\n- bob\n");
    assert.equal(fixed(ID, "approvers: [alice bob]\n", undefined, "a/OWNERS"), "approvers: [alice, bob]\n");
  });

  it("strips a stray leading dash and removes empty names", () => {
    assert.deepEqual(fixTitles(ID, "approvers:\n- -carol\n", "a/OWNERS"), ["Write carol [safe] [preferred]"]);
    assert.equal(fixed(ID, "approvers:\n- -carol\n", undefined, "a/OWNERS"), "approvers:\n- carol\n");
    assert.equal(fixed(ID, 'approvers:\n- alice\n- ""\n', undefined, "a/OWNERS"), "approvers:\n- alice\n");
  });

  it("checks alias members too", () => {
    assert.deepEqual(findings(ID, "aliases:\n  team:\n  - a@b.com\n", "OWNERS_ALIASES"), [`error ${ID} 3:5-3:12 \`a@b.com\` is an email address; OWNERS lists GitHub logins (in the alias team)`]);
  });
});

describe("owners/unknown-alias", () => {
  const ID = "owners/unknown-alias";
  it("accepts defined aliases (in any case) and ordinary logins", () => {
    assert.deepEqual(findings(ID, "approvers:\n- sig-foo-leads\n- SIG-FOO-LEADS\n- llm-d-approvers\n- alice\n- k8s-ci-robot\n", "OWNERS", repo), []);
  });

  it("suggests the alias a typo meant", () => {
    const text = "approvers:\n- sig-foo-lead\n";
    assert.deepEqual(findings(ID, text, "a/OWNERS", repo), [`warning ${ID} 2:3-2:15 \`sig-foo-lead\` is not an alias: the root OWNERS_ALIASES does not define it; did you mean \`sig-foo-leads\`? As written, Prow treats it as a GitHub login, which matches nobody (and is dropped as a non-collaborator)`]);
    assert.deepEqual(fixTitles(ID, text, "a/OWNERS", repo), ["Use the alias sig-foo-leads [safe] [preferred]"]);
    assert.equal(fixed(ID, text, undefined, "a/OWNERS", repo), "approvers:\n- sig-foo-leads\n");
  });

  it("reports alias-shaped names nobody defines (community archive/wg-serving/OWNERS)", () => {
    assert.deepEqual(findings(ID, "approvers:\n- wg-serving-leads\n", "archive/wg-serving/OWNERS", repo), [`warning ${ID} 2:3-2:19 \`wg-serving-leads\` looks like an alias, but the root OWNERS_ALIASES does not define it; Prow treats it as a GitHub login, which matches nobody (and is dropped as a non-collaborator)`]);
    assert.deepEqual(findings(ID, "approvers:\n- wg-serving-leads\n", "a/OWNERS"), [`warning ${ID} 2:3-2:19 \`wg-serving-leads\` looks like an alias, but there is no OWNERS_ALIASES at the repository root to define it; Prow treats it as a GitHub login, which matches nobody (and is dropped as a non-collaborator)`]);
  });

  it("reads only the root OWNERS_ALIASES", () => {
    assert.equal(findings(ID, "approvers:\n- sig-foo-leads\n", "pkg/OWNERS", { "pkg/OWNERS_ALIASES": ALIASES }).length, 1);
  });
});

describe("owners/duplicate-entry", () => {
  const ID = "owners/duplicate-entry";
  it("accepts the same person in different lists", () => {
    assert.deepEqual(findings(ID, "approvers: [alice]\nreviewers: [alice]\n"), []);
  });

  it("reports a name listed twice, ignoring case and @ (kubernetes/release@823e73a55b)", () => {
    const text = "approvers:\n- tpepper\n- bob\n- TPepper\n";
    assert.deepEqual(findings(ID, text, "a/OWNERS"), [`warning ${ID} 4:3-4:10 \`TPepper\` is already listed in approvers (line 2) (Prow ignores case and a leading @); Prow counts it once, so this entry does nothing`]);
    assert.equal(fixed(ID, text, undefined, "a/OWNERS"), "approvers:\n- tpepper\n- bob\n");
    assert.equal(fixed(ID, "reviewers: [x, y, x]\n", undefined, "a/OWNERS"), "reviewers: [x, y]\n");
    assert.equal(fixed(ID, "reviewers: [x, x, y]\n", undefined, "a/OWNERS"), "reviewers: [x, y]\n");
  });

  it("reports duplicate alias members (community@2b791afdc7)", () => {
    const text = "aliases:\n  sig-x-leads:\n    - enisoc\n    - bob\n    - enisoc # again\n";
    assert.deepEqual(findings(ID, text, "OWNERS_ALIASES"), [`warning ${ID} 5:7-5:13 \`enisoc\` is already listed in the alias sig-x-leads (line 3); Prow counts it once, so this entry does nothing`]);
    assert.equal(fixed(ID, text, undefined, "OWNERS_ALIASES"), "aliases:\n  sig-x-leads:\n    - enisoc\n    - bob\n");
  });

  it("compares labels exactly", () => {
    assert.deepEqual(findings(ID, "labels:\n- area/x\n- Area/X\n- area/x\n", "a/OWNERS"), [`warning ${ID} 4:3-4:9 \`area/x\` is already listed in labels (line 2); Prow counts it once, so this entry does nothing`]);
  });
});

describe("owners/at-prefix", () => {
  const ID = "owners/at-prefix";
  it("accepts plain logins", () => {
    assert.deepEqual(findings(ID, "approvers: [alice]\n", "a/OWNERS"), []);
  });
  it("hints at a quoted @login and drops the @ (kueue@0afc06b95d)", () => {
    const text = "approvers:\n  - \"@CarloGem\"\n";
    assert.deepEqual(findings(ID, text, "a/OWNERS"), [`hint ${ID} 2:5-2:16 write \`CarloGem\`, not \`@CarloGem\`: Prow drops the @, but llm-d's workflows compare names exactly (in approvers)`]);
    assert.equal(fixed(ID, text, undefined, "a/OWNERS"), "approvers:\n  - CarloGem\n");
  });
});

describe("owners/emeritus-overlap", () => {
  const ID = "owners/emeritus-overlap";
  it("accepts emeritus people who are no longer active", () => {
    assert.deepEqual(findings(ID, "approvers: [alice]\nemeritus_approvers: [bob]\nemeritus_reviewers: [alice]\n", "a/OWNERS"), []);
  });
  it("reports a person both active and emeritus (test-infra@eb6fe93180)", () => {
    const text = "approvers:\n- alice\n- bob\nemeritus_approvers:\n- alice\n";
    assert.deepEqual(findings(ID, text, "a/OWNERS"), [`warning ${ID} 5:3-5:8 \`alice\` is listed in emeritus_approvers and still in approvers (line 2); one of the two is stale`]);
    assert.deepEqual(fixTitles(ID, text, "a/OWNERS"), ["Remove alice from approvers", "Remove alice from emeritus_approvers"]);
    assert.equal(fixed(ID, text, undefined, "a/OWNERS"), "approvers:\n- bob\nemeritus_approvers:\n- alice\n");
  });
  it("understands llm-d's emeritus list", () => {
    assert.deepEqual(findings(ID, "reviewers: [bob]\nemeritus: [bob]\n", "a/OWNERS"), [`warning ${ID} 2:12-2:15 \`bob\` is listed in emeritus and still in reviewers (line 1); one of the two is stale`]);
  });
});
