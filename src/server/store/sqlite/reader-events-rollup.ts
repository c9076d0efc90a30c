/**
 * From raw reader events to the daily rows the leads' reports read (tables of migration 4), and
 * retention: raw events are kept 30 days, visitor hashes and daily salts until their day is over.
 *
 * Definitions (a day is a UTC day; a "finished" day is any day before `today`; an event's day is
 * the day the service received it):
 *
 * `search_daily`, one row per day, locale, source (search, quick, contact) and masked query:
 * - `searches`: `search` events, i.e. settled queries (the browser sends one per query the reader
 *   settled on, not per keystroke);
 * - `no_result`: those with 0 results;
 * - `no_click`: those with results after which the same visit opened nothing from the same source
 *   before its next search from that source. "After" looks at the visit's search and open events
 *   of that day and the next, in the order the service received them;
 * - `opens`: `open` events whose query is this query (a result or suggestion opened);
 * - `rank_sum`: their 1-based ranks added up, so `rank_sum / opens` is the mean rank opened.
 *
 * `deflection_daily`, one row per day and locale, counting contact visits: visits (browser tabs)
 * whose first `contact-view` was on that day, in the locale of that view. Of those visits,
 * - `contact_visits`: all of them;
 * - `visits_with_suggestions`: a `suggestions-shown` event with at least one article;
 * - `visits_opened`: at least one suggestion opened (an `open` from the contact page);
 * - `visits_opened_no_ticket`: opened a suggestion and have no `ticket-sent` event: deflected;
 * - `visits_with_ticket`: have a `ticket-sent` event (the service created a ticket).
 * A visit's events count whatever day they arrived on, as long as they are still kept.
 *
 * `visitors_daily`: distinct daily reader hashes per day and locale (visitors_today), added to the
 * day's count once the day is over; then the hashes are deleted.
 *
 * A finished day is computed from its raw events (its rows replaced) when it is first rolled up,
 * and once more when the next day is; running the rollup twice, or every hour, gives the same
 * rows, and a day whose raw events are gone keeps the rows computed before.
 */
import type { DatabaseSync } from 'node:sqlite';
import type { ReaderEventRollup } from '../types.ts';
import type { Row } from './database.ts';

/** Raw events are kept this many finished days. */
export const rawEventDays = 30;

/** The finished days (before `today`, YYYY-MM-DD UTC) that still have raw events, oldest first. */
export function finishedDays(db: DatabaseSync, today: string): string[] {
  return (
    db
      .prepare('SELECT DISTINCT day FROM reader_events WHERE day < ? ORDER BY day')
      .all(today) as Row[]
  ).map((row) => row.day as string);
}

/**
 * The finished days to (re)compute now: those never rolled up, and the day before each of them
 * (a visit that went on past midnight changes its "no click" and deflection figures). A month of
 * a busy help centre is seconds of work; an hourly run then redoes a day or two, not thirty.
 */
export function daysToRollUp(db: DatabaseSync, today: string): string[] {
  const finished = finishedDays(db, today);
  const rolled = new Set(
    (db.prepare('SELECT day FROM rolled_up_days').all() as Row[]).map((row) => row.day as string),
  );
  return finished.filter(
    (day, index) =>
      !rolled.has(day) || (index + 1 < finished.length && !rolled.has(finished[index + 1]!)),
  );
}

/** Records that a day was rolled up, inside the caller's transaction. */
export function markRolledUp(db: DatabaseSync, day: string, at: string): void {
  db.prepare(
    'INSERT INTO rolled_up_days (day, at) VALUES (?, ?) ON CONFLICT (day) DO UPDATE SET at = excluded.at',
  ).run(day, at);
}

/**
 * Replaces the search and deflection rows of one finished day with what its raw events say. Runs
 * inside the caller's transaction; one day at a time, so a month of events never holds the
 * (synchronous) database for long.
 */
