/**
 * The helpdesk's SLA webhook and the list of tickets at risk, in process (createApp) on a real
 * SQLite file with a pinned clock: Monday 30 November 2026, 10:00 in Amsterdam (09:00Z).
 */
import { describe, expect, it } from 'vitest';
import { signatureHeader, signatureHeaderValue } from '../../src/server/webhooks/signature.ts';
import { agentService, origin, type AgentService } from './agents-helpers.ts';
import { ticket } from './helpers.ts';

const secret = 'test-helpdesk-secret-0123456789';
const HOUR = 3_600_000;

function service(): AgentService {
  return agentService({
    helpdeskWebhookSecret: secret,
    rateLimit: { max: 1000, windowSeconds: 600 },
  });
}

/** A ticket created through the contact API now; returns its reference. */
async function newTicket(hc: AgentService, topic = 'payment'): Promise<string> {
  const response = await hc.call('/api/tickets', { json: ticket({ topic }) });
  expect(response.status).toBe(201);
  return ((await response.json()) as { reference: string }).reference;
}

/** Posts a body to the webhook as the helpdesk does: no browser headers, signed unless told. */
function postEvents(
  hc: AgentService,
  body: unknown,
  options: { sign?: 'ok' | 'none' | 'wrong-secret' | 'too-old' } = {},
): Promise<Response> {
  const raw = JSON.stringify(body);
  const nowSeconds = Math.floor(hc.now().getTime() / 1000);
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  const sign = options.sign ?? 'ok';
  if (sign === 'ok') headers[signatureHeader] = signatureHeaderValue(secret, nowSeconds, raw);
  if (sign === 'wrong-secret')
    headers[signatureHeader] = signatureHeaderValue('another-secret-0123456789', nowSeconds, raw);
  if (sign === 'too-old')
    headers[signatureHeader] = signatureHeaderValue(secret, nowSeconds - 301, raw);
  return Promise.resolve(
    hc.app.request(`${origin}/api/helpdesk/events`, { method: 'POST', headers, body: raw }),
  );
}

let eventNumber = 0;
function event(type: string, reference: string, at: Date, id = `evt_${++eventNumber}`) {
  return { id, type, reference, at: at.toISOString() };
}

function storedTicket(hc: AgentService, reference: string) {
  return hc.stores.tickets.findByReference(reference);
}

