/** Translation tasks and verifications on the service's SQLite file. */
import type { DatabaseSync } from 'node:sqlite';
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
import { inTransaction, json, type Row } from './database.ts';

export class SqliteTranslationTaskStore implements TranslationTaskStore {
  readonly #db: DatabaseSync;

  constructor(db: DatabaseSync) {
    this.#db = db;
  }

  async open(tasks: NewTranslationTask[], change: Change): Promise<TranslationTask[]> {
    return inTransaction(this.#db, () =>
      tasks.map((task) => {
        // A newer English change supersedes the open task: one task per article and locale.
        this.#db
          .prepare(
            `UPDATE translation_tasks SET state = 'superseded', closed_at = ?, closed_by = ?
             WHERE article_id = ? AND locale = ? AND state = 'open'`,
          )
          .run(change.at, change.actor, task.articleId, task.locale);
        const id = generateReference('TT-');
        this.#db
          .prepare(
            `INSERT INTO translation_tasks (id, article_id, locale, source_revision,
               previous_source_revision, changed_blocks, proposal_id, state, created_at)
             VALUES (?, ?, ?, ?, ?, ?, ?, 'open', ?)`,
          )
          .run(
            id,
            task.articleId,
            task.locale,
            task.sourceRevision,
            task.previousSourceRevision,
            json.write(task.changedBlocks),
            task.proposalId,
            change.at,
          );
        return translationTaskFromRow(
          this.#db.prepare('SELECT * FROM translation_tasks WHERE id = ?').get(id) as Row,
        );
      }),
    );
  }

  async listOpen(locale?: Locale): Promise<TranslationTask[]> {
    const rows = (
      locale
        ? this.#db
            .prepare(
              "SELECT * FROM translation_tasks WHERE state = 'open' AND locale = ? ORDER BY created_at",
            )
            .all(locale)
        : this.#db
            .prepare("SELECT * FROM translation_tasks WHERE state = 'open' ORDER BY created_at")
            .all()
    ) as Row[];
    return rows.map(translationTaskFromRow);
  }

  async complete(articleId: string, locale: Locale, change: Change): Promise<number> {
    const result = this.#db
      .prepare(
        `UPDATE translation_tasks SET state = 'done', closed_at = ?, closed_by = ?
         WHERE article_id = ? AND locale = ? AND state = 'open'`,
      )
      .run(change.at, change.actor, articleId, locale);
    return Number(result.changes);
  }
}

export class SqliteVerificationStore implements VerificationStore {
  readonly #db: DatabaseSync;

  constructor(db: DatabaseSync) {
    this.#db = db;
  }

  async record(verification: Verification): Promise<void> {
    this.#db
      .prepare(
        'INSERT INTO verifications (article_id, locale, revision, verified_by, at) VALUES (?, ?, ?, ?, ?)',
      )
      .run(
        verification.articleId,
        verification.locale,
        verification.revision,
        verification.verifiedBy,
        verification.at,
      );
  }

  async latest(): Promise<Verification[]> {
    const rows = this.#db
      .prepare(
        `SELECT v.* FROM verifications v WHERE v.id = (
           SELECT max(id) FROM verifications w WHERE w.article_id = v.article_id AND w.locale = v.locale)
         ORDER BY article_id, locale`,
      )
      .all() as Row[];
    return rows.map(verificationFromRow);
  }
}
