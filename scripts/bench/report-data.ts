/**
 * A month of a busy help centre for the reports benchmark and screenshots: tickets at the
 * support team's real rate with first replies (some late), readers' raw search and contact-page
 * events, visitors and votes, written through the stores (and, for the replies, one bulk UPDATE:
 * applying tens of thousands of helpdesk events one durable transaction at a time would measure
 * the seeding, not the reports). Deterministic: the same seed gives the same data.
 */
import { randomUUID } from 'node:crypto';
import { DatabaseSync } from 'node:sqlite';
import { join } from 'node:path';
import { Temporal } from 'temporal-polyfill';
import { locales, type Locale } from '../../src/i18n/locales.ts';
import type { VoteReason } from '../../src/lib/votes.ts';
import type { ReaderEvent, Stores, TicketDraft } from '../../src/server/store/types.ts';
import { quoteFirstReply } from '../../src/server/support/quote.ts';
import type { SupportConfig } from '../../src/server/support/types.ts';

export interface ReportDataOptions {
  dataDir: string;
  /** The last day seeded is the day before this one (UTC, YYYY-MM-DD). */
  today: string;
  days: number;
  ticketsPerDay: number;
  eventsTotal: number;
  visitorsPerDay: number;
  votesPerDay: number;
}

/** A small pseudo-random generator (mulberry32): the same data on every run. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const articles = [
  'placing-a-bid',
  'paying-for-a-lot',
  'shipping-costs',
  'winning-a-lot',
  'consigning-a-lot',
  'seller-payouts',
  'account-security',
  'returns-and-disputes',
];
const queries = [
  'how do i pay',
  'shipping cost',
  'refund',
  'outbid',
  'payout',
  'buyer premium',
  'change address',
  'cancel bid',
  'customs fees',
  'invoice vat',
  'whisky export',
  'fossil permit',
];

export async function seedReportData(
  stores: Stores,
  support: SupportConfig,
  options: ReportDataOptions,
): Promise<{ tickets: number; events: number; visitors: number; votes: number }> {
  const next = random(42);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const firstDay = Temporal.PlainDate.from(options.today).subtract({ days: options.days });
  const dayAt = (offset: number) => firstDay.add({ days: offset });
  const instantOn = (day: Temporal.PlainDate, hour: number) =>
    Temporal.Instant.from(`${day.toString()}T00:00:00Z`).add({
      milliseconds: Math.floor(hour * 3_600_000),
    });
  const topics = support.topics;
  let tickets = 0;
  let events = 0;
  let visitors = 0;
  let votes = 0;

  for (let d = 0; d < options.days; d++) {
    const day = dayAt(d);
    // Tickets, mostly in European daytime, in the eight languages.
    const writes: Array<Promise<unknown>> = [];
    for (let n = 0; n < options.ticketsPerDay; n++) {
      const locale = pick(locales);
      const topic = pick(topics);
      const receivedAt = instantOn(day, 6 + next() * 16);
      const quote = quoteFirstReply(support, { locale, priority: topic.priority, receivedAt });
      const opened = next() < 0.2 ? [pick(articles)] : [];
      const draft: TicketDraft = {
        locale,
        email: `customer${d}-${n}@example.com`,
        name: null,
        role: next() < 0.7 ? 'buyer' : 'seller',
        topic: topic.id,
        priority: topic.priority,
        subject: `Question about ${topic.id}`,
        message: 'A seeded ticket for the reports benchmark.',
        articleId: next() < 0.4 ? pick(articles) : null,
        searchQuery: null,
        shownArticles: opened,
        openedArticles: opened,
        suggestedArticles: [],
        team: quote.team,
        receivedAt: receivedAt.toString({ fractionalSecondDigits: 3 }),
        firstReplyDueAt: Temporal.Instant.from(quote.firstReply.dueAt).toString({
          fractionalSecondDigits: 3,
        }),
        firstReplyHours: quote.firstReply.hours,
        firstReplyClock: quote.firstReply.clock,
        firstReplyStartsAt: Temporal.Instant.from(quote.firstReply.startsAt).toString({
          fractionalSecondDigits: 3,
        }),
      };
      writes.push(stores.tickets.createTicket(draft));
      tickets++;
    }
    await Promise.all(writes);

    const marks = [];
    for (const locale of locales)
      for (let v = 0; v < options.visitorsPerDay / locales.length; v++)
        marks.push({ day: day.toString(), locale, visitor: `${day}-${locale}-${v}` });
    await stores.readerEvents.recordVisitors(marks);
    visitors += marks.length;

    for (let n = 0; n < options.votesPerDay; n++) {
      const helpful = next() < 0.7;
      const reasons: VoteReason[] = [
        'incorrect',
        'unclear',
        'missing-information',
        'not-my-situation',
      ];
      await stores.votes.cast({
        articleId: pick(articles),
        locale: pick(locales),
        audience: 'public',
        revision: 'a1b2c3d4e5f6',
        helpful,
        reason: helpful ? null : pick(reasons),
        comment: !helpful && next() < 0.3 ? 'The fee table does not match my invoice.' : null,
        voter: `voter-${d}-${n}`,
        day: day.toString(),
        at: instantOn(day, 8 + next() * 12).toString(),
      });
      votes++;
    }
  }

  // Raw events, spread over the days: visits that search and open results, contact-page visits
  // that see suggestions and sometimes open one, and tickets sent.
  const perDay = Math.ceil(options.eventsTotal / options.days);
  for (let d = 0; d < options.days && events < options.eventsTotal; d++) {
    const day = dayAt(d);
    const atDayStart = events;
    let batch: ReaderEvent[] = [];
    while (
      events - atDayStart + batch.length < perDay &&
      events + batch.length < options.eventsTotal
    ) {
      const locale: Locale = pick(locales);
      const visit = randomUUID();
      const at = instantOn(day, next() * 24).toString();
      const contact = next() < 0.3;
      const query = pick(queries);
      const results = next() < 0.12 ? 0 : 1 + Math.floor(next() * 9);
      const base = {
        at,
        locale,
        visit,
        query: null,
        results: null,
        rank: null,
        articleId: null,
        articles: [],
      };
      if (contact) {
        const shown = [pick(articles), pick(articles)];
        batch.push({ ...base, kind: 'contact-view', source: 'contact' });
        batch.push({ ...base, kind: 'suggestions-shown', source: 'contact', articles: shown });
        if (next() < 0.4)
          batch.push({ ...base, kind: 'open', source: 'contact', rank: 1, articleId: shown[0]! });
        if (next() < 0.5) batch.push({ ...base, kind: 'ticket-sent', source: 'contact' });
      } else {
        const source = next() < 0.5 ? 'search' : 'quick';
        batch.push({ ...base, kind: 'search', source, query, results });
        if (results > 0 && next() < 0.6)
          batch.push({
            ...base,
            kind: 'open',
            source,
            query,
            rank: 1 + Math.floor(next() * 3),
            articleId: pick(articles),
          });
      }
      if (batch.length >= 5000) {
        events += await stores.readerEvents.record(batch);
        batch = [];
      }
    }
    if (batch.length > 0) events += await stores.readerEvents.record(batch);
  }

  // First replies for nine tickets in ten: most within target, some late.
  const db = new DatabaseSync(join(options.dataDir, 'tickets.sqlite'));
  db.exec('BEGIN');
  const rows = db
    .prepare('SELECT id, received_at, first_reply_due_at FROM tickets')
    .all() as Array<{
    id: string;
    received_at: string;
    first_reply_due_at: string;
  }>;
  const reply = db.prepare('UPDATE tickets SET first_reply_at = ?, sla_state = ? WHERE id = ?');
  for (const row of rows) {
    if (next() < 0.1) continue;
    const received = Date.parse(row.received_at);
    const due = Date.parse(row.first_reply_due_at);
    const at = received + next() * (due - received) * (next() < 0.15 ? 1.6 : 0.9);
    if (at > Date.parse(`${options.today}T00:00:00Z`)) continue;
    reply.run(new Date(at).toISOString(), at <= due ? 'achieved' : 'breached', row.id);
  }
  db.exec('COMMIT');
  db.close();
  return { tickets, events, visitors, votes };
}