describe('the helpdesk webhook', () => {
  it('answers 503 naming the variable to set when no secret is configured', async () => {
    const hc = agentService();
    const response = await postEvents(hc, event('first-reply', 'HB-00000000', hc.now()));
    expect(response.status).toBe(503);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect((await response.json()).detail).toMatch(/HELPDESK_WEBHOOK_SECRET/);
  });

  it('accepts a correctly signed first reply and marks the ticket achieved', async () => {
    const hc = service();
    const reference = await newTicket(hc);
    hc.advance(2 * HOUR);
    const response = await postEvents(hc, event('first-reply', reference, hc.now()));
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      reference,
      duplicate: false,
      sla: { state: 'achieved', firstReplyAt: hc.now().toISOString() },
    });
    expect(await storedTicket(hc, reference)).toMatchObject({
      slaState: 'achieved',
      firstReplyAt: hc.now().toISOString(),
    });
  });

  it('marks a first reply after the due time breached', async () => {
    const hc = service();
    const reference = await newTicket(hc, 'payment-blocked'); // urgent: due 14:00 in Amsterdam
    hc.advance(5 * HOUR);
    const response = await postEvents(hc, event('first-reply', reference, hc.now()));
    expect(await response.json()).toMatchObject({ sla: { state: 'breached' } });
    expect((await storedTicket(hc, reference))?.slaState).toBe('breached');
  });

  it('refuses a missing, wrong or too old signature with 401 and applies nothing', async () => {
    const hc = service();
    const reference = await newTicket(hc);
    for (const sign of ['none', 'wrong-secret', 'too-old'] as const) {
      const response = await postEvents(hc, event('first-reply', reference, hc.now()), { sign });
      expect(response.status, sign).toBe(401);
      const problem = await response.json();
      expect(problem.type).toBe('/problems/invalid-signature');
      expect(problem.reason).toBe(
        { none: 'missing', 'wrong-secret': 'mismatch', 'too-old': 'too-old' }[sign],
      );
    }
    expect((await storedTicket(hc, reference))?.firstReplyAt).toBeNull();
  });

  it('refuses a body changed after signing', async () => {
    const hc = service();
    const reference = await newTicket(hc);
    const raw = JSON.stringify(event('first-reply', reference, hc.now()));
    const header = signatureHeaderValue(secret, Math.floor(hc.now().getTime() / 1000), raw);
    const response = await hc.app.request(`${origin}/api/helpdesk/events`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', [signatureHeader]: header },
      body: raw.replace('first-reply', 'solve'),
    });
    expect(response.status).toBe(401);
  });

  it('treats a repeat of the same event id as harmless', async () => {
    const hc = service();
    const reference = await newTicket(hc);
    hc.advance(HOUR);
    const first = event('first-reply', reference, hc.now(), 'evt_replayed');
    expect((await postEvents(hc, first)).status).toBe(200);
    hc.advance(60_000);
    const again = await postEvents(hc, first);
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ duplicate: true, sla: { state: 'achieved' } });
    const ticketRow = await storedTicket(hc, reference);
    expect(ticketRow?.firstReplyAt).toBe(first.at);
  });

  it('ignores a second first reply and says so', async () => {
    const hc = service();
    const reference = await newTicket(hc);
    hc.advance(HOUR);
    await postEvents(hc, event('first-reply', reference, hc.now()));
    const firstReplyAt = hc.now().toISOString();
    hc.advance(HOUR);
    const response = await postEvents(hc, event('first-reply', reference, hc.now()));
    expect(response.status).toBe(200);
    expect((await response.json()).ignored).toMatch(/first reply was at/);
    expect((await storedTicket(hc, reference))?.firstReplyAt).toBe(firstReplyAt);
  });

  it('answers 404 for an unknown reference', async () => {
    const hc = service();
    const response = await postEvents(hc, event('first-reply', 'HB-00000000', hc.now()));
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({
      type: '/problems/not-found',
      id: expect.any(String),
    });
  });

  it('refuses a resume without a pause with 409, and accepts it once the pause arrived', async () => {
    const hc = service();
    const reference = await newTicket(hc);
    const pausedAt = new Date(hc.now().getTime() + HOUR);
    hc.advance(3 * HOUR);
    const resume = event('resume', reference, hc.now());
    const refused = await postEvents(hc, resume);
    expect(refused.status).toBe(409);
    expect((await refused.json()).detail).toMatch(/no pause before it/);
    // The pause arrives late, dated before the resume: the retried resume fits now.
    expect((await postEvents(hc, event('pause', reference, pausedAt))).status).toBe(200);
    const retried = await postEvents(hc, resume);
    expect(retried.status).toBe(200);
    // The normal target is 24 calendar hours: two hours paused move the due time two hours later.
    expect(await storedTicket(hc, reference)).toMatchObject({
      pausedMs: 2 * HOUR,
      pausedSince: null,
    });
    expect((await retried.json()).sla.dueAt).toBe('2026-12-01T11:00:00.000Z');
  });

  it('answers 400 with the fields to fix for a malformed event', async () => {
    const hc = service();
    const response = await postEvents(hc, {
      id: 'evt_x',
      type: 'replied',
      reference: 'nope',
      at: 'yesterday',
    });
    expect(response.status).toBe(400);
    const problem = await response.json();
    expect(problem.type).toBe('/problems/invalid-event');
    expect(problem.errors.map((error: { field: string }) => error.field).sort()).toEqual([
      'at',
      'reference',
      'type',
    ]);
  });

  it('answers 400 for an empty batch, a batch of more than 100 and a body that is no event', async () => {
    const hc = service();
    const one = event('solve', 'HB-00000000', hc.now());
    const cases: Array<[unknown, string]> = [
      [{ events: [] }, 'events'],
      [{ events: Array.from({ length: 101 }, () => one) }, 'events'],
      [[one], '(body)'],
    ];
    for (const [body, field] of cases) {
      const response = await postEvents(hc, body);
      expect(response.status).toBe(400);
      expect((await response.json()).errors[0].field).toBe(field);
    }
  });

  it('applies a batch in time order and reports per event which failed', async () => {
    const hc = service();
    const reference = await newTicket(hc);
    const start = hc.now().getTime();
    hc.advance(4 * HOUR);
    const response = await postEvents(hc, {
      events: [
        event('resume', reference, new Date(start + 2 * HOUR)),
        event('first-reply', 'HB-00000000', new Date(start + HOUR)),
        event('pause', reference, new Date(start + HOUR)),
        event('first-reply', reference, new Date(start + 3 * HOUR)),
      ],
    });
    expect(response.status).toBe(207);
    const body = await response.json();
    expect(body).toMatchObject({ accepted: 3, failed: 1 });
    expect(body.results.map((result: { status: number }) => result.status)).toEqual([
      200, 404, 200, 200,
    ]);
    expect(await storedTicket(hc, reference)).toMatchObject({
      slaState: 'achieved',
      pausedMs: HOUR,
    });
  });
});

