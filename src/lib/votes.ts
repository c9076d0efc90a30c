/**
 * "Was this helpful?": the vocabulary the article page, the browser island and the service share,
 * defined once so the form, the island that enhances it and the route that reads it cannot drift.
 */

/** Why an answer was "no", as stored (the CHECK in migration 4 lists the same values). */
export const voteReasons = [
  'incorrect',
  'unclear',
  'missing-information',
  'not-my-situation',
  'disagree-with-policy',
  'other',
] as const;

export type VoteReason = (typeof voteReasons)[number];

/** Which help centre the vote came from: readers' (public) or agents' (internal, signed in). */
export const voteAudiences = ['public', 'internal'] as const;

export type VoteAudience = (typeof voteAudiences)[number];

/** Longest optional comment, in characters (after trimming). */
export const voteCommentMaxLength = 1000;

/** Where the form posts, from either build (the service answers both on the same origin). */
export const votesEndpoint = '/api/votes';

/** Names of the form fields, as the form posts them and the service reads them. */
export const voteFields = {
  articleId: 'articleId',
  locale: 'locale',
  revision: 'revision',
  audience: 'audience',
  /** "yes" or "no" (the value of the pressed button); JSON may send true or false. */
  helpful: 'helpful',
  reason: 'reason',
  comment: 'comment',
} as const;

/**
 * Fragments the service sends a form post back to. CSS `:target` reveals the element with that
 * id, so both steps work without scripts.
 */
export const voteFragments = {
  /** After "no": the reason form. */
  why: 'helpful-why',
  /** After "yes" or after the reason: thank you. */
  thanks: 'helpful-thanks',
} as const;

export type VoteStep = keyof typeof voteFragments;

/** Attributes the island finds its parts by (the component writes them, the island reads them). */
export const voteMarkers = {
  /** The widget's section; carries data-state ("why", "thanks") once the island runs. */
  widget: 'data-helpful',
  /** The yes / no form. */
  ask: 'data-helpful-ask',
  /** The reason form. */
  why: 'data-helpful-why',
  /** The polite live region that says thank you. */
  status: 'data-helpful-status',
  /** Where an error is shown. */
  error: 'data-helpful-error',
  /** JSON of the messages the island shows ({@link VoteMessages}). */
  messages: 'data-helpful-messages',
} as const;

/** Why an answer was refused, as the reader is told (keys `helpful.error.<name>`). */
export const voteProblems = [
  'failed',
  'rateLimited',
  'changed',
  'commentTooLong',
  'signIn',
] as const;

export type VoteProblem = (typeof voteProblems)[number];

/**
 * Which message fits a refusal, from its status and the fields it names: the island and the
 * service's no-script error page choose the same way.
 */
export function voteProblemOf(status: number, fields: readonly string[]): VoteProblem {
  if (status === 429) return 'rateLimited';
  if (status === 409) return 'changed';
  if (status === 401) return 'signIn';
  if (status === 422 && fields.includes('comment')) return 'commentTooLong';
  return 'failed';
}

/** Texts the island shows, in the page's language, written into the page at build time. */
export type VoteMessages = Record<VoteProblem | 'thanks', string>;

/** The answer a script (Accept: application/json) gets after a vote. */
export interface VoteAnswer {
  /** What the reader sees next: the reason form after "no" without a reason, else thanks. */
  next: VoteStep;
  helpful: boolean;
  reason: VoteReason | null;
  /** True when this reader had already answered for this revision today and changed it. */
  updated: boolean;
}
