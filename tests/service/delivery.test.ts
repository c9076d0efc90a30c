/**
 * Ticket delivery in process: the real app and SQLite outbox, a clock the test moves, the worker
 * run one look at a time, and real receivers on loopback (an SMTP server, a node:http server).
 */
import { Temporal } from 'temporal-polyfill';
import { afterAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/app.ts';
import type { Role } from '../../src/server/auth/roles.ts';
import { startSession } from '../../src/server/auth/sessions.ts';
import type { DeliverySender } from '../../src/server/delivery/attempt.ts';
import { emailSender } from '../../src/server/delivery/email-sender.ts';
import { startTicketDelivery } from '../../src/server/delivery/start.ts';
import { webhookSender } from '../../src/server/delivery/webhook-sender.ts';
import { createDeliveryWorker, type DeliveryWorker } from '../../src/server/delivery/worker.ts';
import { formatDue } from '../../src/lib/format-due.ts';
import { silentLogger, type Logger } from '../../src/server/log.ts';
import { openSqliteStores } from '../../src/server/store/sqlite/index.ts';
import type { Delivery, DeliveryTarget, StoredTicket } from '../../src/server/store/types.ts';
import { createSuggestionFiller } from '../../src/server/tickets/suggestion-filler.ts';
import { loadArticleSuggester } from '../../src/server/tickets/suggestions.ts';
import { loadSupportConfig } from '../../src/server/support/load.ts';
import { verifySignature, signatureHeader } from '../../src/server/webhooks/signature.ts';
import { startSmtpSink, type SmtpSink } from '../fixtures/smtp-sink.ts';
import { startWebhookReceiver, type WebhookReceiver } from '../fixtures/webhook-receiver.ts';
import { join } from 'node:path';
import { repoRoot, ticket } from './helpers.ts';
import { tempDir } from './helpers.ts';

const origin = 'http://localhost';
const siteUrl = 'https://help.hammerbid.test';
const secret = 'test-secret-0123456789abcdef';
const support = loadSupportConfig();
const cleanups: Array<() => Promise<void> | void> = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

/** The app on its own outbox, people signed in through real sessions, and a worker to drive. */
function deliveryService(targets: DeliveryTarget[]) {
  const stores = openSqliteStores({ dataDir: tempDir('delivery'), deliveryTargets: targets });
  cleanups.push(() => stores.close());
  let clock = Date.parse('2026-11-30T09:00:00Z');
  const now = () => new Date(clock);
  const app = createApp({
    stores,
    support,
    now: () => Temporal.Instant.fromEpochMilliseconds(clock),
    rateLimit: { max: 1000, windowSeconds: 600 },
    log: silentLogger,
  });
  let people = 0;
  const call = (path: string, init: { method?: string; cookie?: string; json?: unknown } = {}) =>
    app.request(`${origin}${path}`, {
      method: init.method ?? (init.json === undefined ? 'GET' : 'POST'),
      headers: {
        'Sec-Fetch-Site': 'same-origin',
        Origin: origin,
        ...(init.cookie ? { Cookie: init.cookie } : {}),
        ...(init.json === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
      ...(init.json === undefined ? {} : { body: JSON.stringify(init.json) }),
    });
  return {
    stores,
    now,
    call,
    advance(ms: number) {
      clock += ms;
    },
    /** A worker on this outbox and clock, with fixed jitter (half the ceiling). */
    worker(
      senders: DeliverySender[],
      maxAttempts = 8,
      log: Logger = silentLogger,
      prepare?: (ticket: StoredTicket) => Promise<StoredTicket>,
    ): DeliveryWorker {
      cleanups.push(() => senders.forEach((sender) => sender.close()));
      return createDeliveryWorker({
        deliveries: stores.deliveries,
        tickets: stores.tickets,
        senders,
        maxAttempts,
        leaseMs: 60_000,
        now,
        random: () => 0.5,
        ...(prepare ? { prepare } : {}),
        log,
      });
    },
    async createTicket(overrides: Record<string, unknown> = {}): Promise<string> {
      const response = await call('/api/tickets', { json: ticket(overrides) });
      expect(response.status).toBe(201);
      return ((await response.json()) as { reference: string }).reference;
    },
    async signIn(role: Role): Promise<string> {
      const number = ++people;
      const added = await stores.people.add(
        { email: `${role}${number}@hammerbid.test`, role, name: `${role} ${number}` },
        { actor: 'cli', at: now().toISOString() },
      );
      const setCookie = await startSession(
        stores,
        added.person,
        'email-link',
        now(),
        new URL(origin),
      );
      return setCookie.split(';')[0]!;
    },
    async deliveryOf(reference: string, target: DeliveryTarget): Promise<Delivery> {
      const all = await stores.deliveries.list({ limit: 1000 });
      const found = all.find((row) => row.ticketReference === reference && row.target === target);
      if (!found) throw new Error(`no ${target} delivery for ${reference}`);
      return found;
    },
  };
}

async function smtpSink(): Promise<SmtpSink> {
  const sink = await startSmtpSink();
  cleanups.push(() => sink.close());
  return sink;
}

async function receiver(): Promise<WebhookReceiver> {
  const started = await startWebhookReceiver();
  cleanups.push(() => started.close());
  return started;
}

function signedWebhook(url: string): DeliverySender {
  return webhookSender({ url, secret, siteUrl, timeoutMs: 2000 });
}

describe('ticket delivery by email', () => {
  it('emails the team in its language with Reply-To the customer and the customer’s context', async () => {
    const service = deliveryService(['email']);
    const sink = await smtpSink();
    const worker = service.worker([
      emailSender({
        smtpUrl: sink.url,
        from: 'Help <help@hammerbid.test>',
        support,
        siteUrl,
        timeoutMs: 5000,
      }),
    ]);
    const reference = await service.createTicket({
      locale: 'de',
      email: 'jonas@example.de',
      name: 'Jonas Weber',
      role: 'seller',
      topic: 'payouts',
      subject: 'Auszahlung fehlt',
      message: 'Meine Auszahlung für Los 4411 ist seit einer Woche nicht angekommen.',
      articleId: 'payouts',
      searchQuery: 'auszahlung dauer',
      suggestedArticles: ['payouts', 'paying-for-lots'],
      openedArticles: ['payouts'],
    });

    expect(await worker.runOnce()).toBe(1);
    const mail = await sink.waitFor('support-de@hammerbid.example');
    const stored = (await service.stores.tickets.findByReference(reference))!;
    const delivery = await service.deliveryOf(reference, 'email');

    expect(mail.subject).toBe(`Neue Anfrage ${reference}: Auszahlung fehlt`);
    expect(mail.replyTo).toBe('"Jonas Weber" <jonas@example.de>');
    expect(mail.messageId).toBe(`<${delivery.idempotencyKey}@hammerbid-help-centre>`);
    expect(mail.headers['x-idempotency-key']).toBe(delivery.idempotencyKey);
    expect(mail.text).toContain(`Referenz: ${reference}`);
    expect(mail.text).toContain('Rolle: Verkäufer');
    expect(mail.text).toContain(`Thema: ${support.topic('payouts')!.title.de}`);
    expect(mail.text).toContain('Meine Auszahlung für Los 4411');
    expect(mail.text).toContain(`Kam vom Artikel: payouts – ${siteUrl}/de/articles/payouts/`);
    expect(mail.text).toContain('Suchte nach: „auszahlung dauer“');
    expect(mail.text).toContain(`- paying-for-lots – ${siteUrl}/de/articles/paying-for-lots/`);
    // The SLA due time through Intl, in German and the team's time zone.
    const due = formatDue('de', stored.firstReplyDueAt, 'Europe/Amsterdam');
    expect(mail.text).toContain(`Erste Antwort fällig: ${due}`);
    expect(due).toMatch(/MEZ|GMT\+1/);
    expect(await service.deliveryOf(reference, 'email')).toMatchObject({
      state: 'delivered',
      attempts: 1,
      deliveredAt: service.now().toISOString(),
    });
    // Nothing left to do: a second look sends nothing again.
    expect(await worker.runOnce()).toBe(0);
    expect(sink.messages).toHaveLength(1);
  });

  it('marks urgent tickets in the subject, in the team’s language', async () => {
    const service = deliveryService(['email']);
    const sink = await smtpSink();
    const worker = service.worker([
      emailSender({
        smtpUrl: sink.url,
        from: 'help@hammerbid.test',
        support,
        siteUrl,
        timeoutMs: 5000,
      }),
    ]);
    const reference = await service.createTicket({
      locale: 'ko',
      topic: 'account-taken-over',
      subject: '계정이 해킹당했어요',
    });
    await worker.runOnce();
    const mail = await sink.waitFor('support-ko@hammerbid.example');
    expect(mail.subject).toBe(`긴급 문의 ${reference}: 계정이 해킹당했어요`);
    expect(mail.text).toContain('우선순위: 긴급');
  });

  it('keeps email deliveries pending and counted when no SMTP_URL is set, and says so once', async () => {
    const service = deliveryService(['email']);
    const lines: string[] = [];
    const log: Logger = { ...silentLogger, info: (line) => lines.push(line) };
    const delivery = await startTicketDelivery({
      settings: { mailFrom: 'help@hammerbid.test', siteUrl, pollMs: 50 },
      stores: service.stores,
      support,
      log,
    });
    cleanups.push(() => delivery.stop());
    for (let i = 0; i < 3; i++) await service.createTicket({ subject: `Waiting ${i}` });
    delivery.worker.wake();
    expect(await delivery.worker.runOnce()).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 200));

    expect(delivery.emailEnabled).toBe(false);
    expect((await service.stores.deliveries.counts()).email).toEqual({
      pending: 3,
      delivered: 0,
      dead: 0,
    });
    const rows = await service.stores.deliveries.list({ state: 'pending' });
    expect(rows.every((row) => row.attempts === 0)).toBe(true);
    expect(lines.filter((line) => /email delivery is off \(no SMTP_URL\)/.test(line))).toHaveLength(
      1,
    );

    const lead = await service.signIn('lead');
    const listed = await service.call('/api/deliveries?state=pending', { cookie: lead });
    expect(listed.status).toBe(200);
    const body = (await listed.json()) as { deliveries: unknown[]; counts: unknown; email: string };
    expect(body.email).toBe('off');
    expect(body.deliveries).toHaveLength(3);
    expect(body.counts).toMatchObject({ email: { pending: 3 } });
  });
});

describe('ticket delivery by webhook', () => {
  it('finds the suggested articles before sending a ticket whose suggestions are still pending', async () => {
    const service = deliveryService(['webhook']);
    const hook = await receiver();
    // The suggestions of the real build (npm test builds before these tests).
    const filler = createSuggestionFiller({
      store: service.stores.tickets,
      suggester: loadArticleSuggester(join(repoRoot, 'dist'), silentLogger),
      log: silentLogger,
    });
    const worker = service.worker([signedWebhook(hook.url)], 8, silentLogger, filler.fill);
    const reference = await service.createTicket();
    expect((await service.stores.tickets.findByReference(reference))!.suggestionsPending).toBe(
      true,
    );
    expect(await worker.runOnce()).toBe(1);

    const [request] = await hook.waitForRequests(1);
    const stored = (await service.stores.tickets.findByReference(reference))!;
    expect(stored.suggestionsPending).toBe(false);
    expect(stored.suggestedArticles.length).toBeGreaterThan(0);
    expect(stored.suggestedArticles).toContain('payment-methods');
    expect(JSON.parse(request!.body).ticket.suggestedArticles).toEqual(
      stored.suggestedArticles.map((id) => ({ id, url: `${siteUrl}/en/articles/${id}/` })),
    );
    // Queued as well (the service queues every new ticket): nothing is searched or written twice.
    filler.queue(stored);
    await filler.idle();
    expect((await service.stores.tickets.findByReference(reference))!.suggestedArticles).toEqual(
      stored.suggestedArticles,
    );
  });

  it('posts the ticket with its context, a valid signature and the Idempotency-Key', async () => {
    const service = deliveryService(['email', 'webhook']);
    const hook = await receiver();
    const worker = service.worker([signedWebhook(hook.url)]);
    const reference = await service.createTicket({
      articleId: 'paying-for-lots',
      searchQuery: 'card declined',
      suggestedArticles: ['paying-for-lots'],
      openedArticles: ['paying-for-lots'],
    });
    expect(await worker.runOnce()).toBe(1);

    const [request] = await hook.waitForRequests(1);
    const delivery = await service.deliveryOf(reference, 'webhook');
    expect(request!.headers['content-type']).toBe('application/json');
    expect(request!.headers['idempotency-key']).toBe(delivery.idempotencyKey);
    const signature = request!.headers[signatureHeader.toLowerCase()] as string;
    expect(
      verifySignature(secret, signature, request!.body, Math.floor(Date.now() / 1000)),
    ).toMatchObject({ ok: true });
    expect(
      verifySignature('another-secret-value', signature, request!.body, Date.now() / 1000),
    ).toMatchObject({
      ok: false,
    });
    const stored = (await service.stores.tickets.findByReference(reference))!;
    expect(JSON.parse(request!.body)).toEqual({
      type: 'ticket.created',
      idempotencyKey: delivery.idempotencyKey,
      ticket: {
        reference,
        receivedAt: '2026-11-30T09:00:00.000Z',
        locale: 'en',
        team: 'email-en',
        topic: 'payment',
        role: 'buyer',
        priority: 'normal',
        customer: { email: 'anna@example.com', name: 'Anna de Vries' },
        subject: 'My card payment failed twice',
        message: 'I tried to pay for lot 1234 with my Visa card but it failed twice.',
        article: { id: 'paying-for-lots', url: `${siteUrl}/en/articles/paying-for-lots/` },
        searchQuery: 'card declined',
        shownArticles: stored.shownArticles.map((id) => ({
          id,
          url: `${siteUrl}/en/articles/${id}/`,
        })),
        openedArticles: [{ id: 'paying-for-lots', url: `${siteUrl}/en/articles/paying-for-lots/` }],
        suggestedArticles: stored.suggestedArticles.map((id) => ({
          id,
          url: `${siteUrl}/en/articles/${id}/`,
        })),
        sla: {
          firstReplyDueAt: stored.firstReplyDueAt,
          firstReplyHours: 24,
          clock: 'calendar',
          startsAt: stored.firstReplyStartsAt,
        },
      },
    });
    expect(stored.shownArticles).toEqual(['paying-for-lots']);
    expect(delivery.state).toBe('delivered');
    // The email row is not touched by a worker without an email sender: it waits.
    expect((await service.deliveryOf(reference, 'email')).state).toBe('pending');
  });

  it('retries a receiver that answers 503, with the same key, after the backoff', async () => {
    const service = deliveryService(['webhook']);
    const hook = await receiver();
    hook.statuses.push(503, 200);
    const worker = service.worker([signedWebhook(hook.url)]);
    const reference = await service.createTicket();

    expect(await worker.runOnce()).toBe(1);
    const failed = await service.deliveryOf(reference, 'webhook');
    expect(failed).toMatchObject({ state: 'pending', attempts: 1, leasedUntil: null });
    expect(failed.lastError).toContain('503');
    // Full jitter fixed at one half: 15 s of the 30 s ceiling after the first failure.
    expect(failed.nextAttemptAt).toBe('2026-11-30T09:00:15.000Z');
    // Not due yet: nothing is sent.
    expect(await worker.runOnce()).toBe(0);

    service.advance(15_000);
    expect(await worker.runOnce()).toBe(1);
    const requests = await hook.waitForRequests(2);
    expect(requests.map((request) => request.headers['idempotency-key'])).toEqual([
      failed.idempotencyKey,
      failed.idempotencyKey,
    ]);
    expect(requests[0]!.body).toBe(requests[1]!.body);
    expect(await service.deliveryOf(reference, 'webhook')).toMatchObject({
      state: 'delivered',
      attempts: 2,
      lastError: null,
    });
  });

  it('retries a receiver that cannot be reached', async () => {
    const service = deliveryService(['webhook']);
    const hook = await receiver();
    const url = hook.url;
    await hook.close();
    const worker = service.worker([signedWebhook(url)]);
    const reference = await service.createTicket();
    await worker.runOnce();
    const failed = await service.deliveryOf(reference, 'webhook');
    expect(failed).toMatchObject({ state: 'pending', attempts: 1 });
    expect(failed.lastError).toMatch(/webhook: fetch failed/);
  });

  it('dead-letters at once when the receiver answers 400', async () => {
    const service = deliveryService(['webhook']);
    const hook = await receiver();
    hook.statuses.push(400);
    const worker = service.worker([signedWebhook(hook.url)]);
    const reference = await service.createTicket();
    await worker.runOnce();
    const dead = await service.deliveryOf(reference, 'webhook');
    expect(dead).toMatchObject({ state: 'dead', attempts: 1 });
    expect(dead.lastError).toContain('webhook answered 400');
    service.advance(24 * 3600_000);
    expect(await worker.runOnce()).toBe(0);
    expect(hook.requests).toHaveLength(1);
  });
});

describe('dead deliveries for leads', () => {
  it('is dead after the last failed attempt, listed for a lead and put back by a retry', async () => {
    const service = deliveryService(['webhook']);
    const hook = await receiver();
    hook.fallbackStatus = 500;
    const warnings: string[] = [];
    const worker = service.worker([signedWebhook(hook.url)], 3, {
      ...silentLogger,
      warn: (line) => warnings.push(line),
    });
    const reference = await service.createTicket();
    for (let attempt = 1; attempt <= 3; attempt++) {
      expect(await worker.runOnce()).toBe(1);
      service.advance(3600_000);
    }
    expect(await worker.runOnce()).toBe(0);
    const dead = await service.deliveryOf(reference, 'webhook');
    expect(dead).toMatchObject({ state: 'dead', attempts: 3 });
    expect(warnings.join('\n')).toContain(`POST /api/deliveries/${dead.id}/retry`);

    const lead = await service.signIn('lead');
    const agent = await service.signIn('agent');
    const listed = await service.call('/api/deliveries?state=dead', { cookie: lead });
    expect(listed.status).toBe(200);
    const body = (await listed.json()) as {
      deliveries: Array<Record<string, unknown>>;
      counts: unknown;
    };
    expect(body.deliveries).toEqual([
      expect.objectContaining({
        id: dead.id,
        ticketReference: reference,
        target: 'webhook',
        state: 'dead',
        attempts: 3,
        lastError: expect.stringContaining('500'),
        idempotencyKey: dead.idempotencyKey,
      }),
    ]);
    expect(body.counts).toMatchObject({ webhook: { dead: 1, pending: 0, delivered: 0 } });

    const refused = await service.call('/api/deliveries?state=dead', { cookie: agent });
    expect(refused.status).toBe(403);
    expect(refused.headers.get('content-type')).toBe('application/problem+json');
    const anonymous = await service.call('/api/deliveries?state=dead');
    expect(anonymous.status).toBe(401);
    expect(((await anonymous.json()) as { type: string }).type).toBe('/problems/sign-in-required');
    const agentRetry = await service.call(`/api/deliveries/${dead.id}/retry`, {
      cookie: agent,
      json: {},
    });
    expect(agentRetry.status).toBe(403);

    const retried = await service.call(`/api/deliveries/${dead.id}/retry`, {
      cookie: lead,
      json: {},
    });
    expect(retried.status).toBe(200);
    const { delivery } = (await retried.json()) as { delivery: Record<string, unknown> };
    expect(delivery).toMatchObject({
      state: 'pending',
      attempts: 0,
      retriedAt: service.now().toISOString(),
    });
    expect(delivery.retriedBy).toEqual(expect.any(String));
    const again = await service.call(`/api/deliveries/${dead.id}/retry`, {
      cookie: lead,
      json: {},
    });
    expect(again.status).toBe(409);
    expect(((await again.json()) as { type: string }).type).toBe('/problems/conflict');

    hook.fallbackStatus = 200;
    expect(await worker.runOnce()).toBe(1);
    expect(await service.deliveryOf(reference, 'webhook')).toMatchObject({
      state: 'delivered',
      attempts: 1,
    });
    const keys = new Set(hook.requests.map((request) => request.headers['idempotency-key']));
    expect(keys).toEqual(new Set([dead.idempotencyKey]));
  });

  it('answers a retry of an unknown delivery with 404 and a wrong state filter with 400', async () => {
    const service = deliveryService(['email']);
    const lead = await service.signIn('lead');
    const missing = await service.call('/api/deliveries/999/retry', { cookie: lead, json: {} });
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toBe('application/problem+json');
    const notAnId = await service.call('/api/deliveries/abc/retry', { cookie: lead, json: {} });
    expect(notAnId.status).toBe(404);
    const wrongState = await service.call('/api/deliveries?state=lost', { cookie: lead });
    expect(wrongState.status).toBe(400);
    expect(await wrongState.json()).toMatchObject({
      type: '/problems/invalid-parameters',
      errors: [{ field: 'state', message: 'state must be one of: pending, delivered, dead' }],
    });
  });
});

describe('the outbox store', () => {
  it('leases each due row to one worker at a time and gives it back when the lease runs out', async () => {
    const service = deliveryService(['email']);
    for (let i = 0; i < 3; i++) await service.createTicket({ subject: `Lease ${i}` });
    const deliveries = service.stores.deliveries;
    const lease = (now: string, limit = 10) =>
      deliveries.lease({
        targets: ['email'],
        now,
        leaseUntil: new Date(Date.parse(now) + 60_000).toISOString(),
        limit,
      });
    const first = await lease('2026-11-30T09:00:00.000Z', 2);
    const second = await lease('2026-11-30T09:00:00.000Z');
    expect(first).toHaveLength(2);
    expect(second).toHaveLength(1);
    expect(new Set([...first, ...second].map((row) => row.id)).size).toBe(3);
    expect(await lease('2026-11-30T09:00:59.999Z')).toEqual([]);
    // The worker holding them died: a minute later every row is due again, its attempt counted.
    const again = await lease('2026-11-30T09:01:00.000Z');
    expect(again.map((row) => row.attempts)).toEqual([2, 2, 2]);
    expect(
      await deliveries.lease({
        targets: ['webhook'],
        now: '2026-11-30T10:00:00.000Z',
        leaseUntil: '2026-11-30T10:01:00.000Z',
        limit: 10,
      }),
    ).toEqual([]);
  });

  it('keeps a delivered row delivered when a slower attempt fails afterwards', async () => {
    const service = deliveryService(['email']);
    const reference = await service.createTicket();
    const { id } = await service.deliveryOf(reference, 'email');
    await service.stores.deliveries.markDelivered(id, '2026-11-30T09:00:01.000Z');
    await service.stores.deliveries.markFailed(id, { error: 'late timeout', nextAttemptAt: null });
    expect(await service.stores.deliveries.get(id)).toMatchObject({
      state: 'delivered',
      lastError: null,
      deliveredAt: '2026-11-30T09:00:01.000Z',
    });
    expect(await service.stores.deliveries.counts()).toEqual({
      email: { pending: 0, delivered: 1, dead: 0 },
      webhook: { pending: 0, delivered: 0, dead: 0 },
    });
  });
});
