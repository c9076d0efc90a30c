// Readers' search and contact-page events (POST /api/events), their daily rollup and retention,
// and visitors counted from the pages the Node server answers.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { Temporal } from 'temporal-polyfill';
import { afterAll, describe, expect, test } from 'vitest';
import { createApp } from '../../src/server/app.ts';
import { readServerEnv } from '../../src/server/env.ts';
import { silentLogger } from '../../src/server/log.ts';
import { startNodeServer } from '../../src/server/node.ts';
import { openSqliteStores } from '../../src/server/store/sqlite/index.ts';
import type { ReaderEvent } from '../../src/server/store/types.ts';
import { loadSupportConfig } from '../../src/server/support/load.ts';
import { fakeBuild, tempDir } from './helpers.ts';

const dataDir = tempDir('events-data');
const stores = openSqliteStores({ dataDir });
afterAll(() => stores.close());
let clock = Date.parse('2026-11-30T10:00:00Z');
const app = createApp({
  stores,
  support: loadSupportConfig(),
  now: () => Temporal.Instant.fromEpochMilliseconds(clock),
  clientAddress: (c) => c.req.header('x-test-client'),
  eventRateLimit: { max: 3, windowSeconds: 60 },
  log: silentLogger,
});

const visit = 'b3c1f2de-0000-4000-8000-000000000001';
let clients = 0;

