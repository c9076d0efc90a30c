/**
 * Translation tasks and verifications on PostgreSQL, with the behaviour of ../sqlite/tasks.ts.
 * SQLite's single writer made "supersede the open task, then open a new one" safe by itself; here
 * two instances accepting English changes to one article at once would both find no open task and
 * both open one. So open() takes a transaction-scoped advisory lock per article and locale first
 * (in one global order, so two transactions never wait for each other in a circle), and the
 * partial unique index translation_tasks_one_open (migration 4) keeps the rule in the schema.
 */
import { createHash } from 'node:crypto';
import type pg from 'pg';
import type { Locale } from '../../../i18n/locales.ts';
import { generateReference } from '../../tickets/reference.ts';
import { translationTaskFromRow, verificationFromRow } from '../rows/tasks.ts';
import type {
  Change,
  NewTranslationTask,
  TranslationTask,
  TranslationTaskStore,
  Verification,
  VerificationStore,
} from '../types.ts';
import { inTransaction, type Row } from './database.ts';

/** The first key of two-key advisory locks on translation tasks (the second is the task's). */
const TASK_LOCKS = 7_204_114;

export class PostgresTranslationTaskStore implements TranslationTaskStore {
  readonly #pool: pg.Pool;

  constructor(pool: pg.Pool) {
    this.#pool = pool;
  }

  async open(tasks: NewTranslationTask[], change: Change): Promise<TranslationTask[]> {
    if (tasks.length === 0) return [];
    return inTransaction(this.#pool, async (client) => {
      const keys = [...new Set(tasks.map((task) => lockKey(task.articleId, task.locale)))];
      for (const key of keys.sort((a, b) => a - b))
        await client.query('SELECT pg_advisory_xact_lock($1, $2)', [TASK_LOCKS, key]);
      const opened: TranslationTask[] = [];
      for (const task of tasks) {
        // A newer English change supersedes the open task: one task per article and locale.
        await client.query(
          `UPDATE translation_tasks SET state = 'superseded', closed_at = $1, closed_by = $2
           WHERE article_id = $3 AND locale = $4 AND state = 'open'`,
          [change.at, change.actor, task.articleId, task.locale],
        );
        const { rows } = await client.query(
          `INSERT INTO translation_tasks (id, article_id, locale, source_revision,
             previous_source_revision, changed_blocks, proposal_id, state, created_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, 'open', $8)
           RETURNING *`,
          [
            generateReference('TT-'),
            task.articleId,
            task.locale,
            task.sourceRevision,
            task.previousSourceRevision,
            JSON.stringify(task.changedBlocks),
            task.proposalId,
            change.at,
          ],
        );
        opened.push(translationTaskFromRow(rows[0] as Row));
      }
      return opened;
    });
  }

  async listOpen(locale?: Locale): Promise<TranslationTask[]> {
    // Tasks opened together share created_at: seq (migration 4) keeps them in the order opened,
    // as rowid does on SQLite.
    const { rows } = await this.#pool.query(
      `SELECT * FROM translation_tasks WHERE state = 'open' AND ($1::text IS NULL OR locale = $1)
       ORDER BY created_at, seq`,
      [locale ?? null],
    );
    return rows.map((row: Row) => translationTaskFromRow(row));
  }

  async complete(articleId: string, locale: Locale, change: Change): Promise<number> {
    const result = await this.#pool.query(
      `UPDATE translation_tasks SET state = 'done', closed_at = $1, closed_by = $2
       WHERE article_id = $3 AND locale = $4 AND state = 'open'`,
      [change.at, change.actor, articleId, locale],
    );
    return result.rowCount ?? 0;
  }
}

/** A 32-bit key for an article and locale; two keys that collide merely wait for each other. */
function lockKey(articleId: string, locale: string): number {
  return createHash('sha256').update(`${articleId}\n${locale}`).digest().readInt32BE(0);
}

export class PostgresVerificationStore implements VerificationStore {
  readonly #pool: pg.Pool;

  constructor(pool: pg.Pool) {
    this.#pool = pool;
  }

  async record(verification: Verification): Promise<void> {
    await this.#pool.query(
      `INSERT INTO verifications (article_id, locale, revision, verified_by, at)
       VALUES ($1, $2, $3, $4, $5)`,
      [
        verification.articleId,
        verification.locale,
        verification.revision,
        verification.verifiedBy,
        verification.at,
      ],
    );
  }

  async latest(): Promise<Verification[]> {
    // The last one recorded wins, as on SQLite (max id), whatever the clocks of the instances.
    // COLLATE "C": SQLite's byte order, whatever collation the database was created with.
    const { rows } = await this.#pool.query(
      `SELECT DISTINCT ON (article_id COLLATE "C", locale COLLATE "C") * FROM verifications
       ORDER BY article_id COLLATE "C", locale COLLATE "C", id DESC`,
    );
    return rows.map((row: Row) => verificationFromRow(row));
  }
}
