/**
 * From raw reader events to the daily rows the leads' reports read, and retention, on PostgreSQL:
 * the same definitions as ../sqlite/reader-events-rollup.ts (read them there), for several
 * instances that each run the rollup every hour, often in the same minute.
 *
 * What several instances change:
 * - A day is (re)computed in a transaction holding an advisory lock of its own, taken with
 *   pg_try_advisory_xact_lock: an instance that finds the day locked leaves it to the instance
 *   computing it. Under the lock, a day another instance finished since this run listed its days
 *   is left alone, and so is a day whose raw events are gone (it keeps the rows computed before).
 *   Without the lock, two instances replacing one day's rows would collide on its primary keys.
 * - Retention holds one more advisory lock exclusively, which every day's computation holds
 *   shared: raw events are never deleted in the middle of a day's computation.
 * - Visitors are folded by one statement that deletes the hashes and counts exactly the rows it
 *   deleted: two folds never count a hash twice, and a mark written meanwhile is never lost.
 * - Date arithmetic is done here in TypeScript, so a day's text never depends on the server's
 *   DateStyle; days are sorted here, and text orderings in SQL use COLLATE "C" (SQLite's order).
 */
import type pg from 'pg';
import type { ReaderEventRollup } from '../types.ts';
import type { Row } from './database.ts';

/** Raw events are kept this many finished days. */
export const rawEventDays = 30;

/** The first key of the rollup's advisory locks ("ROLL"); the second is a day number, or 0. */
const ROLLUP_LOCK = 0x524f_4c4c;
/** The second key held by retention (exclusively) and by every day's computation (shared). */
const RETENTION_KEY = 0;

/** The advisory lock (two int4 keys) held while `day` is computed; `null`: retention's lock. */
export function rollupLock(day: string | null): [number, number] {
  return [ROLLUP_LOCK, day === null ? RETENTION_KEY : dayNumber(day)];
}

