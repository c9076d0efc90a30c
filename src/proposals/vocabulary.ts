/**
 * The words of agents' feedback, defined once: what a flag can say, and the states flags and
 * proposals move through. The service, the pages and the browser scripts all import them from here.
 */

/** Why an agent flags a passage. */
export const flagReasons = [
  'wrong',
  'outdated',
  'unclear',
  'missing-step',
  'broken-link',
  'policy-changed',
  'translation-problem',
] as const;
export type FlagReason = (typeof flagReasons)[number];

/**
 * open: raised, nobody looked yet. triaged: a lead saw it. in-proposal: a proposal will fix it.
 * resolved: fixed in content (and later released). declined: a lead said no, with a reason.
 */
export const flagStates = ['open', 'triaged', 'in-proposal', 'resolved', 'declined'] as const;
export type FlagState = (typeof flagStates)[number];
/** States in which a new flag on the same passage joins the existing one (+1). */
export const openFlagStates: readonly FlagState[] = ['open', 'triaged', 'in-proposal'];

/** The kinds of block an agent can pick on an article. */
export const blockKinds = ['heading', 'paragraph', 'list-item', 'table', 'quote', 'code'] as const;
export type BlockKind = (typeof blockKinds)[number];

/**
 * edit: a change to an existing article in its locale. translation: a new translation of an
 * English article. new-article: an article that does not exist yet.
 */
export const proposalKinds = ['edit', 'translation', 'new-article'] as const;
export type ProposalKind = (typeof proposalKinds)[number];

/**
 * draft → submitted → (changes-requested → submitted …) → accepted → published (in a release);
 * or declined by a lead, or withdrawn by the author. The review issue moves the later states.
 */
export const proposalStates = [
  'draft',
  'submitted',
  'changes-requested',
  'accepted',
  'published',
  'declined',
  'withdrawn',
] as const;
export type ProposalState = (typeof proposalStates)[number];
/** States in which the author may still change the text. */
export const editableProposalStates: readonly ProposalState[] = ['draft', 'changes-requested'];

/** Limits on what agents type, checked by the service (the pages say them too). */
export const feedbackLimits = {
  /** A flag's comment and a proposal's note to the reviewer. */
  commentChars: 2000,
  /** The quoted passage kept with a flag. */
  quoteChars: 600,
  /** A ticket reference such as HB-7K2M9Q0Z or a helpdesk number. */
  ticketRefChars: 40,
  /** A proposal's whole file, frontmatter included. */
  proposalBytes: 100 * 1024,
} as const;
