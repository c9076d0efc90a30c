/**
 * "Was this helpful?" votes on PostgreSQL, with the behaviour of ../sqlite/votes.ts. SQLite read
 * the voter's earlier vote and then wrote, safe under its single writer; here the same reader's
 * two answers can reach two instances at once (a double click behind a load balancer). So a vote
 * is inserted with ON CONFLICT DO NOTHING on the unique key (voter, article, locale, revision),
 * and when the key is taken the earlier vote is changed by one UPDATE that reads the row as it
 * stands under its lock: no answer is lost and no reader counts twice.
 */
import type pg from 'pg';
import type { Locale } from '../../../i18n/locales.ts';
import { voteReasons } from '../../../lib/votes.ts';
import { commentLimit, voteCommentFromRow, voteFromRow, voteTallyFromRow } from '../rows/votes.ts';
import type {
  CastVoteResult,
  VoteComment,
  VoteDraft,
  VoteFilter,
  VoteStore,
  VoteTally,
} from '../types.ts';
import type { Row } from './database.ts';

export class PostgresVoteStore implements VoteStore {
  readonly #pool: pg.Pool;

  constructor(pool: pg.Pool) {
    this.#pool = pool;
  }

  async cast(draft: VoteDraft): Promise<CastVoteResult> {
    const reason = draft.helpful ? null : draft.reason;
    const comment = draft.helpful ? null : draft.comment;
    const key = [draft.voter, draft.articleId, draft.locale, draft.revision];
    // Votes are never deleted, so a taken key stays taken; the loop only guards against that
    // changing some day.
    for (;;) {
      const inserted = await this.#pool.query(
        `INSERT INTO votes (voter, article_id, locale, revision, audience, helpful, reason,
           comment, day, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10)
         ON CONFLICT (voter, article_id, locale, revision) DO NOTHING
         RETURNING *`,
        [...key, draft.audience, draft.helpful, reason, comment, draft.day, draft.at],
      );
      if (inserted.rows[0])
        return { outcome: 'created', vote: voteFromRow(inserted.rows[0] as Row) };
      // "No" then a reason is one answer in two steps: a later bare "no" keeps the reason, and
      // the comment unless a new reason came without one.
      const updated = await this.#pool.query(
        `UPDATE votes SET helpful = $5,
           reason = CASE WHEN $5 THEN NULL ELSE COALESCE($6, reason) END,
           comment = CASE WHEN $5 THEN NULL
             WHEN $7::text IS NOT NULL THEN $7
             WHEN $6::text IS NOT NULL THEN NULL
             ELSE comment END,
           updated_at = $8
         WHERE voter = $1 AND article_id = $2 AND locale = $3 AND revision = $4
         RETURNING *`,
        [...key, draft.helpful, reason, comment, draft.at],
      );
      if (updated.rows[0]) return { outcome: 'updated', vote: voteFromRow(updated.rows[0] as Row) };
    }
  }

  async knowsRevision(articleId: string, locale: Locale, revision: string): Promise<boolean> {
    const { rowCount } = await this.#pool.query(
      'SELECT 1 FROM votes WHERE article_id = $1 AND locale = $2 AND revision = $3 LIMIT 1',
      [articleId, locale, revision],
    );
    return (rowCount ?? 0) > 0;
  }

  async tallies(filter: VoteFilter = {}): Promise<VoteTally[]> {
    const { where, params } = whereOf(filter);
    // The reasons are the fixed vocabulary of src/lib/votes.ts, passed as parameters all the same.
    const first = params.length + 1;
    const reasonCounts = voteReasons
      .map((_, i) => `count(*) FILTER (WHERE reason = $${first + i}) AS r${i}`)
      .join(', ');
    const { rows } = await this.#pool.query(
      `SELECT article_id, locale, audience, revision, count(*) FILTER (WHERE helpful) AS yes,
         count(*) FILTER (WHERE NOT helpful) AS no, ${reasonCounts},
         count(*) FILTER (WHERE NOT helpful AND comment IS NOT NULL) AS comments,
         min(created_at) AS first_at, max(updated_at) AS last_at
       FROM votes ${where}
       GROUP BY article_id, locale, audience, revision
       ORDER BY last_at DESC, article_id COLLATE "C", locale COLLATE "C", audience`,
      [...params, ...voteReasons],
    );
    return rows.map((row: Row) => voteTallyFromRow(row));
  }

  async recentComments(filter: VoteFilter & { limit?: number } = {}): Promise<VoteComment[]> {
    const { where, params } = whereOf(filter, ['NOT helpful', 'comment IS NOT NULL']);
    const limit = commentLimit(filter.limit);
    const { rows } = await this.#pool.query(
      `SELECT id, article_id, locale, audience, revision, reason, comment, updated_at
       FROM votes ${where} ORDER BY updated_at DESC, id DESC LIMIT $${params.length + 1}`,
      [...params, limit],
    );
    return rows.map((row: Row) => voteCommentFromRow(row));
  }
}

function whereOf(filter: VoteFilter, always: string[] = []): { where: string; params: string[] } {
  const conditions = [...always];
  const params: string[] = [];
  const add = (clause: string, value: string | undefined) => {
    if (value === undefined) return;
    params.push(value);
    conditions.push(`${clause} $${params.length}`);
  };
  add('article_id =', filter.articleId);
  add('locale =', filter.locale);
  add('audience =', filter.audience);
  add('revision =', filter.revision);
  add('updated_at >=', filter.since);
  add('updated_at <', filter.until);
  return { where: conditions.length ? `WHERE ${conditions.join(' AND ')}` : '', params };
}
