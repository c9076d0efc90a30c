/**
 * The leads' reports read straight from the service's tables: tickets, flags and the readers'
 * daily rows the rollup keeps (src/server/store/sqlite/reader-events.ts).
 * Every query is an aggregate over an indexed range, so a report stays fast with millions of
 * events; the arithmetic that turns these rows into figures lives in src/server/reports/.
 */
import type { DatabaseSync, StatementSync } from 'node:sqlite';
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

export class SqliteReportStore implements ReportStore {
  readonly #received: StatementSync;
  readonly #awaiting: StatementSync;
  readonly #visitors: StatementSync;
  readonly #deflection: StatementSync;
  readonly #noResult: StatementSync;
  readonly #noClick: StatementSync;
  readonly #flags: StatementSync;
  readonly #flagReasons: StatementSync;

  constructor(db: DatabaseSync) {
    // Only the columns a report reads: a month is tens of thousands of tickets.
    const columns = `id, locale, team, topic, channel, received_at, first_reply_starts_at,
      first_reply_due_at, first_reply_hours, first_reply_clock, first_reply_at, paused_ms,
      paused_since, solved_at, opened_articles <> '[]' AS opened_suggestion`;
    this.#received = db.prepare(
      `SELECT ${columns} FROM tickets WHERE received_at >= ? AND received_at < ? ORDER BY received_at`,
    );
    this.#awaiting = db.prepare(
      `SELECT ${columns} FROM tickets WHERE first_reply_at IS NULL AND solved_at IS NULL
       ORDER BY first_reply_due_at`,
    );
    // Finished days come from visitors_daily; the running day (not folded yet) is counted live.
    this.#visitors = db.prepare(`
      SELECT day, locale, visitors FROM visitors_daily WHERE day >= :from AND day < :to
      UNION ALL
      SELECT day, locale, count(*) AS visitors FROM visitors_today
        WHERE day >= :from AND day < :to
          AND NOT EXISTS (SELECT 1 FROM visitors_daily d
                          WHERE d.day = visitors_today.day AND d.locale = visitors_today.locale)
        GROUP BY day, locale
      ORDER BY day, locale`);
    this.#deflection = db.prepare(`
      SELECT day, locale, contact_visits, visits_with_suggestions, visits_opened,
             visits_opened_no_ticket, visits_with_ticket
      FROM deflection_daily WHERE day >= ? AND day < ? ORDER BY day, locale`);
    const queries = (count: string) =>
      db.prepare(`
        SELECT locale, query, sum(searches) AS searches, sum(${count}) AS count
        FROM search_daily WHERE day >= ? AND day < ?
        GROUP BY locale, query HAVING sum(${count}) > 0
        ORDER BY count DESC, searches DESC, locale, query LIMIT ?`);
    this.#noResult = queries('no_result');
    this.#noClick = queries('no_click');
    this.#flags = db.prepare(`
      SELECT article_id, locale, count(*) AS flags,
             sum(state IN ('open', 'triaged', 'in-proposal')) AS open,
             coalesce(sum((SELECT count(*) FROM flag_supporters s
                            WHERE s.flag_id = flags.id AND s.person_id <> flags.created_by)), 0)
               AS supporters
      FROM flags WHERE created_at >= ? AND created_at < ?
      GROUP BY article_id, locale`);
    this.#flagReasons = db.prepare(`
      SELECT article_id, locale, reason, count(*) AS n FROM flags
      WHERE created_at >= ? AND created_at < ? GROUP BY article_id, locale, reason`);
  }

  async ticketsReceived(from: string, to: string): Promise<ReportTicket[]> {
    return (this.#received.all(from, to) as Row[]).map(reportTicketFromRow);
  }

  async ticketsAwaitingReply(): Promise<ReportTicket[]> {
    return (this.#awaiting.all() as Row[]).map(reportTicketFromRow);
  }

  async visitorsByDay(fromDay: string, toDay: string): Promise<DailyVisitors[]> {
    return (this.#visitors.all({ from: fromDay, to: toDay }) as Row[]).map(dailyVisitorsFromRow);
  }

  async deflectionByDay(fromDay: string, toDay: string): Promise<DailyDeflection[]> {
    return (this.#deflection.all(fromDay, toDay) as Row[]).map(dailyDeflectionFromRow);
  }

  async searchQueries(
    fromDay: string,
    toDay: string,
    which: 'no-result' | 'no-click',
    limit: number,
  ): Promise<QueryCount[]> {
    const statement = which === 'no-result' ? this.#noResult : this.#noClick;
    return (statement.all(fromDay, toDay, limit) as Row[]).map(queryCountFromRow);
  }

  async flagCounts(from: string, to: string): Promise<FlagCount[]> {
    const key = (row: Row) => `${row.article_id}|${row.locale}`;
    const counts = new Map<string, FlagCount>();
    for (const row of this.#flags.all(from, to) as Row[])
      counts.set(key(row), flagCountFromRow(row, {}));
    for (const row of this.#flagReasons.all(from, to) as Row[]) {
      const count = counts.get(key(row));
      if (count) count.reasons[row.reason as string] = Number(row.n);
    }
    return [...counts.values()];
  }
}
