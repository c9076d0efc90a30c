/**
 * The leads' reports against a seeded data set with a pinned clock: tickets created through the
 * API at known instants, the helpdesk's SLA events through its signed webhook, readers' votes and
 * events through theirs. Every expected figure is worked out by hand in the comments.
 */
import { describe, expect, test } from 'vitest';
import { signatureHeader, signatureHeaderValue } from '../../src/server/webhooks/signature.ts';
import { contentRepository } from '../../src/server/content/repository.ts';
import { agentService, type AgentService } from './agents-helpers.ts';
import { ticket } from './helpers.ts';

const secret = 'report-test-secret';

/** The service with its clock set to `iso`, moving only forwards. */
function clockTo(service: AgentService, iso: string): void {
  const delta = Date.parse(iso) - service.now().getTime();
  if (delta < 0) throw new Error(`the clock cannot go back to ${iso}`);
  service.advance(delta);
}

async function createTicket(
  service: AgentService,
  at: string,
  fields: Record<string, unknown>,
): Promise<string> {
  clockTo(service, at);
  const response = await service.call('/api/tickets', { json: ticket(fields) });
  expect(response.status, await response.clone().text()).toBe(201);
  return ((await response.json()) as { reference: string }).reference;
}

let eventNumber = 0;
async function helpdesk(
  service: AgentService,
  at: string,
  type: 'first-reply' | 'pause' | 'resume' | 'solve',
  reference: string,
): Promise<void> {
  clockTo(service, at);
  const body = JSON.stringify({ id: `evt_${++eventNumber}`, type, reference, at });
  const signed = await service.app.request('http://localhost/api/helpdesk/events', {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      [signatureHeader]: signatureHeaderValue(secret, Math.floor(Date.parse(at) / 1000), body),
    },
    body,
  });
  expect(signed.status, await signed.clone().text()).toBe(200);
}

type Rows = Array<Record<string, unknown>>;

/** A batch of readers' events as the browser's beacon sends it. */
async function readerEvents(service: AgentService, at: string, events: unknown[]): Promise<void> {
  clockTo(service, at);
  const response = await service.call('/api/events', { json: { events } });
  expect(response.status, await response.clone().text()).toBe(202);
  expect(((await response.json()) as { accepted: number }).accepted).toBe(events.length);
}

/** One reader's answer to "Was this helpful?" (a reader is their browser, here its User-Agent). */
async function vote(
  service: AgentService,
  reader: string,
  fields: Record<string, string>,
): Promise<void> {
  const revision = contentRepository(service.contentDir).article('en', 'shipping-costs')!.revision;
  const response = await service.call('/api/votes', {
    form: { articleId: 'shipping-costs', locale: 'en', audience: 'public', revision, ...fields },
    headers: { Accept: 'application/json', 'User-Agent': `Reader ${reader}` },
  });
  expect(response.status, await response.clone().text()).toBeLessThan(300);
}

