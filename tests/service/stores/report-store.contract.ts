/**
 * What every ReportStore promises, whatever the database: run by report-store.sqlite and
 * report-store.postgres on a small hand-made data set written with plain SQL both dialects accept
 * (the tickets, flags and daily rows the service's other stores and the rollup would write), so
 * every figure below is exact and the two databases are proven to agree on it.
 */
import { describe, expect, test } from 'vitest';
import { nearestRank } from '../../../src/server/reports/build.ts';
import type { ReportTicket } from '../../../src/server/store/types.ts';
import {
  readerEvents,
  withData,
  type OpenReaderData,
  type ReaderData,
} from './reader-event-store.contract.ts';

type Value = string | number | null;

/** A literal of the hand-made data set (never input from outside the test). */
function literal(value: Value): string {
  if (value === null) return 'NULL';
  if (typeof value === 'number') return String(value);
  return `'${value.replace(/'/g, "''")}'`;
}

async function insert(data: ReaderData, table: string, rows: Array<Record<string, Value>>) {
  const columns = Object.keys(rows[0]!);
  for (const row of rows)
    if (Object.keys(row).join() !== columns.join()) throw new Error(`rows of ${table} differ`);
  const values = rows.map((row) => `(${columns.map((c) => literal(row[c] ?? null)).join(', ')})`);
  await data.sql(`INSERT INTO ${table} (${columns.join(', ')}) VALUES ${values.join(', ')}`);
}

const hour = 3_600_000;
const plus = (iso: string, ms: number) => new Date(Date.parse(iso) + ms).toISOString();

/** A ticket row as the ticket store writes it; received at `receivedAt`, 24 calendar hours due. */
function ticketRow(id: string, receivedAt: string, fields: Record<string, Value> = {}) {
  return {
    id,
    reference: `HB-${id.toUpperCase().padStart(8, '0')}`,
    created_at: receivedAt,
    locale: 'nl',
    email: 'anna@example.com',
    name: null,
    role: 'buyer',
    topic: 'payment',
    priority: 'normal',
    subject: 'Betaling',
    message: 'Mijn betaling is mislukt.',
    opened_articles: '[]',
    team: 'email-nl',
    channel: 'web',
    received_at: receivedAt,
    first_reply_due_at: plus(receivedAt, 24 * hour),
    first_reply_hours: 24,
    first_reply_clock: 'calendar',
    first_reply_starts_at: receivedAt,
    first_reply_at: null,
    paused_ms: 0,
    paused_since: null,
    solved_at: null,
    ...fields,
  };
}

/** Hours from the start of the clock to the first reply, pauses excluded (calendar clock). */
const replyHours = (t: ReportTicket) =>
  t.firstReplyAt === null
    ? null
    : (Date.parse(t.firstReplyAt) - Date.parse(t.firstReplyStartsAt) - t.pausedMs) / hour;

const from = '2026-11-30T00:00:00.000Z';
const to = '2026-12-07T00:00:00.000Z';

