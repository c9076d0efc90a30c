/**
 * Readers' search and contact-page events and help-centre visitors on PostgreSQL, with the same
 * behaviour as ../sqlite/reader-events.ts. A batch is one INSERT (one statement is one
 * transaction) that keeps the batch's order in the ids: the events of one batch share their
 * arrival instant, and the rollup orders a visit's events by instant, then id. The rollup
 * (./reader-events-rollup.ts) is safe to run on several instances at once.
 */
import type pg from 'pg';
import type { ReaderEvent, ReaderEventRollup, ReaderEventStore, VisitorMark } from '../types.ts';
import { inTransaction } from './database.ts';
import { daysToRollUp, forgetFinished, rollupDay } from './reader-events-rollup.ts';

export class PostgresReaderEventStore implements ReaderEventStore {
  readonly #pool: pg.Pool;
  constructor(pool: pg.Pool) {
    this.#pool = pool;
  }

  async record(events: readonly ReaderEvent[]): Promise<number> {
    if (events.length === 0) return 0;
    const column = <T>(value: (event: ReaderEvent) => T) => events.map(value);
    const result = await this.#pool.query(
      `INSERT INTO reader_events (at, day, locale, source, kind, visit, query, results, rank,
         article_id, articles)
       SELECT at, substr(at, 1, 10), locale, source, kind, visit, query, results, rank,
         article_id, articles::jsonb
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[],
         $7::int[], $8::int[], $9::text[], $10::text[])
         WITH ORDINALITY AS batch (at, locale, source, kind, visit, query, results, rank,
           article_id, articles, ordinal)
       ORDER BY ordinal`,
      [
        column((e) => e.at),
        column((e) => e.locale),
        column((e) => e.source),
        column((e) => e.kind),
        column((e) => e.visit),
        column((e) => e.query),
        column((e) => e.results),
        column((e) => e.rank),
        column((e) => e.articleId),
        column((e) => JSON.stringify(e.articles)),
      ],
    );
    return result.rowCount ?? 0;
  }

  /** A reader seen twice on a day in a locale is one visitor: repeats are ignored. */
  async recordVisitors(marks: readonly VisitorMark[]): Promise<void> {
    if (marks.length === 0) return;
    await this.#pool.query(
      `INSERT INTO visitors_today (day, locale, visitor)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[])
       ON CONFLICT DO NOTHING`,
      [marks.map((m) => m.day), marks.map((m) => m.locale), marks.map((m) => m.visitor)],
    );
  }

  /**
   * Each day in its own short transaction, as on SQLite; days rolled up before retention deletes
   * their raw events. `days` lists the days this call computed: a day another instance was
   * computing at the same time is that instance's.
   */
  async rollup(today: string): Promise<ReaderEventRollup> {
    const at = new Date().toISOString();
    const days: string[] = [];
    for (const day of await daysToRollUp(this.#pool, today)) {
      const done = await inTransaction(this.#pool, (client) => rollupDay(client, day, at));
      if (done) days.push(day.day);
    }
    const forgotten = await inTransaction(this.#pool, (client) => forgetFinished(client, today));
    return { days, ...forgotten };
  }
}