describe('reports for leads', () => {
  test('every figure matches the seeded tickets, SLA events and a breach across Christmas', async () => {
    const service = agentService({
      helpdeskWebhookSecret: secret,
      rateLimit: { max: 1000, windowSeconds: 60 },
    });
    clockTo(service, '2026-12-21T07:00:00Z');

    // Week 2026-W52 (Mon 21 – Sun 27 December). Amsterdam is UTC+1.
    // T2, normal (24 calendar hours): received Tue 10:00, replied 14:00 → achieved in 4 h.
    const t2 = await createTicket(service, '2026-12-22T10:00:00.000Z', { topic: 'payment' });
    // Readers on Tuesday 22 December (English), one visit each:
    //   A searches, opens result 2; B finds nothing; C gets results and opens none;
    //   D sees suggestions on the contact page and opens one, no ticket (deflected);
    //   E opens a suggestion and still sends a ticket; F only looks at the contact page.
    const search = (visit: string, query: string, results: number) => ({
      kind: 'search',
      source: 'search',
      locale: 'en',
      visit: `visit-${visit}-0001`,
      query,
      results,
    });
    const contact = (visit: string, kind: string, extra: object = {}) => ({
      kind,
      source: 'contact',
      locale: 'en',
      visit: `visit-${visit}-0001`,
      ...extra,
    });
    await readerEvents(service, '2026-12-22T10:30:00.000Z', [
      search('a', 'Shipping cost', 5),
      {
        kind: 'open',
        source: 'search',
        locale: 'en',
        visit: 'visit-a-0001',
        query: 'shipping cost',
        rank: 2,
        articleId: 'shipping-costs',
      },
      search('b', 'whisky export', 0),
      search('c', 'buyer premium', 3),
      contact('d', 'contact-view'),
      contact('d', 'suggestions-shown', { articles: ['shipping-costs', 'paying-for-lots'] }),
      contact('d', 'open', { rank: 1, articleId: 'shipping-costs' }),
      contact('e', 'contact-view'),
      contact('e', 'suggestions-shown', { articles: ['shipping-costs'] }),
      contact('e', 'open', { rank: 1, articleId: 'shipping-costs' }),
      contact('e', 'ticket-sent'),
      contact('f', 'contact-view'),
    ]);
    await helpdesk(service, '2026-12-22T14:00:00.000Z', 'first-reply', t2);
    // T3, normal: received Wed 09:00, due Thu 09:00; waiting on the customer 10:00–20:00 moves the
    // due time 10 h later, to Thu 19:00; replied Thu 16:00 → achieved. Clock time: 31 h − 10 h = 21 h.
    const t3 = await createTicket(service, '2026-12-23T09:00:00.000Z', {
      topic: 'delivery',
      openedArticles: ['shipping-costs'],
    });
    await helpdesk(service, '2026-12-23T10:00:00.000Z', 'pause', t3);
    await helpdesk(service, '2026-12-23T20:00:00.000Z', 'resume', t3);
    await helpdesk(service, '2026-12-24T16:00:00.000Z', 'first-reply', t3);
    // T1, urgent (4 business hours): received Thu 24 Dec 16:00 (17:00 local, open until 18:00):
    // 1 h on Thursday; Fri 25 and Sat 26 are Christmas holidays, Sunday is closed; Monday opens at
    // 08:00 local, so 3 more hours make it due Mon 28 Dec 11:00 local = 10:00 UTC. Replied 11:30
    // UTC → breached, across the holidays and the weekend. Clock time: 1 h + 4.5 h = 5.5 h.
    const t1 = await createTicket(service, '2026-12-24T16:00:00.000Z', {
      topic: 'payment-blocked',
    });
    // Three readers answer "Was this helpful?" on Thursday; reader 2 changes their answer the
    // same day (one vote, not two): 1 yes, 2 no (unclear with a comment, incorrect).
    clockTo(service, '2026-12-24T16:10:00.000Z');
    await vote(service, '1', { helpful: 'yes' });
    await vote(service, '2', { helpful: 'yes' });
    await vote(service, '2', {
      helpful: 'no',
      reason: 'unclear',
      comment: '<b>The table</b> is wrong',
    });
    await vote(service, '3', { helpful: 'no', reason: 'incorrect' });
    await helpdesk(service, '2026-12-24T16:30:00.000Z', 'first-reply', t2); // a repeat: ignored

    // Week 2026-W53 (Mon 28 December – Sun 3 January).
    // T4, Dutch, normal: received Mon 09:00, never answered: due Tue 09:00 → breached (email-nl).
    await createTicket(service, '2026-12-28T09:00:00.000Z', { locale: 'nl', topic: 'bidding' });
    // T7, normal: received Mon 10:00 after opening a suggestion, replied 12:00 → achieved in 2 h.
    const t7 = await createTicket(service, '2026-12-28T10:00:00.000Z', {
      topic: 'payment',
      openedArticles: ['paying-for-a-lot'],
    });
    await helpdesk(service, '2026-12-28T11:30:00.000Z', 'first-reply', t1);
    await helpdesk(service, '2026-12-28T12:00:00.000Z', 'first-reply', t7);
    // T5, normal: received Tue 15:00, due Wed 15:00; at Wed 12:00, 21 of 24 h (87.5 %) are used → at risk.
    await createTicket(service, '2026-12-29T15:00:00.000Z', { topic: 'payouts' });
    // Tuesday 29 December: someone else finds nothing for the same words.
    await readerEvents(service, '2026-12-29T16:00:00.000Z', [search('g', 'Whisky  export', 0)]);
    // Visitors (hashes as the server counts them) on the two Tuesdays.
    await service.stores.readerEvents.recordVisitors([
      ...Array.from({ length: 30 }, (_, n) => ({
        day: '2026-12-22',
        locale: 'en' as const,
        visitor: `v${n}`,
      })),
      ...Array.from({ length: 20 }, (_, n) => ({
        day: '2026-12-29',
        locale: 'en' as const,
        visitor: `w${n}`,
      })),
      ...Array.from({ length: 5 }, (_, n) => ({
        day: '2026-12-29',
        locale: 'nl' as const,
        visitor: `n${n}`,
      })),
    ]);
    // T6, normal: received Wed 11:00; 1 of 24 h used at noon → on track.
    await createTicket(service, '2026-12-30T11:00:00.000Z', { topic: 'payouts' });

    // Agents flag a passage of shipping-costs twice (the second joins the first: a +1), and one
    // of placing-bids once; then a lead declines the latter.
    const [agentA, agentB] = [await service.signIn('agent'), await service.signIn('agent')];
    const passage = (articleId: string) => ({
      articleId,
      locale: 'en' as const,
      revision: 'rev000000001',
      blockKey: 'b1',
      blockKind: 'paragraph' as const,
      quote: 'Shipping is calculated at checkout.',
      reason: 'outdated' as const,
      comment: null,
      ticketRef: null,
    });
    const at = () => ({ at: service.now().toISOString() });
    await service.stores.flags.raise(passage('shipping-costs'), {
      actor: agentA.person.id,
      ...at(),
    });
    await service.stores.flags.raise(passage('shipping-costs'), {
      actor: agentB.person.id,
      ...at(),
    });
    const bids = await service.stores.flags.raise(
      { ...passage('placing-bids'), reason: 'wrong' },
      { actor: agentA.person.id, ...at() },
    );
    await service.stores.flags.transition(bids.flag.id, ['open'], 'declined', {
      actor: agentB.person.id,
      ...at(),
      reason: 'right as it is',
    });

    clockTo(service, '2026-12-30T12:00:00.000Z');
    // The hourly rollup has folded the finished days.
    await service.stores.readerEvents.rollup('2026-12-30');
    const lead = await service.signIn('lead');
    const response = await service.call('/api/reports?weeks=2', { cookie: lead.cookie });
    expect(response.status).toBe(200);
    const report = (await response.json()) as {
      weeks: Array<{ id: string }>;
      tables: Record<string, { rows: Rows }>;
    };
    expect(report.weeks.map((w) => w.id)).toEqual(['2026-W52', '2026-W53']);

    const sla = report.tables['sla']!.rows.filter((r) => r['tickets'] !== 0);
    expect(sla).toEqual([
      {
        week: '2026-W52',
        team: 'email-en',
        tickets: 3,
        replied: 3,
        withinTarget: 2,
        breached: 1,
        attainment: 0.6667,
        medianHours: 5.5, // of 4, 5.5 and 21 h: nearest rank ⌈0.5 × 3⌉ = 2nd
        p90Hours: 21, // ⌈0.9 × 3⌉ = 3rd
      },
      {
        week: '2026-W53',
        team: 'email-en',
        tickets: 3,
        replied: 1,
        withinTarget: 1,
        breached: 0,
        attainment: 1,
        medianHours: 2,
        p90Hours: 2,
      },
      {
        week: '2026-W53',
        team: 'email-nl',
        tickets: 1,
        replied: 0,
        withinTarget: 0,
        breached: 1,
        attainment: 0,
        medianHours: null,
        p90Hours: null,
      },
    ]);
    expect(report.tables['at-risk-now']!.rows.filter((r) => r['awaiting'] !== 0)).toEqual([
      { team: 'email-en', awaiting: 2, atRisk: 1, breached: 0 },
      { team: 'email-nl', awaiting: 1, atRisk: 0, breached: 1 },
    ]);
    expect(report.tables['topics']!.rows).toEqual([
      { week: '2026-W52', topic: 'delivery', tickets: 1 },
      { week: '2026-W52', topic: 'payment', tickets: 1 },
      { week: '2026-W52', topic: 'payment-blocked', tickets: 1 },
      { week: '2026-W53', topic: 'payouts', tickets: 2 },
      { week: '2026-W53', topic: 'bidding', tickets: 1 },
      { week: '2026-W53', topic: 'payment', tickets: 1 },
    ]);
    expect(report.tables['channels']!.rows).toEqual([
      { week: '2026-W52', channel: 'web', tickets: 3 },
      { week: '2026-W53', channel: 'web', tickets: 4 },
    ]);
    // Deflection in W52: D opened a suggestion and sent nothing; of 3 contact visits that is 1/3.
    // Tickets after a suggestion come from the tickets themselves (T3 and T7 had opened one).
    const deflection = report.tables['deflection']!.rows.filter(
      (r) => r['tickets'] !== 0 || r['contactVisits'] !== 0,
    );
    expect(deflection).toEqual([
      {
        week: '2026-W52',
        locale: 'en',
        contactVisits: 3,
        visitsOpened: 2,
        deflected: 1,
        deflectionRate: 0.3333,
        tickets: 3,
        ticketsAfterSuggestion: 1,
      },
      {
        week: '2026-W53',
        locale: 'en',
        contactVisits: 0,
        visitsOpened: 0,
        deflected: 0,
        deflectionRate: null,
        tickets: 3,
        ticketsAfterSuggestion: 1,
      },
      {
        week: '2026-W53',
        locale: 'nl',
        contactVisits: 0,
        visitsOpened: 0,
        deflected: 0,
        deflectionRate: null,
        tickets: 1,
        ticketsAfterSuggestion: 0,
      },
    ]);
    // Self-service: 30 English visitors for 3 tickets in W52, 20 for 3 in W53, 5 Dutch for 1.
    expect(
      report.tables['self-service']!.rows.filter((r) => r['visitors'] !== 0 || r['tickets'] !== 0),
    ).toEqual([
      { week: '2026-W52', locale: 'en', visitors: 30, tickets: 3, selfServiceRatio: 10 },
      { week: '2026-W53', locale: 'en', visitors: 20, tickets: 3, selfServiceRatio: 6.67 },
      { week: '2026-W53', locale: 'nl', visitors: 5, tickets: 1, selfServiceRatio: 5 },
    ]);
    // Queries are masked and normalised ("Whisky  export" is "whisky export"), counted together.
    expect(report.tables['no-result']!.rows).toEqual([
      { locale: 'en', query: 'whisky export', searches: 2, count: 2 },
    ]);
    expect(report.tables['no-click']!.rows).toEqual([
      { locale: 'en', query: 'buyer premium', searches: 1, count: 1 },
    ]);
    expect(report.tables['flagged']!.rows).toEqual([
      {
        article: 'shipping-costs',
        locale: 'en',
        flags: 1,
        supporters: 1,
        open: 1,
        reasons: 'outdated 1',
      },
      {
        article: 'placing-bids',
        locale: 'en',
        flags: 1,
        supporters: 0,
        open: 0,
        reasons: 'wrong 1',
      },
    ]);
    expect(report.tables['least-helpful']!.rows).toEqual([
      {
        article: 'shipping-costs',
        locale: 'en',
        revision: contentRepository(service.contentDir).article('en', 'shipping-costs')!.revision,
        yes: 1,
        no: 2,
        helpfulShare: 0.3333,
        reasons: 'incorrect 1, unclear 1',
      },
    ]);
    expect(report.tables['comments']!.rows).toEqual([
      {
        day: '2026-12-24',
        article: 'shipping-costs',
        locale: 'en',
        reason: 'unclear',
        comment: '<b>The table</b> is wrong',
      },
    ]);

    // One team, one locale: the same figures, narrowed.
    const narrowed = (await (
      await service.call('/api/reports?weeks=2&locale=nl&team=email-nl', { cookie: lead.cookie })
    ).json()) as { tables: Record<string, { rows: Rows }> };
    expect(narrowed.tables['sla']!.rows.map((r) => [r['week'], r['team'], r['tickets']])).toEqual([
      ['2026-W52', 'email-nl', 0],
      ['2026-W53', 'email-nl', 1],
    ]);
    expect(narrowed.tables['self-service']!.rows.map((r) => r['locale'])).toEqual(['nl', 'nl']);
  });

  test('CSV of a table has the same rows, translated headings, and defuses formulas', async () => {
    const service = agentService();
    const lead = await service.signIn('lead');
    const response = await service.call('/api/reports/sla.csv?weeks=1&ui=de', {
      cookie: lead.cookie,
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toMatch(
      /^attachment; filename="sla-2026-W49-2026-W49\.csv"$/,
    );
    const lines = (await response.text())
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines).toHaveLength(1 + 8);
    expect(lines[0]).toContain('Team');
    expect(lines[1]).toBe('2026-W49,email-en,0,0,0,0,,,');
  });

  test('a team manager reads the reports but not readers’ comments, and cannot review', async () => {
    const service = agentService();
    const manager = await service.signIn('manager');
    const response = await service.call('/api/reports?weeks=1', { cookie: manager.cookie });
    expect(response.status).toBe(200);
    const tables = ((await response.json()) as { tables: Record<string, unknown> }).tables;
    expect(Object.keys(tables)).toContain('sla');
    expect(Object.keys(tables)).not.toContain('comments');
    expect((await service.call('/api/reports/sla.csv', { cookie: manager.cookie })).status).toBe(
      200,
    );
    const comments = await service.call('/api/reports/comments.csv', { cookie: manager.cookie });
    expect(comments.status).toBe(403);
    expect(((await comments.json()) as { detail: string }).detail).toContain('content leads only');
    expect((await service.call('/api/sla/tickets', { cookie: manager.cookie })).status).toBe(200);
    expect((await service.call('/api/reviews/queue', { cookie: manager.cookie })).status).toBe(403);
  });

  test('reports are refused to agents and to readers, and a wrong filter is named', async () => {
    const service = agentService();
    const agent = await service.signIn('agent');
    expect((await service.call('/api/reports', { cookie: agent.cookie })).status).toBe(403);
    expect((await service.call('/api/reports/sla.csv', { cookie: agent.cookie })).status).toBe(403);
    expect((await service.call('/api/reports')).status).toBe(401);
    const lead = await service.signIn('lead');
    const wrong = await service.call('/api/reports?weeks=40&locale=xx&team=phone-en', {
      cookie: lead.cookie,
    });
    expect(wrong.status).toBe(422);
    const problem = (await wrong.json()) as { errors: Array<{ field: string; message: string }> };
    expect(problem.errors.map((e) => e.field).sort()).toEqual(['locale', 'team', 'weeks']);
    expect(problem.errors.find((e) => e.field === 'weeks')!.message).toBe(
      'weeks must be at most 26',
    );
    const missing = await service.call('/api/reports/everything.csv', { cookie: lead.cookie });
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { detail: string }).detail).toContain('sla.csv');
  });
});
