/**
 * Readers' search and contact-page events and help-centre visitors on the service's SQLite file.
 * Raw rows are written here; src/server/store/sqlite/reader-events-rollup.ts turns finished days
 * into the daily rows the leads' reports read, and forgets what is not needed any more.
 */
import type { DatabaseSync } from 'node:sqlite';
import type { ReaderEvent, ReaderEventRollup, ReaderEventStore, VisitorMark } from '../types.ts';
import { inTransaction, json } from './database.ts';
import { daysToRollUp, forgetFinished, markRolledUp, rollupDay } from './reader-events-rollup.ts';

export class SqliteReaderEventStore implements ReaderEventStore {
  readonly #db: DatabaseSync;
  constructor(db: DatabaseSync) {
    this.#db = db;
  }

  /** One transaction per batch: a page's events cost one commit, and arrive whole or not at all. */
  async record(events: readonly ReaderEvent[]): Promise<number> {
    if (events.length === 0) return 0;
    const insert = this.#db.prepare(
      `INSERT INTO reader_events (at, day, locale, source, kind, visit, query, results, rank,
         article_id, articles)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    return inTransaction(this.#db, () => {
      for (const event of events) {
        insert.run(
          event.at,
          event.at.slice(0, 10),
          event.locale,
          event.source,
          event.kind,
          event.visit,
          event.query,
          event.results,
          event.rank,
          event.articleId,
          json.write(event.articles),
        );
      }
      return events.length;
    });
  }

  /** A reader seen twice on a day in a locale is one visitor: repeats are ignored. */
  async recordVisitors(marks: readonly VisitorMark[]): Promise<void> {
    if (marks.length === 0) return;
    const insert = this.#db.prepare(
      'INSERT OR IGNORE INTO visitors_today (day, locale, visitor) VALUES (?, ?, ?)',
    );
    inTransaction(this.#db, () => {
      for (const mark of marks) insert.run(mark.day, mark.locale, mark.visitor);
    });
  }

  /**
   * Each day in its own transaction, yielding to other requests in between: node:sqlite is
   * synchronous, and a month of a busy help centre's events takes seconds in one go. Days are
   * rolled up before retention deletes their raw events.
   */
  async rollup(today: string): Promise<ReaderEventRollup> {
    const days = daysToRollUp(this.#db, today);
    const at = new Date().toISOString();
    for (const day of days) {
      inTransaction(this.#db, () => {
        rollupDay(this.#db, day);
        markRolledUp(this.#db, day, at);
      });
      await new Promise((resolve) => setImmediate(resolve));
    }
    const forgotten = inTransaction(this.#db, () => forgetFinished(this.#db, today));
    return { days, ...forgotten };
  }
}
