/**
 * What every ReaderEventStore promises, whatever the database: run by reader-event-store.sqlite
 * and reader-event-store.postgres against a real SQLite file and a real PostgreSQL server. The
 * daily rows are read back with plain SQL both dialects understand, and every figure is worked
 * out by hand from the definitions in src/server/store/sqlite/reader-events-rollup.ts.
 */
import { describe, expect, test } from 'vitest';
import type {
  ReaderEvent,
  ReaderEventStore,
  ReportStore,
} from '../../../src/server/store/types.ts';

export type Rows = Array<Record<string, unknown>>;

/** The readers' stores on one database, and a way to look at its tables. */
export interface ReaderData {
  events: ReaderEventStore;
  reports: ReportStore;
  /** One statement of plain SQL that reads (or writes) the same way in both dialects. */
  sql(text: string): Promise<Rows>;
  close(): Promise<void>;
}

/** Opens the stores on an empty database. */
export type OpenReaderData = () => Promise<ReaderData>;

/** Runs a test on freshly opened stores and closes them whatever happens. */
export function withData(open: OpenReaderData, work: (data: ReaderData) => Promise<void>) {
  return async () => {
    const data = await open();
    try {
      await work(data);
    } finally {
      await data.close();
    }
  };
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Builders of events in the order they arrive, one second apart, on the day given. */
export function readerEvents() {
  let arrived = 0;
  const at = (day: string) => {
    const n = arrived++;
    return `${day}T12:${pad(Math.floor(n / 60))}:${pad(n % 60)}.000Z`;
  };
  const event = (day: string, fields: Partial<ReaderEvent>): ReaderEvent => ({
    at: at(day),
    kind: 'search',
    source: 'search',
    locale: 'en',
    visit: 'v',
    query: null,
    results: null,
    rank: null,
    articleId: null,
    articles: [],
    ...fields,
  });
  return {
    event,
    search: (
      day: string,
      visit: string,
      query: string,
      results: number,
      source: ReaderEvent['source'] = 'search',
    ) => event(day, { kind: 'search', visit, query, results, source }),
    open: (
      day: string,
      visit: string,
      query: string,
      rank: number,
      source: ReaderEvent['source'] = 'search',
    ) => event(day, { kind: 'open', visit, query, rank, articleId: 'shipping-costs', source }),
    contact: (
      day: string,
      visit: string,
      kind: ReaderEvent['kind'],
      fields: Partial<ReaderEvent> = {},
    ) => event(day, { kind, visit, source: 'contact', locale: 'nl', ...fields }),
  };
}

const day = '2026-11-28';
const searchColumns = 'source, query, searches, no_result, no_click, opens, rank_sum';
const deflectionColumns = `day, locale, contact_visits, visits_with_suggestions, visits_opened,
  visits_opened_no_ticket, visits_with_ticket`;

export function describeReaderEventStore(database: string, open: OpenReaderData): void {
  const it = (name: string, work: (data: ReaderData) => Promise<void>) =>
    test(name, withData(open, work));

  describe(`the reader event store on ${database}`, () => {
    it('stores a batch and says how many, each event on the day it arrived', async (data) => {
      const { search, open: opened, contact } = readerEvents();
      expect(await data.events.record([])).toBe(0);
      expect(
        await data.events.record([
          search(day, 'A', 'verzendkosten', 4),
          opened('2026-11-29', 'A', 'verzendkosten', 2),
          contact(day, 'B', 'suggestions-shown', { articles: ['payouts'] }),
        ]),
      ).toBe(3);
      expect(
        await data.sql(`SELECT at, day, locale, source, kind, visit, query, results, rank,
          article_id FROM reader_events ORDER BY id`),
      ).toEqual([
        {
          at: `${day}T12:00:00.000Z`,
          day,
          locale: 'en',
          source: 'search',
          kind: 'search',
          visit: 'A',
          query: 'verzendkosten',
          results: 4,
          rank: null,
          article_id: null,
        },
        {
          at: '2026-11-29T12:00:01.000Z',
          day: '2026-11-29',
          locale: 'en',
          source: 'search',
          kind: 'open',
          visit: 'A',
          query: 'verzendkosten',
          results: null,
          rank: 2,
          article_id: 'shipping-costs',
        },
        {
          at: `${day}T12:00:02.000Z`,
          day,
          locale: 'nl',
          source: 'contact',
          kind: 'suggestions-shown',
          visit: 'B',
          query: null,
          results: null,
          rank: null,
          article_id: null,
        },
      ]);
    });

    it('stores none of a batch when the database refuses one of its events', async (data) => {
      const { search, event } = readerEvents();
      await expect(
        data.events.record([
          search(day, 'A', 'refund', 1),
          event(day, { kind: 'teleport' as ReaderEvent['kind'], visit: 'A' }),
        ]),
      ).rejects.toThrow();
      expect(await data.sql('SELECT count(*) AS n FROM reader_events')).toEqual([{ n: 0 }]);
    });

    it('keeps the order of a batch whose events arrived in the same instant', async (data) => {
      const { event } = readerEvents();
      const at = `${day}T08:00:00.000Z`;
      const search = (visit: string) =>
        event(day, { at, kind: 'search', visit, query: 'refund', results: 3 });
      const open = (visit: string) =>
        event(day, { at, kind: 'open', visit, query: 'refund', rank: 1, articleId: 'refunds' });
      // P searched, then opened; Q's open came before its search, which then led nowhere.
      await data.events.record([search('P'), open('P'), open('Q'), search('Q')]);
      await data.events.rollup('2026-11-30');
      expect(await data.sql(`SELECT ${searchColumns} FROM search_daily`)).toEqual([
        {
          source: 'search',
          query: 'refund',
          searches: 2,
          no_result: 0,
          no_click: 1,
          opens: 2,
          rank_sum: 2,
        },
      ]);
    });

    it('counts searches, no-result and no-click searches, opens and their ranks per source', async (data) => {
      const { search, open: opened } = readerEvents();
      await data.events.record([
        // A: opens the second result of its first search, then searches again and opens nothing.
        search(day, 'A', 'shipping costs', 5),
        opened(day, 'A', 'shipping costs', 2),
        search(day, 'A', 'customs', 3),
        // A in the header: opening a result on the search page does not count for quick search.
        search(day, 'A', 'refund', 2, 'quick'),
        // B: refines the query before opening anything, then finds nothing.
        search(day, 'B', 'shipping costs', 5),
        search(day, 'B', 'zzz', 0),
        // C in the header: two results opened from one search.
        search(day, 'C', 'shipping costs', 4, 'quick'),
        opened(day, 'C', 'shipping costs', 1, 'quick'),
        opened(day, 'C', 'shipping costs', 3, 'quick'),
        search('2026-11-30', 'T', 'today', 1),
      ]);
      const result = await data.events.rollup('2026-11-30');
      expect(result).toEqual({ days: [day], deletedEvents: 0, visitorDays: [] });
      const row = (source: string, query: string, counts: number[]) => {
        const [searches, no_result, no_click, opens, rank_sum] = counts;
        return { source, query, searches, no_result, no_click, opens, rank_sum };
      };
      expect(
        await data.sql(`SELECT ${searchColumns} FROM search_daily
          WHERE day = '${day}' AND locale = 'en' ORDER BY source, query`),
      ).toEqual([
        row('quick', 'refund', [1, 0, 1, 0, 0]),
        row('quick', 'shipping costs', [1, 0, 0, 2, 4]),
        row('search', 'customs', [1, 0, 1, 0, 0]),
        row('search', 'shipping costs', [2, 0, 1, 1, 2]),
        row('search', 'zzz', [1, 1, 0, 0, 0]),
      ]);
      // Today is not finished: its searches are not rolled up yet.
      expect(await data.sql(`SELECT * FROM search_daily WHERE day = '2026-11-30'`)).toEqual([]);
    });

    it('counts a search as clicked when its visit opened a result after midnight', async (data) => {
      const { event } = readerEvents();
      await data.events.record([
        event(day, { at: `${day}T23:59:58.000Z`, visit: 'N', query: 'payouts', results: 2 }),
        event('2026-11-29', {
          at: '2026-11-29T00:00:03.000Z',
          kind: 'open',
          visit: 'N',
          query: 'payouts',
          rank: 1,
        }),
      ]);
      await data.events.rollup('2026-11-30');
      expect(
        await data.sql(`SELECT day, searches, no_click, opens FROM search_daily ORDER BY day`),
      ).toEqual([
        { day, searches: 1, no_click: 0, opens: 0 },
        { day: '2026-11-29', searches: 0, no_click: 0, opens: 1 },
      ]);
    });

    it('keeps queries in every language as they were masked', async (data) => {
      const { search } = readerEvents();
      const queries = ['배송비는', 'доставка ёлки', 'Versandkosten für €', 'l\'envoi "rapide"'];
      await data.events.record(queries.map((query, n) => search(day, `V${n}`, query, 0)));
      await data.events.rollup('2026-11-30');
      const stored = await data.sql('SELECT query, no_result FROM search_daily');
      expect(stored.map((row) => row.query).sort()).toEqual([...queries].sort());
      expect(stored.every((row) => row.no_result === 1)).toBe(true);
    });

    it('counts contact visits that opened a suggestion and sent no ticket as deflected', async (data) => {
      const { contact } = readerEvents();
      await data.events.record([
        // D: opened a suggestion, sent nothing: deflected.
        contact(day, 'D', 'contact-view'),
        contact(day, 'D', 'suggestions-shown', { articles: ['payouts', 'seller-fees'] }),
        contact(day, 'D', 'open', { query: 'uitbetaling', rank: 1, articleId: 'payouts' }),
        // E: opened a suggestion and still sent a ticket.
        contact(day, 'E', 'contact-view'),
        contact(day, 'E', 'suggestions-shown', { articles: ['payouts'] }),
        contact(day, 'E', 'open', { query: 'uitbetaling', rank: 2, articleId: 'payouts' }),
        contact(day, 'E', 'ticket-sent'),
        // F: nothing to suggest, sent a ticket (the next day, after coming back to the tab).
        contact(day, 'F', 'contact-view'),
        contact(day, 'F', 'suggestions-shown', { articles: [] }),
        contact('2026-11-29', 'F', 'ticket-sent'),
        // G: looked and left; came back the next day in German, still the same visit.
        contact(day, 'G', 'contact-view'),
        contact('2026-11-29', 'G', 'contact-view', { locale: 'de' }),
        // H: a German visit the day before.
        contact('2026-11-27', 'H', 'contact-view', { locale: 'de' }),
      ]);
      await data.events.rollup('2026-11-30');
      const row = (day: string, locale: string, counts: number[]) => {
        const [contact_visits, shown, opened, deflected, ticket] = counts;
        return {
          day,
          locale,
          contact_visits,
          visits_with_suggestions: shown,
          visits_opened: opened,
          visits_opened_no_ticket: deflected,
          visits_with_ticket: ticket,
        };
      };
      expect(
        await data.sql(`SELECT ${deflectionColumns} FROM deflection_daily ORDER BY day, locale`),
      ).toEqual([row('2026-11-27', 'de', [1, 0, 0, 0, 0]), row(day, 'nl', [4, 2, 2, 1, 2])]);
      // The suggestions opened count as contact-page searches' opens, with their ranks.
      expect(
        await data.sql(`SELECT query, opens, rank_sum FROM search_daily WHERE source = 'contact'`),
      ).toEqual([{ query: 'uitbetaling', opens: 2, rank_sum: 3 }]);
    });

    it('folds the visitors of finished days into their count and forgets the hashes', async (data) => {
      await data.events.recordVisitors([]);
      await data.events.recordVisitors([
        { day, locale: 'en', visitor: 'h1' },
        { day, locale: 'en', visitor: 'h2' },
        { day, locale: 'en', visitor: 'h1' },
        { day, locale: 'ko', visitor: 'h1' },
        { day: '2026-11-30', locale: 'en', visitor: 'h3' },
      ]);
      await data.events.recordVisitors([{ day, locale: 'en', visitor: 'h2' }]);
      expect(await data.events.rollup('2026-11-30')).toEqual({
        days: [],
        deletedEvents: 0,
        visitorDays: [day],
      });
      expect(await data.sql('SELECT * FROM visitors_daily ORDER BY day, locale')).toEqual([
        { day, locale: 'en', visitors: 2 },
        { day, locale: 'ko', visitors: 1 },
      ]);
      expect(await data.sql('SELECT day, visitor FROM visitors_today')).toEqual([
        { day: '2026-11-30', visitor: 'h3' },
      ]);
    });

    it('adds visitors of a finished day that arrive after it was folded', async (data) => {
      await data.events.recordVisitors([{ day, locale: 'en', visitor: 'h1' }]);
      await data.events.rollup('2026-11-29');
      await data.events.recordVisitors([
        { day, locale: 'en', visitor: 'late' },
        { day, locale: 'ru', visitor: 'late' },
      ]);
      expect((await data.events.rollup('2026-11-30')).visitorDays).toEqual([day]);
      expect(await data.sql('SELECT * FROM visitors_daily ORDER BY day, locale')).toEqual([
        { day, locale: 'en', visitors: 2 },
        { day, locale: 'ru', visitors: 1 },
      ]);
    });

    it('is idempotent: a second run leaves every daily row as it was', async (data) => {
      const { search, contact } = readerEvents();
      await data.events.record([
        search(day, 'A', 'refund', 2),
        search('2026-11-29', 'A', 'refund', 0),
        contact(day, 'D', 'contact-view'),
      ]);
      await data.events.recordVisitors([{ day, locale: 'en', visitor: 'h1' }]);
      const snapshot = () =>
        Promise.all(
          ['search_daily', 'deflection_daily', 'visitors_daily', 'visitors_today'].map((table) =>
            data.sql(`SELECT * FROM ${table} ORDER BY 1, 2, 3`),
          ),
        );
      await data.events.rollup('2026-11-30');
      const before = await snapshot();
      const again = await data.events.rollup('2026-11-30');
      expect(await snapshot()).toEqual(before);
      expect(again).toEqual({ days: [], deletedEvents: 0, visitorDays: [] });
    });

    it('an hourly run redoes only new days and the day before each, whose visits may go on', async (data) => {
      const { search } = readerEvents();
      await data.events.record([
        search('2026-11-26', 'A', 'refund', 2),
        search(day, 'A', 'refund', 2),
      ]);
      expect((await data.events.rollup('2026-11-30')).days).toEqual(['2026-11-26', day]);
      expect((await data.events.rollup('2026-11-30')).days).toEqual([]);
      await data.events.record([search('2026-11-30', 'N', 'new question', 0)]);
      expect((await data.events.rollup('2026-12-01')).days).toEqual([day, '2026-11-30']);
      expect((await data.events.rollup('2026-12-01')).days).toEqual([]);
    });

    it('deletes raw events older than 30 days after rolling their day up, keeping the totals', async (data) => {
      const { search } = readerEvents();
      await data.events.record([
        search('2026-10-15', 'O', 'old question', 0),
        search('2026-10-30', 'O', 'old question', 0),
        search('2026-10-31', 'O', 'old question', 0),
      ]);
      const result = await data.events.rollup('2026-11-30');
      expect(result.days).toEqual(['2026-10-15', '2026-10-30', '2026-10-31']);
      expect(result.deletedEvents).toBe(2);
      expect(await data.sql(`SELECT DISTINCT day FROM reader_events ORDER BY day`)).toEqual([
        { day: '2026-10-31' },
      ]);
      const oldRows = () =>
        data.sql(`SELECT day, no_result FROM search_daily WHERE query = 'old question'
          ORDER BY day`);
      const expected = [
        { day: '2026-10-15', no_result: 1 },
        { day: '2026-10-30', no_result: 1 },
        { day: '2026-10-31', no_result: 1 },
      ];
      expect(await oldRows()).toEqual(expected);
      // The days whose raw events are gone keep their rows when the rollup runs again.
      expect((await data.events.rollup('2026-11-30')).deletedEvents).toBe(0);
      expect((await data.events.rollup('2026-12-01')).deletedEvents).toBe(1);
      expect(await oldRows()).toEqual(expected);
    });

    it('deletes the salts of finished days and keeps today’s', async (data) => {
      await data.sql(`INSERT INTO daily_salts (day, salt) VALUES ('2026-11-28', 'a'),
        ('2026-11-29', 'b'), ('2026-11-30', 'c')`);
      await data.events.rollup('2026-11-30');
      expect(await data.sql('SELECT day FROM daily_salts')).toEqual([{ day: '2026-11-30' }]);
    });
  });
}
