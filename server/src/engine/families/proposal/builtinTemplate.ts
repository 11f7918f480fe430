/**
 * llm-d's PROPOSAL_TEMPLATE.md (llm-d/llm-d docs/proposals/PROPOSAL_TEMPLATE.md), verbatim. It
 * is the required structure when a repository has no PROPOSAL_TEMPLATE.md of its own, and the
 * New Proposal command's fallback. A unit test keeps it equal to ../shared/reference/.
 */
export const BUILTIN_TEMPLATE_TEXT = `<!--

Copy this file as a template for a proposal. Inspired by the Kubernetes
enhancement proposal process at https://github.com/kubernetes/enhancements/blob/3d467242870c26d24cfcb44e0c394ea599e08d02/keps/NNNN-kep-template/README.md

-->
# Your short, descriptive title

## Summary

<!--
This section is incredibly important for producing high-quality, user-focused
documentation such as release notes or a development roadmap. It should be
possible to collect this information before implementation begins, in order to
avoid requiring implementors to split their attention between writing release
notes and implementing the feature itself. Proposal authors and reviewers
should help to ensure that the tone and content of the \`Summary\` section is
useful for a wide audience.

A good summary is probably at least a paragraph in length.

In this section and below, wrap lines to a reasonable length to make it
easier for reviewers to cite specific portions, and to minimize diff churn on
updates.
-->

## Motivation

<!--
This section is for explicitly listing the motivation, goals, and non-goals of
this proposal.  Describe why the change is important and the benefits to users. The
motivation section can optionally provide links to [experience reports] to
demonstrate the interest in a proposal within the wider project.

[experience reports]: https://go.dev/wiki/ExperienceReports
-->

### Goals

<!--
List the specific goals of the proposal. What is it trying to achieve? How will we
know that this has succeeded?
-->

### Non-Goals

<!--
What is out of scope for this proposal? Listing non-goals helps to focus discussion
and make progress.
-->

## Proposal

<!--
This is where we get down to the specifics of what the proposal actually is.
This should have enough detail that reviewers can understand exactly what
you're proposing, but should not include things like API designs or
implementation. What is the desired outcome and how do we measure success?.
The "Design Details" section below is for the real
nitty-gritty.
-->

### User Stories (Optional)

<!--
Detail the things that people will be able to do if this proposal is implemented.
Include as much detail as possible so that people can understand the "how" of
the system. The goal here is to make this feel real for users without getting
bogged down.
-->

#### Story 1

#### Story 2

## Design Details

<!--
This section should contain enough information that the specifics of your
change are understandable. This may include API specs (though not always
required) or even code snippets. If there's any ambiguity about HOW your
proposal will be implemented, this is the place to discuss them.
-->

## Alternatives

<!--
What other approaches did you consider, and why did you rule them out? These do
not need to be as detailed as the proposal, but should include enough
information to express the idea and why it was not acceptable.
-->
`;