/** YYYY-MM-DD plus `days` (negative: before). */
export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00.000Z`) + days * 86_400_000)
    .toISOString()
    .slice(0, 10);
}

/** The day as a number for its advisory lock: days since 1970-01-01. */
function dayNumber(day: string): number {
  return Math.round(Date.parse(`${day}T00:00:00.000Z`) / 86_400_000);
}

/** The finished days (before `today`) that still have raw events, oldest first. */
export async function finishedDays(db: pg.Pool | pg.PoolClient, today: string): Promise<string[]> {
  const { rows } = await db.query<{ day: string }>(
    'SELECT DISTINCT day FROM reader_events WHERE day < $1',
    [today],
  );
  // Sorted here: YYYY-MM-DD in code-unit order, whatever the database's collation.
  return rows.map((row) => row.day).sort();
}

/** A finished day to compute, and the next finished day with raw events (whose visits it shares). */
export interface DayToRollUp {
  day: string;
  next: string | undefined;
}

/**
 * The finished days to (re)compute now: those never rolled up, and the day before each of them,
 * as on SQLite.
 */
export async function daysToRollUp(db: pg.Pool, today: string): Promise<DayToRollUp[]> {
  const finished = await finishedDays(db, today);
  const rolled = await rolledUp(db, finished);
  return finished
    .map((day, index) => ({ day, next: finished[index + 1] }))
    .filter(({ day, next }) => !rolled.has(day) || (next !== undefined && !rolled.has(next)));
}

async function rolledUp(
  db: pg.Pool | pg.PoolClient,
  days: readonly string[],
): Promise<Set<string>> {
  if (days.length === 0) return new Set();
  const { rows } = await db.query<{ day: string }>(
    'SELECT day FROM rolled_up_days WHERE day = ANY($1::text[])',
    [days],
  );
  return new Set(rows.map((row) => row.day));
}

/**
 * Recomputes one day inside the caller's transaction, if this instance may and should: resolves
 * with false when another instance holds the day, has finished it since the caller listed it, or
 * the day's raw events are gone.
 */
export async function rollupDay(
  client: pg.PoolClient,
  { day, next }: DayToRollUp,
  at: string,
): Promise<boolean> {
  const { rows } = await client.query<{ mine: boolean }>(
    'SELECT pg_try_advisory_xact_lock($1, $2) AS mine',
    [ROLLUP_LOCK, dayNumber(day)],
  );
  if (!rows[0]?.mine) return false;
  await client.query('SELECT pg_advisory_xact_lock_shared($1, $2)', [ROLLUP_LOCK, RETENTION_KEY]);
  const rolled = await rolledUp(client, next === undefined ? [day] : [day, next]);
  if (rolled.has(day) && (next === undefined || rolled.has(next))) return false;
  const kept = await client.query('SELECT 1 FROM reader_events WHERE day = $1 LIMIT 1', [day]);
  if (kept.rowCount === 0) return false;

  await client.query('DELETE FROM search_daily WHERE day = $1', [day]);
  await client.query('DELETE FROM deflection_daily WHERE day = $1', [day]);
  await client.query(
    `WITH day_visits AS (
       SELECT DISTINCT visit FROM reader_events WHERE day = $1 AND kind IN ('search', 'open')
     ),
     ordered AS (
       SELECT e.day, e.locale, e.source, e.kind, e.query, e.results, e.rank,
         lead(e.kind) OVER (PARTITION BY e.visit, e.source ORDER BY e.at COLLATE "C", e.id)
           AS next_kind
       FROM reader_events e JOIN day_visits USING (visit)
       WHERE e.kind IN ('search', 'open') AND e.day >= $1 AND e.day <= $2
     )
     INSERT INTO search_daily (day, locale, source, query, searches, no_result, no_click, opens,
       rank_sum)
     SELECT $1, locale, source, query,
       count(*) FILTER (WHERE kind = 'search'),
       count(*) FILTER (WHERE kind = 'search' AND results = 0),
       count(*) FILTER (WHERE kind = 'search' AND results > 0
                          AND coalesce(next_kind, '') <> 'open'),
       count(*) FILTER (WHERE kind = 'open'),
       coalesce(sum(rank) FILTER (WHERE kind = 'open'), 0)
     FROM ordered
     WHERE day = $1 AND query IS NOT NULL
     GROUP BY locale, source, query`,
    [day, addDays(day, 1)],
  );
  await client.query(
    `WITH day_visits AS (
       SELECT DISTINCT visit FROM reader_events WHERE day = $1 AND kind = 'contact-view'
     ),
     first_views AS (
       -- The locale of each visit's first view (SQLite's min() takes it from that row).
       SELECT DISTINCT ON (e.visit) e.visit, e.at, e.locale
       FROM reader_events e JOIN day_visits USING (visit)
       WHERE e.kind = 'contact-view'
       ORDER BY e.visit, e.at COLLATE "C", e.id
     ),
     visits AS (
       SELECT e.visit,
         bool_or(e.kind = 'suggestions-shown' AND jsonb_array_length(e.articles) > 0) AS shown,
         bool_or(e.kind = 'open') AS opened,
         bool_or(e.kind = 'ticket-sent') AS ticket
       FROM first_views f JOIN reader_events e ON e.visit = f.visit
       WHERE e.source = 'contact' AND substr(f.at, 1, 10) = $1
       GROUP BY e.visit
     )
     INSERT INTO deflection_daily (day, locale, contact_visits, visits_with_suggestions,
       visits_opened, visits_opened_no_ticket, visits_with_ticket)
     SELECT $1, f.locale, count(*), count(*) FILTER (WHERE v.shown),
       count(*) FILTER (WHERE v.opened), count(*) FILTER (WHERE v.opened AND NOT v.ticket),
       count(*) FILTER (WHERE v.ticket)
     FROM first_views f JOIN visits v USING (visit)
     GROUP BY f.locale`,
    [day],
  );
  await client.query(
    `INSERT INTO rolled_up_days (day, at) VALUES ($1, $2)
     ON CONFLICT (day) DO UPDATE SET at = excluded.at`,
    [day, at],
  );
  return true;
}

/**
 * Retention, inside the caller's transaction: raw events older than 30 days, visitor hashes of
 * finished days (folded into their count first) and the salts of finished days.
 */
export async function forgetFinished(
  client: pg.PoolClient,
  today: string,
): Promise<Pick<ReaderEventRollup, 'deletedEvents' | 'visitorDays'>> {
  await client.query('SELECT pg_advisory_xact_lock($1, $2)', [ROLLUP_LOCK, RETENTION_KEY]);
  const deleted = await client.query('DELETE FROM reader_events WHERE day < $1', [
    addDays(today, -rawEventDays),
  ]);
  await client.query('DELETE FROM rolled_up_days WHERE day < $1', [
    addDays(today, -(rawEventDays + 1)),
  ]);
  // Added, not replaced: hashes folded before are gone, and late ones are new readers of the day.
  const folded = await client.query<Row>(
    `WITH gone AS (
       DELETE FROM visitors_today WHERE day < $1 RETURNING day, locale
     ),
     counted AS (
       INSERT INTO visitors_daily (day, locale, visitors)
       SELECT day, locale, count(*) FROM gone GROUP BY day, locale
       ON CONFLICT (day, locale) DO UPDATE SET visitors = visitors_daily.visitors + excluded.visitors
       RETURNING day
     )
     SELECT DISTINCT day FROM counted`,
    [today],
  );
  // Without the salt nobody can link a day's hashes to an address any more.
  await client.query('DELETE FROM daily_salts WHERE day < $1', [today]);
  return {
    deletedEvents: deleted.rowCount ?? 0,
    visitorDays: folded.rows.map((row) => row.day as string).sort(),
  };
}