/** Each call is a new client unless one is given, so the rate limit stays out of the way. */
function post(body: unknown, headers: Record<string, string> = {}, client = `c${++clients}`) {
  return app.request('/api/events', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-test-client': client, ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

function rows(sql: string, ...params: Array<string | number>): Array<Record<string, unknown>> {
  return rowsIn(dataDir, sql, ...params);
}

function rowsIn(
  dir: string,
  sql: string,
  ...params: Array<string | number>
): Array<Record<string, unknown>> {
  const db = new DatabaseSync(join(dir, 'tickets.sqlite'), { readOnly: true });
  try {
    return db.prepare(sql).all(...params) as Array<Record<string, unknown>>;
  } finally {
    db.close();
  }
}

describe('POST /api/events', () => {
  test('accepts a batch with 202 and stores it with the service time, queries masked', async () => {
    const response = await post({
      events: [
        {
          kind: 'search',
          source: 'search',
          locale: 'en',
          visit: `${visit}a`,
          query: 'Where is LOT 12345, anna@example.com?',
          results: 0,
        },
        {
          kind: 'open',
          source: 'quick',
          locale: 'ru',
          visit: `${visit}a`,
          query: 'Карта 4111 1111 1111 1111',
          rank: 2,
          articleId: 'payment-methods',
        },
        { kind: 'contact-view', locale: 'nl', visit: `${visit}a` },
        {
          kind: 'suggestions-shown',
          locale: 'nl',
          visit: `${visit}a`,
          articles: ['payouts', 'seller-fees'],
        },
      ],
    });
    expect(response.status).toBe(202);
    expect(await response.json()).toEqual({ accepted: 4, dropped: 0 });
    const stored = rows('SELECT * FROM reader_events WHERE visit = ? ORDER BY id', `${visit}a`);
    expect(stored.map((row) => [row.kind, row.source, row.locale, row.query])).toEqual([
      ['search', 'search', 'en', 'where is [lot], [email]?'],
      ['open', 'quick', 'ru', 'карта [number]'],
      ['contact-view', 'contact', 'nl', null],
      ['suggestions-shown', 'contact', 'nl', null],
    ]);
    expect(stored[0]).toMatchObject({
      at: '2026-11-30T10:00:00.000Z',
      day: '2026-11-30',
      results: 0,
    });
    expect(stored[1]).toMatchObject({ rank: 2, article_id: 'payment-methods' });
    expect(JSON.parse(stored[3]!.articles as string)).toEqual(['payouts', 'seller-fees']);
  });

  test('drops invalid events and counts them, keeping the valid rest of the batch', async () => {
    const response = await post({
      events: [
        {
          kind: 'search',
          source: 'search',
          locale: 'en',
          visit: `${visit}b`,
          query: 'fees',
          results: 3,
        },
        { kind: 'scroll', source: 'search', locale: 'en', visit: `${visit}b` },
        {
          kind: 'search',
          source: 'search',
          locale: 'pt',
          visit: `${visit}b`,
          query: 'taxas',
          results: 1,
        },
        {
          kind: 'open',
          source: 'search',
          locale: 'en',
          visit: `${visit}b`,
          query: 'fees',
          rank: 0,
          articleId: 'seller-fees',
        },
        {
          kind: 'open',
          source: 'search',
          locale: 'en',
          visit: `${visit}b`,
          query: 'fees',
          rank: 1,
          articleId: '../etc',
        },
        {
          kind: 'search',
          source: 'search',
          locale: 'en',
          visit: `${visit}b`,
          query: '   ',
          results: 1,
        },
        'not an event',
      ],
    });
    expect(response.status).toBe(202);
    expect(await response.json()).toEqual({ accepted: 1, dropped: 6 });
    expect(rows('SELECT query FROM reader_events WHERE visit = ?', `${visit}b`)).toEqual([
      { query: 'fees' },
    ]);
  });

  test('refuses a batch with no valid event with a problem naming what was wrong', async () => {
    const response = await post({
      events: [
        { kind: 'scroll', locale: 'en', visit },
        { kind: 'contact-view', locale: 'pt', visit },
      ],
    });
    expect(response.status).toBe(422);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    const problem = await response.json();
    expect(problem.type).toBe('/problems/validation');
    expect(problem.errors.map((error: { field: string }) => error.field)).toEqual([
      'events.0.kind',
      'events.1.locale',
    ]);
  });

  test('says what a field of the wrong type must be, and "required" only when it is missing', async () => {
    const response = await post({
      events: [
        { kind: 'search', source: 7, locale: 7, visit: 7, query: 7, results: '3' },
        { kind: 'open', source: 'search', locale: 'en', visit, rank: 0.5, articleId: 7 },
        { kind: 'suggestions-shown', locale: 'en', visit, articles: 'payouts' },
        { kind: 'contact-view', locale: 'en' },
      ],
    });
    expect(response.status).toBe(422);
    const { errors } = (await response.json()) as { errors: Array<{ message: string }> };
    expect(errors.map((error) => error.message)).toEqual([
      expect.stringMatching(/^source must be one of: /),
      'rank must be a whole number from 1 to 1000',
      'articles must be a list of article ids',
      'visit is required',
    ]);
  });

  test('refuses more than 50 events, a body that is not {events: [...]}, and non-JSON', async () => {
    const event = { kind: 'contact-view', locale: 'en', visit };
    const tooMany = await post({ events: Array.from({ length: 51 }, () => event) });
    expect(tooMany.status).toBe(422);
    expect((await tooMany.json()).errors).toEqual([
      { field: 'events', message: 'at most 50 events per batch' },
    ]);
    expect((await post({ events: [] })).status).toBe(422);
    expect((await post([event])).status).toBe(400);
    expect((await post('{"events": [')).status).toBe(400);
    expect((await post('events', { 'content-type': 'text/plain' })).status).toBe(415);
  });

  test('refuses a body over 16 KiB with 413', async () => {
    const response = await post({
      events: [
        {
          kind: 'search',
          source: 'search',
          locale: 'en',
          visit,
          query: 'x'.repeat(17_000),
          results: 1,
        },
      ],
    });
    expect(response.status).toBe(413);
    expect((await response.json()).type).toBe('/problems/payload-too-large');
  });

  test('answers 429 with Retry-After once a client sent too many batches', async () => {
    const batch = { events: [{ kind: 'contact-view', locale: 'en', visit: `${visit}r` }] };
    for (let i = 0; i < 3; i++) expect((await post(batch, {}, 'busy')).status).toBe(202);
    const refused = await post(batch, {}, 'busy');
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('60');
    expect((await refused.json()).type).toBe('/problems/rate-limited');
    expect((await post(batch, {}, 'someone-else')).status).toBe(202);
  });

  test('stores nothing when the browser says Do Not Track or Global Privacy Control', async () => {
    const batch = { events: [{ kind: 'contact-view', locale: 'en', visit: `${visit}d` }] };
    for (const header of [{ dnt: '1' }, { 'sec-gpc': '1' }] as Array<Record<string, string>>) {
      const response = await post(batch, header);
      expect(response.status).toBe(202);
      expect(await response.json()).toEqual({ accepted: 0, dropped: 0, optedOut: true });
    }
    expect(rows('SELECT * FROM reader_events WHERE visit = ?', `${visit}d`)).toEqual([]);
  });
});

describe('the daily rollup', () => {
  const rollupDir = tempDir('rollup-data');
  const store = openSqliteStores({ dataDir: rollupDir });
  afterAll(() => store.close());
  const readRows = (sql: string) => rowsIn(rollupDir, sql);
  const events = store.readerEvents;
  let arrived = 0;
  const pad = (n: number) => String(n).padStart(2, '0');
  /** Events in the order they arrive, one second apart, on the day given. */
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
  const search = (
    day: string,
    visit: string,
    query: string,
    results: number,
    source: ReaderEvent['source'] = 'search',
  ) => event(day, { kind: 'search', visit, query, results, source });
  const open = (
    day: string,
    visit: string,
    query: string,
    rank: number,
    source: ReaderEvent['source'] = 'search',
  ) => event(day, { kind: 'open', visit, query, rank, articleId: 'shipping-costs', source });
  const contact = (
    day: string,
    visit: string,
    kind: ReaderEvent['kind'],
    fields: Partial<ReaderEvent> = {},
  ) => event(day, { kind, visit, source: 'contact', locale: 'nl', ...fields });
  const day = '2026-11-28';

  test('counts searches, no-result and no-click searches, opens and their ranks per source', async () => {
    await events.record([
      // A: opens the second result of its first search, then searches again and opens nothing.
      search(day, 'A', 'shipping costs', 5),
      open(day, 'A', 'shipping costs', 2),
      search(day, 'A', 'customs', 3),
      // A in the header: opening a result on the search page does not count for the quick search.
      search(day, 'A', 'refund', 2, 'quick'),
      // B: refines the query before opening anything, then finds nothing.
      search(day, 'B', 'shipping costs', 5),
      search(day, 'B', 'zzz', 0),
      // C in the header: two results opened from one search.
      search(day, 'C', 'shipping costs', 4, 'quick'),
      open(day, 'C', 'shipping costs', 1, 'quick'),
      open(day, 'C', 'shipping costs', 3, 'quick'),
      search('2026-11-30', 'T', 'today', 1),
    ]);
    const result = await events.rollup('2026-11-30');
    expect(result.days).toEqual([day]);
    const db = readRows;
    expect(
      db(`SELECT source, query, searches, no_result, no_click, opens, rank_sum FROM search_daily
               WHERE day = '${day}' AND locale = 'en' ORDER BY source, query`),
    ).toEqual([
      {
        source: 'quick',
        query: 'refund',
        searches: 1,
        no_result: 0,
        no_click: 1,
        opens: 0,
        rank_sum: 0,
      },
      {
        source: 'quick',
        query: 'shipping costs',
        searches: 1,
        no_result: 0,
        no_click: 0,
        opens: 2,
        rank_sum: 4,
      },
      {
        source: 'search',
        query: 'customs',
        searches: 1,
        no_result: 0,
        no_click: 1,
        opens: 0,
        rank_sum: 0,
      },
      {
        source: 'search',
        query: 'shipping costs',
        searches: 2,
        no_result: 0,
        no_click: 1,
        opens: 1,
        rank_sum: 2,
      },
      {
        source: 'search',
        query: 'zzz',
        searches: 1,
        no_result: 1,
        no_click: 0,
        opens: 0,
        rank_sum: 0,
      },
    ]);
    // Today is not finished: its searches are not rolled up yet.
    expect(db("SELECT * FROM search_daily WHERE day = '2026-11-30'")).toEqual([]);
  });

  test('counts contact visits that opened a suggestion and sent no ticket as deflected', async () => {
    await events.record([
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
      // G: looked and left.
      contact(day, 'G', 'contact-view'),
      // H: a German visit the day before.
      contact('2026-11-27', 'H', 'contact-view', { locale: 'de' }),
    ]);
    await events.rollup('2026-11-30');
    expect(readRows('SELECT * FROM deflection_daily ORDER BY day, locale')).toEqual([
      {
        day: '2026-11-27',
        locale: 'de',
        contact_visits: 1,
        visits_with_suggestions: 0,
        visits_opened: 0,
        visits_opened_no_ticket: 0,
        visits_with_ticket: 0,
      },
      {
        day,
        locale: 'nl',
        contact_visits: 4,
        visits_with_suggestions: 2,
        visits_opened: 2,
        visits_opened_no_ticket: 1,
        visits_with_ticket: 2,
      },
    ]);
    // The suggestions opened count as contact-page searches' opens, with their ranks.
    expect(
      readRows(`SELECT query, opens, rank_sum FROM search_daily WHERE source = 'contact'`),
    ).toEqual([{ query: 'uitbetaling', opens: 2, rank_sum: 3 }]);
  });

  test('folds the visitors of finished days into their count and forgets the hashes', async () => {
    await events.recordVisitors([
      { day, locale: 'en', visitor: 'h1' },
      { day, locale: 'en', visitor: 'h2' },
      { day, locale: 'en', visitor: 'h1' },
      { day, locale: 'ko', visitor: 'h1' },
      { day: '2026-11-30', locale: 'en', visitor: 'h3' },
    ]);
    await events.rollup('2026-11-30');
    expect(readRows('SELECT * FROM visitors_daily ORDER BY day, locale')).toEqual([
      { day, locale: 'en', visitors: 2 },
      { day, locale: 'ko', visitors: 1 },
    ]);
    expect(readRows('SELECT day, visitor FROM visitors_today')).toEqual([
      { day: '2026-11-30', visitor: 'h3' },
    ]);
  });

  test('is idempotent: a second run leaves every daily row as it was', async () => {
    const snapshot = () =>
      ['search_daily', 'deflection_daily', 'visitors_daily', 'visitors_today'].map((table) =>
        readRows(`SELECT * FROM ${table} ORDER BY 1, 2, 3`),
      );
    await events.rollup('2026-11-30');
    const before = snapshot();
    const again = await events.rollup('2026-11-30');
    expect(snapshot()).toEqual(before);
    expect(again.visitorDays).toEqual([]);
  });

  test('an hourly run redoes only new days and the day before each, whose visits may go on', async () => {
    await events.rollup('2026-11-30');
    expect((await events.rollup('2026-11-30')).days).toEqual([]);
    const [{ day: lastDay }] = readRows(
      `SELECT max(day) AS day FROM reader_events WHERE day < '2026-11-30'`,
    ) as [{ day: string }];
    await events.record([search('2026-11-30', 'N', 'new question', 0)]);
    expect((await events.rollup('2026-12-01')).days).toEqual([lastDay, '2026-11-30']);
    expect((await events.rollup('2026-12-01')).days).toEqual([]);
  });

  test('deletes raw events older than 30 days after rolling their day up, keeping the totals', async () => {
    await events.record([
      search('2026-10-15', 'O', 'old question', 0),
      search('2026-10-30', 'O', 'old question', 0),
      search('2026-10-31', 'O', 'old question', 0),
    ]);
    const result = await events.rollup('2026-11-30');
    expect(result.deletedEvents).toBe(2);
    expect(
      readRows(`SELECT DISTINCT day FROM reader_events WHERE day < '2026-11-01' ORDER BY day`),
    ).toEqual([{ day: '2026-10-31' }]);
    expect(
      readRows(`SELECT day, no_result FROM search_daily WHERE query = 'old question' ORDER BY day`),
    ).toEqual([
      { day: '2026-10-15', no_result: 1 },
      { day: '2026-10-30', no_result: 1 },
      { day: '2026-10-31', no_result: 1 },
    ]);
    // The days whose raw events are gone keep their rows when the rollup runs again.
    await events.rollup('2026-11-30');
    expect(readRows(`SELECT count(*) AS n FROM search_daily WHERE query = 'old question'`)).toEqual(
      [{ n: 3 }],
    );
  });

  test('deletes the salts of finished days', async () => {
    await store.salts.forDay('2026-11-29');
    await events.rollup('2026-11-30');
    expect(readRows('SELECT day FROM daily_salts')).toEqual([]);
  });
});

describe('visitors counted from the pages the Node server answers', () => {
  test('one per reader, day and locale; not bots, HEAD, Do Not Track or missing pages; no address stored', async () => {
    const distDir = fakeBuild({
      'en/index.html': '<h1>Help centre</h1>',
      'en/articles/payouts/index.html': '<h1>Payouts</h1>',
      'ko/index.html': '<h1>고객센터</h1>',
      'en/404.html': '<h1>Not found</h1>',
      'robots.txt': 'User-agent: *',
    });
    const visitorsDir = tempDir('visitors-data');
    const server = await startNodeServer({
      ...readServerEnv({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: visitorsDir, DIST_DIR: distDir }),
      log: silentLogger,
    });
    const browser = 'Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0';
    const get = (path: string, headers: Record<string, string> = {}, method = 'GET') =>
      fetch(`${server.url}${path}`, { method, headers: { 'user-agent': browser, ...headers } });
    try {
      expect((await get('/en/')).status).toBe(200);
      await get('/en/articles/payouts/');
      await get('/ko/');
      await get('/en/', { 'user-agent': 'Mozilla/5.0 Chrome/142.0' });
      await get('/en/', { 'user-agent': 'Mozilla/5.0 (compatible; Googlebot/2.1)' });
      await get('/en/', { 'user-agent': 'ExampleCrawler/1.0' });
      await get('/en/', { dnt: '1', 'user-agent': 'Mozilla/5.0 Safari/1' });
      await get('/en/', { 'sec-gpc': '1', 'user-agent': 'Mozilla/5.0 Safari/2' });
      await get('/en/', { 'user-agent': 'Mozilla/5.0 Safari/3' }, 'HEAD');
      await get('/en/no-such-page/', { 'user-agent': 'Mozilla/5.0 Safari/4' });
      await get('/robots.txt', { 'user-agent': 'Mozilla/5.0 Safari/5' });
    } finally {
      await server.close();
    }
    const db = new DatabaseSync(join(visitorsDir, 'tickets.sqlite'), { readOnly: true });
    try {
      const marks = db.prepare('SELECT * FROM visitors_today ORDER BY locale').all() as Array<
        Record<string, string>
      >;
      expect(marks.map((mark) => mark.locale)).toEqual(['en', 'en', 'ko']);
      for (const mark of marks) expect(mark.visitor).toMatch(/^[\w-]{22}$/);
      expect(new Set(marks.map((mark) => mark.day))).toEqual(
        new Set([new Date().toISOString().slice(0, 10)]),
      );
    } finally {
      db.close();
    }
    const file = readFileSync(join(visitorsDir, 'tickets.sqlite')).toString('latin1');
    expect(file).not.toContain('127.0.0.1');
    expect(file).not.toContain('Firefox');
  });
});
