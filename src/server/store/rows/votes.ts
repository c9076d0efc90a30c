/** Vote rows as the stores return them, from either database. */
import type { Locale } from '../../../i18n/locales.ts';
import { voteReasons, type VoteAudience, type VoteReason } from '../../../lib/votes.ts';
import type { StoredVote, VoteComment, VoteTally } from '../types.ts';
import { booleanColumn, type Row } from './columns.ts';

const DEFAULT_COMMENTS = 50;
const MAX_COMMENTS = 500;

/** How many comments recentComments returns: 50 unless asked, 1 to 500. */
export function commentLimit(limit: number | undefined): number {
  return Math.min(Math.max(1, Math.trunc(limit ?? DEFAULT_COMMENTS)), MAX_COMMENTS);
}

/** What a vote is about: one revision of an article in a locale, for one audience. */
function votedOn(row: Row): Pick<StoredVote, 'articleId' | 'locale' | 'audience' | 'revision'> {
  return {
    articleId: row['article_id'] as string,
    locale: row['locale'] as Locale,
    audience: row['audience'] as VoteAudience,
    revision: row['revision'] as string,
  };
}

export function voteFromRow(row: Row): StoredVote {
  return {
    id: row['id'] as number,
    ...votedOn(row),
    helpful: booleanColumn(row['helpful']),
    reason: row['reason'] as VoteReason | null,
    comment: row['comment'] as string | null,
    day: row['day'] as string,
    createdAt: row['created_at'] as string,
    updatedAt: row['updated_at'] as string,
  };
}

/** A tally row: yes, no, comments, and one count per reason in columns r0, r1, … (voteReasons' order). */
export function voteTallyFromRow(row: Row): VoteTally {
  return {
    ...votedOn(row),
    yes: Number(row['yes']),
    no: Number(row['no']),
    reasons: Object.fromEntries(
      voteReasons.map((reason, i) => [reason, Number(row[`r${i}`] ?? 0)]),
    ) as Record<VoteReason, number>,
    comments: Number(row['comments']),
    firstAt: row['first_at'] as string,
    lastAt: row['last_at'] as string,
  };
}

export function voteCommentFromRow(row: Row): VoteComment {
  return {
    id: row['id'] as number,
    ...votedOn(row),
    reason: row['reason'] as VoteReason | null,
    comment: row['comment'] as string,
    at: row['updated_at'] as string,
  };
}
