/**
 * "Was this helpful?" votes on the service's SQLite file (table `votes`, migration 4). The unique
 * key (voter, article, locale, revision) makes a reader's second answer the same day an update,
 * and keeps each revision's votes apart, so counts restart with a new text and old ones stay.
 */
import type { DatabaseSync } from 'node:sqlite';
import type { Locale } from '../../../i18n/locales.ts';
import { voteReasons } from '../../../lib/votes.ts';
import { commentLimit, voteCommentFromRow, voteFromRow, voteTallyFromRow } from '../rows/votes.ts';
import type {
  CastVoteResult,
  StoredVote,
  VoteComment,
  VoteDraft,
  VoteFilter,
  VoteStore,
  VoteTally,
} from '../types.ts';
import { inTransaction, type Row } from './database.ts';

export class SqliteVoteStore implements VoteStore {
  readonly #db: DatabaseSync;

  constructor(db: DatabaseSync) {
    this.#db = db;
  }

  async cast(draft: VoteDraft): Promise<CastVoteResult> {
    return inTransaction(this.#db, () => {
      const existing = this.#db
        .prepare(
          'SELECT * FROM votes WHERE voter = ? AND article_id = ? AND locale = ? AND revision = ?',
        )
        .get(draft.voter, draft.articleId, draft.locale, draft.revision) as Row | undefined;
      if (!existing) {
        const { lastInsertRowid } = this.#db
          .prepare(
            `INSERT INTO votes (article_id, locale, audience, revision, helpful, reason, comment,
               voter, day, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          )
          .run(
            draft.articleId,
            draft.locale,
            draft.audience,
            draft.revision,
            draft.helpful ? 1 : 0,
            draft.helpful ? null : draft.reason,
            draft.helpful ? null : draft.comment,
            draft.voter,
            draft.day,
            draft.at,
            draft.at,
          );
        return { outcome: 'created', vote: this.#byId(Number(lastInsertRowid)) };
      }
      // "No" then a reason is one answer in two steps: a later bare "no" keeps the reason.
      const reason = draft.helpful ? null : (draft.reason ?? (existing.reason as string | null));
      const comment = draft.helpful
        ? null
        : (draft.comment ?? (draft.reason ? null : (existing.comment as string | null)));
      this.#db
        .prepare(
          'UPDATE votes SET helpful = ?, reason = ?, comment = ?, updated_at = ? WHERE id = ?',
        )
        .run(draft.helpful ? 1 : 0, reason, comment, draft.at, existing.id as number);
      return { outcome: 'updated', vote: this.#byId(existing.id as number) };
    });
  }

  async knowsRevision(articleId: string, locale: Locale, revision: string): Promise<boolean> {
    return (
      this.#db
        .prepare('SELECT 1 FROM votes WHERE article_id = ? AND locale = ? AND revision = ? LIMIT 1')
        .get(articleId, locale, revision) !== undefined
    );
  }

  async tallies(filter: VoteFilter = {}): Promise<VoteTally[]> {
    const { where, params } = whereOf(filter);
    const reasonCounts = voteReasons
      .map((reason, i) => `sum(reason = '${reason}') AS r${i}`)
      .join(', ');
    const rows = this.#db
      .prepare(
        `SELECT article_id, locale, audience, revision, sum(helpful) AS yes,
           sum(1 - helpful) AS no, ${reasonCounts},
           sum(helpful = 0 AND comment IS NOT NULL) AS comments,
           min(created_at) AS first_at, max(updated_at) AS last_at
         FROM votes ${where}
         GROUP BY article_id, locale, audience, revision
         ORDER BY last_at DESC, article_id, locale, audience`,
      )
      .all(...params) as Row[];
    return rows.map(voteTallyFromRow);
  }

  async recentComments(filter: VoteFilter & { limit?: number } = {}): Promise<VoteComment[]> {
    const { where, params } = whereOf(filter, ['helpful = 0', 'comment IS NOT NULL']);
    const limit = commentLimit(filter.limit);
    const rows = this.#db
      .prepare(
        `SELECT id, article_id, locale, audience, revision, reason, comment, updated_at
         FROM votes ${where} ORDER BY updated_at DESC, id DESC LIMIT ${limit}`,
      )
      .all(...params) as Row[];
    return rows.map(voteCommentFromRow);
  }

  #byId(id: number): StoredVote {
    return voteFromRow(this.#db.prepare('SELECT * FROM votes WHERE id = ?').get(id) as Row);
  }
}

function whereOf(filter: VoteFilter, always: string[] = []): { where: string; params: string[] } {
  const conditions = [...always];
  const params: string[] = [];
  const equal = (column: string, value: string | undefined) => {
    if (value === undefined) return;
    conditions.push(`${column} = ?`);
    params.push(value);
  };
  equal('article_id', filter.articleId);
  equal('locale', filter.locale);
  equal('audience', filter.audience);
  equal('revision', filter.revision);
  if (filter.since !== undefined) {
    conditions.push('updated_at >= ?');
    params.push(filter.since);
  }
  if (filter.until !== undefined) {
    conditions.push('updated_at < ?');
    params.push(filter.until);
  }
  return { where: conditions.length ? `WHERE ${conditions.join(' AND ')}` : '', params };
}