describe('the list of tickets at risk and breached', () => {
  async function queue() {
    const hc = service();
    // Monday 10:00: a normal ticket (due Tuesday 10:00), an urgent one (due Monday 14:00) and one
    // answered within the hour.
    const normal = await newTicket(hc);
    const urgent = await newTicket(hc, 'payment-blocked');
    const answered = await newTicket(hc);
    hc.advance(HOUR);
    await postEvents(hc, event('first-reply', answered, hc.now()));
    // Tuesday 06:00: the normal ticket has used 20 of its 24 hours (at risk from 80 %), the urgent
    // one is past due; a ticket that arrives now waits for the 08:00 opening and uses nothing.
    hc.advance(19 * HOUR);
    const fresh = await newTicket(hc);
    return { hc, normal, urgent, answered, fresh };
  }

  it('shows a lead only the at-risk tickets when asked for them', async () => {
    const { hc, normal } = await queue();
    const { cookie } = await hc.signIn('lead');
    const response = await hc.call('/api/sla/tickets?state=at-risk&team=email-en', { cookie });
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.tickets).toEqual([
      {
        reference: normal,
        team: 'email-en',
        locale: 'en',
        topic: 'payment',
        priority: 'normal',
        receivedAt: '2026-11-30T09:00:00.000Z',
        dueAt: '2026-12-01T09:00:00.000Z',
        usedShare: 0.833,
        state: 'at-risk',
        firstReplyAt: null,
      },
    ]);
  });

  it('shows the breached ones, a pending ticket past due included', async () => {
    const { hc, urgent } = await queue();
    const { cookie } = await hc.signIn('lead');
    const body = await (await hc.call('/api/sla/tickets?state=breached', { cookie })).json();
    expect(body.tickets.map((entry: { reference: string }) => entry.reference)).toEqual([urgent]);
    expect(body.tickets[0]).toMatchObject({ state: 'breached', priority: 'urgent' });
  });

  it('lists nothing for another team', async () => {
    const { hc } = await queue();
    const { cookie } = await hc.signIn('lead');
    const body = await (await hc.call('/api/sla/tickets?team=email-nl', { cookie })).json();
    expect(body.tickets).toEqual([]);
  });

  it('refuses an unknown state or team with 400', async () => {
    const hc = service();
    const { cookie } = await hc.signIn('lead');
    const response = await hc.call('/api/sla/tickets?state=late&team=nobody', { cookie });
    expect(response.status).toBe(400);
    const fields = (await response.json()).errors.map((error: { field: string }) => error.field);
    expect(fields.sort()).toEqual(['state', 'team']);
  });

  it('answers 403 to an agent and 401 without a session', async () => {
    const hc = service();
    const { cookie } = await hc.signIn('agent');
    expect((await hc.call('/api/sla/tickets', { cookie })).status).toBe(403);
    expect((await hc.call('/api/sla/tickets')).status).toBe(401);
  });
});
