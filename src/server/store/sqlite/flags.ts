/** Agents' flags on passages of articles, on the service's SQLite file. */
import type { DatabaseSync } from 'node:sqlite';
import type { Locale } from '../../../i18n/locales.ts';
import type { FlagState } from '../../../proposals/vocabulary.ts';
import { generateReference } from '../../tickets/reference.ts';
import { flagFromRow, flagTransitionStep, openFlagStatesSql, raisedStep } from '../rows/flags.ts';
import type {
  Change,
  Flag,
  FlagChange,
  FlagStore,
  FlagWriteResult,
  HistoryEntry,
  NewFlag,
  RaiseFlagResult,
  ReviewFilter,
} from '../types.ts';
import { inTransaction, type Row } from './database.ts';
import { filterClause } from './filter.ts';
import { appendHistory, readHistory } from './history.ts';

export class SqliteFlagStore implements FlagStore {
  readonly #db: DatabaseSync;

  constructor(db: DatabaseSync) {
    this.#db = db;
  }

  async raise(input: NewFlag, change: Change): Promise<RaiseFlagResult> {
    return inTransaction(this.#db, () => {
      // Checked inside the write lock: two agents flagging one passage together make one flag.
      const open = this.#db
        .prepare(
          `SELECT id FROM flags WHERE article_id = ? AND locale = ? AND block_key = ?
           AND state IN (${openFlagStatesSql}) ORDER BY created_at LIMIT 1`,
        )
        .get(input.articleId, input.locale, input.blockKey) as Row | undefined;
      if (open) {
        const id = open.id as string;
        const mine = this.#db
          .prepare('SELECT ticket_ref FROM flag_supporters WHERE flag_id = ? AND person_id = ?')
          .get(id, change.actor) as Row | undefined;
        if (mine) {
          if (input.ticketRef && mine.ticket_ref === null) {
            this.#db
              .prepare(
                'UPDATE flag_supporters SET ticket_ref = ? WHERE flag_id = ? AND person_id = ?',
              )
              .run(input.ticketRef, id, change.actor);
          }
          return { outcome: 'already-raised', flag: this.#read(id)! };
        }
        this.#addSupporter(id, input, change);
        this.#db.prepare('UPDATE flags SET updated_at = ? WHERE id = ?').run(change.at, id);
        appendHistory(this.#db, 'flag_events', id, change, raisedStep('joined', input));
        return { outcome: 'joined', flag: this.#read(id)! };
      }
      const id = this.#freeId();
      this.#db
        .prepare(
          `INSERT INTO flags (id, article_id, locale, revision, block_key, block_kind, quote,
             reason, comment, state, created_by, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'open', ?, ?, ?)`,
        )
        .run(
          id,
          input.articleId,
          input.locale,
          input.revision,
          input.blockKey,
          input.blockKind,
          input.quote,
          input.reason,
          input.comment,
          change.actor,
          change.at,
          change.at,
        );
      this.#addSupporter(id, input, change);
      appendHistory(this.#db, 'flag_events', id, change, raisedStep('opened', input));
      return { outcome: 'opened', flag: this.#read(id)! };
    });
  }

  async get(id: string): Promise<Flag | undefined> {
    return this.#read(id);
  }

  async listInvolving(personId: string): Promise<Flag[]> {
    const rows = this.#db
      .prepare(
        `SELECT f.* FROM flags f WHERE f.created_by = ? OR EXISTS (
           SELECT 1 FROM flag_supporters s WHERE s.flag_id = f.id AND s.person_id = ?)
         ORDER BY f.updated_at DESC`,
      )
      .all(personId, personId) as Row[];
    return rows.map((row) => this.#toFlag(row));
  }

  async listForArticle(articleId: string, locale?: Locale): Promise<Flag[]> {
    const rows = (
      locale
        ? this.#db
            .prepare('SELECT * FROM flags WHERE article_id = ? AND locale = ? ORDER BY created_at')
            .all(articleId, locale)
        : this.#db
            .prepare('SELECT * FROM flags WHERE article_id = ? ORDER BY created_at')
            .all(articleId)
    ) as Row[];
    return rows.map((row) => this.#toFlag(row));
  }

  async history(id: string): Promise<HistoryEntry[]> {
    return readHistory(this.#db, 'flag_events', id);
  }

  async list(filter: ReviewFilter): Promise<Flag[]> {
    const { where, params } = filterClause(filter);
    const rows = this.#db
      .prepare(`SELECT * FROM flags ${where} ORDER BY created_at, id`)
      .all(...params) as Row[];
    return rows.map((row) => this.#toFlag(row));
  }

  async countByState(filter: Omit<ReviewFilter, 'states'>): Promise<Record<string, number>> {
    const { where, params } = filterClause(filter);
    const rows = this.#db
      .prepare(`SELECT state, count(*) AS n FROM flags ${where} GROUP BY state`)
      .all(...params) as Row[];
    return Object.fromEntries(rows.map((row) => [row.state as string, Number(row.n)]));
  }

  async transition(
    id: string,
    from: readonly FlagState[],
    to: FlagState,
    change: FlagChange,
  ): Promise<FlagWriteResult> {
    return inTransaction(this.#db, () => {
      const current = this.#read(id);
      if (!current) return { outcome: 'not-found' };
      if (!from.includes(current.state)) return { outcome: 'wrong-state', flag: current };
      this.#db
        .prepare(
          `UPDATE flags SET state = ?, updated_at = ?,
             proposal_id = coalesce(?, proposal_id), decline_reason = coalesce(?, decline_reason)
           WHERE id = ?`,
        )
        .run(
          to,
          change.at,
          change.proposalId ?? null,
          to === 'declined' ? (change.reason ?? null) : null,
          id,
        );
      appendHistory(
        this.#db,
        'flag_events',
        id,
        change,
        flagTransitionStep(current.state, to, change),
      );
      return { outcome: 'saved', flag: this.#read(id)! };
    });
  }

  #addSupporter(flagId: string, input: NewFlag, change: Change): void {
    this.#db
      .prepare(
        'INSERT INTO flag_supporters (flag_id, person_id, ticket_ref, comment, at) VALUES (?, ?, ?, ?, ?)',
      )
      .run(flagId, change.actor, input.ticketRef, input.comment, change.at);
  }

  #read(id: string): Flag | undefined {
    const row = this.#db.prepare('SELECT * FROM flags WHERE id = ?').get(id) as Row | undefined;
    return row && this.#toFlag(row);
  }

  #toFlag(row: Row): Flag {
    const supporters = this.#db
      .prepare('SELECT * FROM flag_supporters WHERE flag_id = ? ORDER BY at, rowid')
      .all(row.id as string) as Row[];
    return flagFromRow(row, supporters);
  }

  #freeId(): string {
    for (let attempt = 0; attempt < 10; attempt++) {
      const id = generateReference('FL-');
      if (!this.#db.prepare('SELECT 1 FROM flags WHERE id = ?').get(id)) return id;
    }
    throw new Error('could not find a free flag id after 10 attempts');
  }
}