export function rollupDay(db: DatabaseSync, day: string): void {
  db.prepare('DELETE FROM search_daily WHERE day = ?').run(day);
  db.prepare('DELETE FROM deflection_daily WHERE day = ?').run(day);
  db.prepare(
    `WITH day_visits AS (
       SELECT DISTINCT visit FROM reader_events WHERE day = :day AND kind IN ('search', 'open')
     ),
     ordered AS (
       SELECT e.day, e.locale, e.source, e.kind, e.query, e.results, e.rank,
         lead(e.kind) OVER (PARTITION BY e.visit, e.source ORDER BY e.at, e.id) AS next_kind
       FROM reader_events e JOIN day_visits USING (visit)
       WHERE e.kind IN ('search', 'open') AND e.day >= :day AND e.day <= date(:day, '+1 day')
     )
     INSERT INTO search_daily (day, locale, source, query, searches, no_result, no_click, opens,
       rank_sum)
     SELECT day, locale, source, query,
       sum(kind = 'search'),
       sum(kind = 'search' AND results = 0),
       sum(kind = 'search' AND results > 0 AND coalesce(next_kind, '') <> 'open'),
       sum(kind = 'open'),
       coalesce(sum(CASE WHEN kind = 'open' THEN rank END), 0)
     FROM ordered
     WHERE day = :day AND query IS NOT NULL
     GROUP BY locale, source, query`,
  ).run({ day });
  db.prepare(
    `WITH day_visits AS (
       SELECT DISTINCT visit FROM reader_events WHERE day = :day AND kind = 'contact-view'
     ),
     first_views AS (
       -- One min() and nothing else: SQLite takes locale from the row of the first view.
       SELECT e.visit, min(e.at) AS at, e.locale FROM reader_events e JOIN day_visits USING (visit)
       WHERE e.kind = 'contact-view' GROUP BY e.visit
     ),
     visits AS (
       SELECT e.visit,
         max(e.kind = 'suggestions-shown' AND json_array_length(e.articles) > 0) AS shown,
         max(e.kind = 'open') AS opened,
         max(e.kind = 'ticket-sent') AS ticket
       -- CROSS JOIN: the day's visits drive, each looked up by the visit index (not a full scan).
       FROM first_views f CROSS JOIN reader_events e ON e.visit = f.visit
       WHERE e.source = 'contact' AND substr(f.at, 1, 10) = :day
       GROUP BY e.visit
     )
     INSERT INTO deflection_daily (day, locale, contact_visits, visits_with_suggestions,
       visits_opened, visits_opened_no_ticket, visits_with_ticket)
     SELECT :day, f.locale, count(*), sum(v.shown), sum(v.opened), sum(v.opened AND NOT v.ticket),
       sum(v.ticket)
     FROM first_views f JOIN visits v USING (visit)
     GROUP BY f.locale`,
  ).run({ day });
}

/**
 * Retention, inside the caller's transaction: raw events older than 30 days, visitor hashes of
 * finished days (folded into their count first) and the salts of finished days.
 */
export function forgetFinished(
  db: DatabaseSync,
  today: string,
): Pick<ReaderEventRollup, 'deletedEvents' | 'visitorDays'> {
  const deletedEvents = db
    .prepare('DELETE FROM reader_events WHERE day < date(?, ?)')
    .run(today, `-${rawEventDays} days`).changes;
  db.prepare('DELETE FROM rolled_up_days WHERE day < date(?, ?)').run(
    today,
    `-${rawEventDays + 1} days`,
  );
  const visitorDays = foldVisitors(db, today);
  // Without the salt nobody can link a day's hashes to an address any more.
  db.prepare('DELETE FROM daily_salts WHERE day < ?').run(today);
  return { deletedEvents: Number(deletedEvents), visitorDays };
}

function foldVisitors(db: DatabaseSync, today: string): string[] {
  const days = (
    db
      .prepare('SELECT DISTINCT day FROM visitors_today WHERE day < ? ORDER BY day')
      .all(today) as Row[]
  ).map((row) => row.day as string);
  // Added, not replaced: hashes folded before are gone, and late ones (written after an earlier
  // rollup of the same day) are new readers of that day.
  db.prepare(
    `INSERT INTO visitors_daily (day, locale, visitors)
     SELECT day, locale, count(*) FROM visitors_today WHERE day < ? GROUP BY day, locale
     ON CONFLICT (day, locale) DO UPDATE SET visitors = visitors + excluded.visitors`,
  ).run(today);
  db.prepare('DELETE FROM visitors_today WHERE day < ?').run(today);
  return days;
}
