import { describe, expect, test } from 'vitest';
import pg from 'pg';
import { rollupLock } from '../../../src/server/store/postgres/reader-events-rollup.ts';
import { closing, emptyDatabase, onTwoInstances, usePostgresServer } from './postgres-database.ts';
import { openPostgresReaderData } from './reader-data.ts';
import {
  describeReaderEventStore,
  readerEvents,
  type ReaderData,
} from './reader-event-store.contract.ts';

const server = usePostgresServer('reader_events');

// Each test gets empty tables: the pool migrates on open, so dropping them is enough.
describeReaderEventStore('PostgreSQL', async () => {
  await emptyDatabase(server.url);
  return openPostgresReaderData(server.url);
});

/** Two instances of the service (a pool each) on one empty database. */
function twoInstances(work: (a: ReaderData, b: ReaderData) => Promise<void>) {
  return onTwoInstances(server.url, closing(openPostgresReaderData), work);
}

/** A connection of its own holding an advisory lock in an open transaction until released. */
async function holdLock(keys: [number, number], shared = false) {
  const client = new pg.Client({ connectionString: server.url });
  await client.connect();
  await client.query('BEGIN');
  const lock = shared ? 'pg_advisory_xact_lock_shared' : 'pg_advisory_xact_lock';
  await client.query(`SELECT ${lock}($1, $2)`, keys);
  return async () => {
    await client.query('COMMIT');
    await client.end();
  };
}

const dailyRows = (data: ReaderData) =>
  Promise.all([
    data.sql(`SELECT day, locale, source, query, searches, no_result, no_click, opens, rank_sum
      FROM search_daily ORDER BY day, locale, source, query`),
    data.sql('SELECT * FROM deflection_daily ORDER BY day, locale'),
    data.sql('SELECT * FROM visitors_daily ORDER BY day, locale'),
  ]);

describe('several instances rolling up one PostgreSQL database', () => {
  test('instances rolling up in the same hour write the rows one would, counting each reader once', async () => {
    // What one instance alone makes of a month of events and visitors.
    const seed = async (data: ReaderData) => {
      const { search, open, contact } = readerEvents();
      const days = Array.from(
        { length: 12 },
        (_, n) => `2026-11-${String(n + 10).padStart(2, '0')}`,
      );
      await data.events.record(
        days.flatMap((day, n) => [
          search(day, `S${n}`, 'verzendkosten', 4),
          open(day, `S${n}`, 'verzendkosten', (n % 3) + 1),
          search(day, `S${n}`, 'douane', n % 2),
          contact(day, `C${n}`, 'contact-view'),
          contact(day, `C${n}`, 'suggestions-shown', { articles: ['payouts'] }),
          contact(day, `C${n}`, n % 2 ? 'ticket-sent' : 'open', { query: 'uitbetaling', rank: 1 }),
          search('2026-10-01', `O${n}`, 'oud', 0),
        ]),
      );
      await data.events.recordVisitors(
        days.flatMap((day) =>
          (['en', 'nl', 'ko'] as const).flatMap((locale) =>
            ['h1', 'h2', 'h3'].map((visitor) => ({ day, locale, visitor })),
          ),
        ),
      );
    };
    let alone: Awaited<ReturnType<typeof dailyRows>> | undefined;
    await twoInstances(async (a) => {
      await seed(a);
      await a.events.rollup('2026-11-30');
      alone = await dailyRows(a);
    });
    await twoInstances(async (a, b) => {
      await seed(a);
      const runs = await Promise.all(
        Array.from({ length: 6 }, (_, n) => (n % 2 ? a : b).events.rollup('2026-11-30')),
      );
      expect(await dailyRows(b)).toEqual(alone);
      expect(runs.reduce((sum, run) => sum + run.deletedEvents, 0)).toBe(12);
      const days = new Set(runs.flatMap((run) => run.days));
      expect(days.size).toBe(13);
      expect(runs.flatMap((run) => run.visitorDays).sort()).toEqual(
        [...new Set(runs.flatMap((run) => run.visitorDays))].sort(),
      );
      expect(await b.sql('SELECT count(*) AS n FROM visitors_today')).toEqual([{ n: 0 }]);
    });
  });

  test('visitors recorded while another instance folds them are counted once and never lost', async () => {
    await twoInstances(async (a, b) => {
      const day = '2026-11-28';
      // A hash folded before and seen again is a new reader of the day: each batch has its own.
      const writes = Array.from({ length: 40 }, (_, n) =>
        a.events.recordVisitors([
          { day, locale: 'en', visitor: `h${n}` },
          { day, locale: 'en', visitor: `h${n}` },
        ]),
      );
      const folds = Array.from({ length: 8 }, () => b.events.rollup('2026-11-29'));
      await Promise.all([...writes, ...folds]);
      await b.events.rollup('2026-11-29');
      expect(await a.sql('SELECT day, locale, visitors FROM visitors_daily')).toEqual([
        { day, locale: 'en', visitors: 40 },
      ]);
    });
  });

  test('an instance leaves a day another is computing to it, and computes it once free', async () => {
    await twoInstances(async (a) => {
      const { search } = readerEvents();
      await a.events.record([
        search('2026-11-27', 'A', 'refund', 2),
        search('2026-11-28', 'A', 'refund', 0),
      ]);
      const release = await holdLock(rollupLock('2026-11-28'));
      try {
        expect((await a.events.rollup('2026-11-30')).days).toEqual(['2026-11-27']);
      } finally {
        await release();
      }
      // Now free, with the day before it, as after any new day.
      expect((await a.events.rollup('2026-11-30')).days).toEqual(['2026-11-27', '2026-11-28']);
      expect(await a.sql('SELECT day, no_result FROM search_daily ORDER BY day')).toEqual([
        { day: '2026-11-27', no_result: 0 },
        { day: '2026-11-28', no_result: 1 },
      ]);
    });
  });

  test('retention waits for a day being computed before it deletes raw events', async () => {
    await twoInstances(async (a) => {
      const { search } = readerEvents();
      await a.events.record([search('2026-10-01', 'O', 'old question', 0)]);
      await a.events.rollup('2026-10-05');
      // Another instance is computing a day: it holds retention's lock shared.
      const release = await holdLock(rollupLock(null), true);
      let finished = false;
      const rollup = a.events.rollup('2026-11-30').finally(() => {
        finished = true;
      });
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(finished).toBe(false);
      expect(await a.sql('SELECT count(*) AS n FROM reader_events')).toEqual([{ n: 1 }]);
      await release();
      expect((await rollup).deletedEvents).toBe(1);
      expect(await a.sql('SELECT day, no_result FROM search_daily')).toEqual([
        { day: '2026-10-01', no_result: 1 },
      ]);
    });
  });
});
