import type { Family } from "../../types";
import { parseProposal, type ParsedProposal } from "./parse";
import { proposalFeatures } from "./features";
import { missingSection } from "./rules/missing-section";
import { sectionOrder } from "./rules/section-order";
import { sectionLevel } from "./rules/section-level";
import { emptySection } from "./rules/empty-section";
import { placeholder } from "./rules/placeholder";
import { fileName } from "./rules/file-name";
import { notAProposal } from "./rules/not-a-proposal";
import { renamedSection } from "./rules/renamed-section";

/**
 * The proposal family: markdown under docs/proposals/ and proposals/ (or `proposal.folders`)
 * held to the nearest PROPOSAL_TEMPLATE.md, tolerant of the ways real llm-d proposals differ
 * from it (specs/proposals.md). Structure is never an error.
 */
export const proposalFamily: Family<ParsedProposal> = {
  name: "proposal",
  kinds: ["proposal"],
  settings: {
    folders: { type: "list of texts", description: "Folders that hold proposals (default: docs/proposals, proposals)." },
  },
  parse: (doc, ctx) => parseProposal(doc, ctx),
  rules: [missingSection, sectionOrder, sectionLevel, emptySection, placeholder, fileName, notAProposal, renamedSection],
  features: proposalFeatures,
};
