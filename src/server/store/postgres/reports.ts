/**
 * The leads' reports on PostgreSQL, with the same rows as ../sqlite/reports.ts: tickets, flags and
 * the readers' daily rows. The arithmetic (shares, median and 90th percentile by nearest rank) is
 * done in src/server/reports/ on these rows, not in SQL, so both databases give the same figures.
 * Text orderings use COLLATE "C", SQLite's byte order, whatever the database's locale; sums are
 * cast back to integers (PostgreSQL's sum of a bigint is numeric, which pg reads as a string).
 */
import type pg from 'pg';
import {
  dailyDeflectionFromRow,
  dailyVisitorsFromRow,
  flagCountFromRow,
  queryCountFromRow,
  reportTicketFromRow,
} from '../rows/reports.ts';
import type {
  DailyDeflection,
  DailyVisitors,
  FlagCount,
  QueryCount,
  ReportStore,
  ReportTicket,
} from '../types.ts';
import type { Row } from './database.ts';

// Only the columns a report reads: a month is tens of thousands of tickets.
const columns = `id, locale, team, topic, channel, received_at, first_reply_starts_at,
  first_reply_due_at, first_reply_hours, first_reply_clock, first_reply_at, paused_ms,
  paused_since, solved_at, opened_articles <> '[]'::jsonb AS opened_suggestion`;

export class PostgresReportStore implements ReportStore {
  readonly #pool: pg.Pool;
  constructor(pool: pg.Pool) {
    this.#pool = pool;
  }

  async ticketsReceived(from: string, to: string): Promise<ReportTicket[]> {
    const { rows } = await this.#pool.query<Row>(
      `SELECT ${columns} FROM tickets WHERE received_at >= $1 AND received_at < $2
       ORDER BY received_at COLLATE "C", id COLLATE "C"`,
      [from, to],
    );
    return rows.map(reportTicketFromRow);
  }

  async ticketsAwaitingReply(): Promise<ReportTicket[]> {
    const { rows } = await this.#pool.query<Row>(
      `SELECT ${columns} FROM tickets WHERE first_reply_at IS NULL AND solved_at IS NULL
       ORDER BY first_reply_due_at COLLATE "C", id COLLATE "C"`,
    );
    return rows.map(reportTicketFromRow);
  }

  /** Finished days come from visitors_daily; the running day (not folded yet) is counted live. */
  async visitorsByDay(fromDay: string, toDay: string): Promise<DailyVisitors[]> {
    const { rows } = await this.#pool.query<Row>(
      `SELECT day, locale, visitors FROM (
         SELECT day, locale, visitors FROM visitors_daily WHERE day >= $1 AND day < $2
         UNION ALL
         SELECT day, locale, count(*) AS visitors FROM visitors_today t
           WHERE day >= $1 AND day < $2
             AND NOT EXISTS (SELECT 1 FROM visitors_daily d
                             WHERE d.day = t.day AND d.locale = t.locale)
           GROUP BY day, locale
       ) v
       ORDER BY day COLLATE "C", locale COLLATE "C"`,
      [fromDay, toDay],
    );
    return rows.map(dailyVisitorsFromRow);
  }

  async deflectionByDay(fromDay: string, toDay: string): Promise<DailyDeflection[]> {
    const { rows } = await this.#pool.query<Row>(
      `SELECT day, locale, contact_visits, visits_with_suggestions, visits_opened,
         visits_opened_no_ticket, visits_with_ticket
       FROM deflection_daily WHERE day >= $1 AND day < $2
       ORDER BY day COLLATE "C", locale COLLATE "C"`,
      [fromDay, toDay],
    );
    return rows.map(dailyDeflectionFromRow);
  }

  async searchQueries(
    fromDay: string,
    toDay: string,
    which: 'no-result' | 'no-click',
    limit: number,
  ): Promise<QueryCount[]> {
    // A column name from a closed list, never from the request.
    const count = which === 'no-result' ? 'no_result' : 'no_click';
    const { rows } = await this.#pool.query<Row>(
      `SELECT locale, query, sum(searches) AS searches, sum(${count}) AS count
       FROM search_daily WHERE day >= $1 AND day < $2
       GROUP BY locale, query HAVING sum(${count}) > 0
       ORDER BY count DESC, searches DESC, locale COLLATE "C", query COLLATE "C" LIMIT $3`,
      [fromDay, toDay, limit],
    );
    return rows.map(queryCountFromRow);
  }

  /** One statement, so the counts and the reasons are read from the same snapshot. */
  async flagCounts(from: string, to: string): Promise<FlagCount[]> {
    const { rows } = await this.#pool.query<Row>(
      `WITH raised AS (
         SELECT f.id, f.article_id, f.locale, f.reason, f.state,
           (SELECT count(*) FROM flag_supporters s
            WHERE s.flag_id = f.id AND s.person_id <> f.created_by) AS supporters
         FROM flags f WHERE f.created_at >= $1 AND f.created_at < $2
       ),
       reasons AS (
         SELECT article_id, locale, jsonb_object_agg(reason, n) AS reasons
         FROM (SELECT article_id, locale, reason, count(*) AS n FROM raised
               GROUP BY article_id, locale, reason) r
         GROUP BY article_id, locale
       )
       SELECT article_id, locale, count(*) AS flags,
         count(*) FILTER (WHERE state IN ('open', 'triaged', 'in-proposal')) AS open,
         sum(supporters)::bigint AS supporters, reasons.reasons
       FROM raised JOIN reasons USING (article_id, locale)
       GROUP BY article_id, locale, reasons.reasons
       ORDER BY article_id COLLATE "C", locale COLLATE "C"`,
      [from, to],
    );
    return rows.map((row) =>
      flagCountFromRow(row, { ...(row['reasons'] as Record<string, number>) }),
    );
  }
}