export function describeReportStore(database: string, open: OpenReaderData): void {
  const it = (name: string, work: (data: ReaderData) => Promise<void>) =>
    test(name, withData(open, work));

  describe(`the report store on ${database}`, () => {
    it('reads the tickets received in [from, to) in order of receipt, every field as stored', async (data) => {
      await insert(data, 'tickets', [
        ticketRow('t2', '2026-12-03T10:00:00.000Z', {
          locale: 'de',
          team: 'email-de',
          topic: 'shipping',
          channel: 'email',
          opened_articles: '["shipping-costs"]',
          first_reply_hours: 8.5,
          first_reply_clock: 'business',
          first_reply_starts_at: '2026-12-03T11:00:00.000Z',
          first_reply_at: '2026-12-03T15:30:00.000Z',
          paused_ms: 1_800_000,
          solved_at: '2026-12-04T09:00:00.000Z',
        }),
        ticketRow('t1', from, { paused_since: '2026-11-30T02:00:00.000Z' }),
        ticketRow('before', '2026-11-29T23:59:59.999Z'),
        ticketRow('at-end', to),
      ]);
      const tickets = await data.reports.ticketsReceived(from, to);
      expect(tickets).toEqual([
        {
          id: 't1',
          locale: 'nl',
          team: 'email-nl',
          topic: 'payment',
          channel: 'web',
          receivedAt: from,
          firstReplyStartsAt: from,
          firstReplyDueAt: '2026-12-01T00:00:00.000Z',
          firstReplyHours: 24,
          firstReplyClock: 'calendar',
          firstReplyAt: null,
          pausedMs: 0,
          pausedSince: '2026-11-30T02:00:00.000Z',
          solvedAt: null,
          openedSuggestion: false,
        },
        {
          id: 't2',
          locale: 'de',
          team: 'email-de',
          topic: 'shipping',
          channel: 'email',
          receivedAt: '2026-12-03T10:00:00.000Z',
          firstReplyStartsAt: '2026-12-03T11:00:00.000Z',
          firstReplyDueAt: '2026-12-04T10:00:00.000Z',
          firstReplyHours: 8.5,
          firstReplyClock: 'business',
          firstReplyAt: '2026-12-03T15:30:00.000Z',
          pausedMs: 1_800_000,
          pausedSince: null,
          solvedAt: '2026-12-04T09:00:00.000Z',
          openedSuggestion: true,
        },
      ]);
      expect(await data.reports.ticketsReceived(to, '2026-12-08T00:00:00.000Z')).toHaveLength(1);
      expect(await data.reports.ticketsReceived(from, from)).toEqual([]);
    });

    it('gives the same median and 90th percentile of first-reply hours (nearest rank)', async (data) => {
      // Ten replies after 1, 2, …, 9 and 30 hours (one of them 5 hours plus half an hour paused),
      // one ticket not replied to yet, one received outside the window.
      const received = (n: number) => plus(from, n * hour);
      await insert(data, 'tickets', [
        ...[1, 2, 3, 4, 6, 7, 8, 9, 30].map((hours, n) =>
          ticketRow(`r${n}`, received(n), { first_reply_at: plus(received(n), hours * hour) }),
        ),
        ticketRow('paused', received(20), {
          first_reply_at: plus(received(20), 5.5 * hour),
          paused_ms: hour / 2,
        }),
        ticketRow('waiting', received(21)),
        ticketRow('outside', '2026-11-29T12:00:00.000Z', {
          first_reply_at: '2026-11-29T12:06:00.000Z',
        }),
      ]);
      const hours = (await data.reports.ticketsReceived(from, to))
        .map(replyHours)
        .filter((h): h is number => h !== null)
        .sort((a, b) => a - b);
      expect(hours).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 30]);
      // Nearest rank, not interpolation: percentile_cont would say 5.5 and 11.1.
      expect(nearestRank(hours, 0.5)).toBe(5);
      expect(nearestRank(hours, 0.9)).toBe(9);
    });

    it('lists the tickets still waiting for a first reply, soonest due first', async (data) => {
      await insert(data, 'tickets', [
        ticketRow('later', '2026-12-02T09:00:00.000Z'),
        ticketRow('sooner', '2026-10-01T09:00:00.000Z'),
        ticketRow('replied', '2026-11-01T09:00:00.000Z', {
          first_reply_at: '2026-11-01T10:00:00.000Z',
        }),
        ticketRow('solved', '2026-11-02T09:00:00.000Z', {
          solved_at: '2026-11-02T09:30:00.000Z',
        }),
        ticketRow('paused', '2026-11-03T09:00:00.000Z', {
          paused_since: '2026-11-03T10:00:00.000Z',
        }),
      ]);
      expect((await data.reports.ticketsAwaitingReply()).map((t) => t.id)).toEqual([
        'sooner',
        'paused',
        'later',
      ]);
    });

    it('counts visitors of finished days from their daily rows and of the running day live', async (data) => {
      await insert(data, 'visitors_daily', [
        { day: '2026-11-29', locale: 'en', visitors: 40 },
        { day: '2026-11-30', locale: 'ko', visitors: 7 },
        { day: '2026-11-30', locale: 'en', visitors: 12 },
        { day: '2026-12-07', locale: 'en', visitors: 99 },
      ]);
      await data.events.recordVisitors([
        { day: '2026-12-02', locale: 'en', visitor: 'h1' },
        { day: '2026-12-02', locale: 'en', visitor: 'h2' },
        { day: '2026-12-02', locale: 'de', visitor: 'h1' },
        // A late hash of a day already folded waits for the next fold.
        { day: '2026-11-30', locale: 'en', visitor: 'late' },
      ]);
      expect(await data.reports.visitorsByDay('2026-11-30', '2026-12-07')).toEqual([
        { day: '2026-11-30', locale: 'en', visitors: 12 },
        { day: '2026-11-30', locale: 'ko', visitors: 7 },
        { day: '2026-12-02', locale: 'de', visitors: 1 },
        { day: '2026-12-02', locale: 'en', visitors: 2 },
      ]);
    });

    it('reads deflection per day and locale from the rollup’s daily rows', async (data) => {
      const { contact } = readerEvents();
      await data.events.record([
        contact('2026-11-29', 'A', 'contact-view'),
        contact('2026-11-30', 'B', 'contact-view', { locale: 'ko' }),
        contact('2026-11-30', 'C', 'contact-view'),
        contact('2026-11-30', 'C', 'suggestions-shown', { articles: ['payouts'] }),
        contact('2026-11-30', 'C', 'open', { query: 'uitbetaling', rank: 1 }),
        contact('2026-12-01', 'D', 'contact-view'),
        contact('2026-12-01', 'D', 'ticket-sent'),
      ]);
      await data.events.rollup('2026-12-02');
      const deflection = (day: string, locale: string, counts: number[]) => {
        const [contactVisits, visitsWithSuggestions, visitsOpened, deflected, withTicket] = counts;
        return {
          day,
          locale,
          contactVisits,
          visitsWithSuggestions,
          visitsOpened,
          visitsOpenedNoTicket: deflected,
          visitsWithTicket: withTicket,
        };
      };
      expect(await data.reports.deflectionByDay('2026-11-30', '2026-12-07')).toEqual([
        deflection('2026-11-30', 'ko', [1, 0, 0, 0, 0]),
        deflection('2026-11-30', 'nl', [1, 1, 1, 1, 0]),
        deflection('2026-12-01', 'nl', [1, 0, 0, 0, 1]),
      ]);
      expect(await data.reports.deflectionByDay('2026-12-02', '2026-12-07')).toEqual([]);
    });

    it('sums searches per locale and query over the window, most found-nothing first', async (data) => {
      const row = (
        day: string,
        locale: string,
        query: string,
        counts: [number, number, number],
      ) => {
        const [searches, no_result, no_click] = counts;
        return { day, locale, source: 'search', query, searches, no_result, no_click, opens: 0 };
      };
      await insert(data, 'search_daily', [
        row('2026-11-30', 'en', 'refund', [4, 2, 1]),
        { ...row('2026-12-01', 'en', 'refund', [3, 1, 0]), source: 'quick' },
        row('2026-12-06', 'en', 'customs', [5, 3, 0]),
        // Ties on both counts, in byte order: upper case before lower case, locale first.
        row('2026-12-01', 'nl', 'zoll', [2, 1, 1]),
        row('2026-12-01', 'nl', 'Zoll', [2, 1, 0]),
        row('2026-12-01', 'de', 'zoll', [2, 1, 2]),
        row('2026-12-01', 'ko', '배송비', [9, 0, 4]),
        // Outside the window.
        row('2026-11-29', 'en', 'old', [9, 9, 9]),
        row('2026-12-07', 'en', 'next week', [9, 9, 9]),
      ]);
      const counts = (
        rows: Array<{ locale: string; query: string; searches: number; count: number }>,
      ) => rows.map((r) => `${r.locale} ${r.query} ${r.count}/${r.searches}`);
      expect(
        counts(await data.reports.searchQueries('2026-11-30', '2026-12-07', 'no-result', 10)),
      ).toEqual(['en refund 3/7', 'en customs 3/5', 'de zoll 1/2', 'nl Zoll 1/2', 'nl zoll 1/2']);
      expect(
        counts(await data.reports.searchQueries('2026-11-30', '2026-12-07', 'no-result', 3)),
      ).toEqual(['en refund 3/7', 'en customs 3/5', 'de zoll 1/2']);
      expect(
        counts(await data.reports.searchQueries('2026-11-30', '2026-12-07', 'no-click', 10)),
      ).toEqual(['ko 배송비 4/9', 'de zoll 2/2', 'en refund 1/7', 'nl zoll 1/2']);
    });

    it('counts flags per article and locale with their +1s, open ones and reasons', async (data) => {
      await insert(data, 'people', [
        { id: 'p1', email: 'a@example.com', role: 'agent', created_at: from, updated_at: from },
        { id: 'p2', email: 'b@example.com', role: 'agent', created_at: from, updated_at: from },
        { id: 'p3', email: 'c@example.com', role: 'lead', created_at: from, updated_at: from },
      ]);
      const flag = (id: string, article: string, reason: string, state: string, at: string) => ({
        id,
        article_id: article,
        locale: 'nl',
        revision: 'r1',
        block_key: `p-${id}`,
        block_kind: 'paragraph',
        quote: 'De kosten zijn €5.',
        reason,
        state,
        created_by: 'p1',
        created_at: at,
        updated_at: at,
      });
      await insert(data, 'flags', [
        flag('f1', 'shipping-costs', 'incorrect', 'open', from),
        flag('f2', 'shipping-costs', 'incorrect', 'in-proposal', '2026-12-01T00:00:00.000Z'),
        flag('f3', 'shipping-costs', 'outdated', 'resolved', '2026-12-02T00:00:00.000Z'),
        flag('f4', 'payouts', 'unclear', 'declined', '2026-12-03T00:00:00.000Z'),
        flag('f5', 'payouts', 'unclear', 'triaged', '2026-12-04T00:00:00.000Z'),
        flag('old', 'payouts', 'unclear', 'open', '2026-11-29T23:59:59.999Z'),
        flag('next', 'payouts', 'unclear', 'open', to),
      ]);
      // The agent who raised a flag is its first supporter, and does not count as a +1.
      const support = (flag: string, person: string) => ({
        flag_id: flag,
        person_id: person,
        at: to,
      });
      await insert(data, 'flag_supporters', [
        support('f1', 'p1'),
        support('f1', 'p2'),
        support('f1', 'p3'),
        support('f3', 'p1'),
        support('f3', 'p2'),
        support('f4', 'p1'),
        support('old', 'p2'),
      ]);
      const counts = await data.reports.flagCounts(from, to);
      expect(counts.sort((a, b) => a.articleId.localeCompare(b.articleId))).toEqual([
        {
          articleId: 'payouts',
          locale: 'nl',
          flags: 2,
          supporters: 0,
          open: 1,
          reasons: { unclear: 2 },
        },
        {
          articleId: 'shipping-costs',
          locale: 'nl',
          flags: 3,
          supporters: 3,
          open: 2,
          reasons: { incorrect: 2, outdated: 1 },
        },
      ]);
      expect(await data.reports.flagCounts(from, from)).toEqual([]);
    });
  });
}
