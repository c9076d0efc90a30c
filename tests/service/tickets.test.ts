import { describe, expect, test } from 'vitest';
import { postForm, postJson, readDatabase, serverForThisFile, ticket } from './helpers.ts';

const server = serverForThisFile();

function storedTicket(reference: string): Record<string, unknown> {
  return readDatabase(
    server().dataDir,
    (db) =>
      db.prepare('SELECT * FROM tickets WHERE reference = ?').get(reference) as Record<
        string,
        unknown
      >,
  );
}

describe('creating a ticket with JSON', () => {
  test('answers 201 with the reference, the first-reply SLA and a Location', async () => {
    const response = await postJson(server(), ticket());
    expect(response.status).toBe(201);
    const body = await response.json();
    expect(body.reference).toMatch(/^HB-[0-9A-HJKMNP-TV-Z]{8}$/);
    expect(response.headers.get('location')).toBe(`/api/tickets/${body.reference}`);
    expect(body).toMatchObject({ locale: 'en', topic: 'payment', priority: 'normal' });
    expect(body.firstReply).toMatchObject({ hours: 24, clock: 'calendar' });
    expect(body).not.toHaveProperty('suggestedArticles');
    expect(typeof body.id).toBe('string');
  });

  test('quotes the SLA the quote endpoint gives for the same instant and priority', async () => {
    const body = await (await postJson(server(), ticket({ topic: 'payment-blocked' }))).json();
    expect(body.priority).toBe('urgent');
    const quote = await (
      await fetch(
        `${server().url}/api/sla/quote?locale=en&priority=urgent&receivedAt=${encodeURIComponent(body.createdAt)}`,
      )
    ).json();
    expect(body.firstReply).toEqual({
      dueAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      hours: quote.firstReply.hours,
      clock: quote.firstReply.clock,
    });
    expect(Date.parse(body.firstReply.dueAt)).toBe(Date.parse(quote.firstReply.dueAt));
    expect(body.createdAt).toMatch(/\.\d{3}Z$/);
  });

  test('stores the team, the SLA columns and the help-centre context with the ticket', async () => {
    const body = await (
      await postJson(
        server(),
        ticket({
          locale: 'nl',
          articleId: 'paying-for-lots',
          searchQuery: 'betaling mislukt',
          suggestedArticles: ['paying-for-lots', 'payment-methods'],
          openedArticles: ['payment-methods'],
        }),
      )
    ).json();
    const row = storedTicket(body.reference);
    expect(row).toMatchObject({
      team: 'email-nl',
      sla_state: 'pending',
      first_reply_due_at: body.firstReply.dueAt,
      received_at: body.createdAt,
      first_reply_at: null,
      paused_ms: 0,
      paused_since: null,
      article_id: 'paying-for-lots',
      search_query: 'betaling mislukt',
      email: 'anna@example.com',
    });
    expect(JSON.parse(row.shown_articles as string)).toEqual([
      'paying-for-lots',
      'payment-methods',
    ]);
    expect(JSON.parse(row.opened_articles as string)).toEqual(['payment-methods']);
  });

  test('strips control characters, keeps newlines and tabs in the message, trims and NFC-normalises', async () => {
    const body = await (
      await postJson(
        server(),
        ticket({
          subject: '  Cafe\u0301 lot\u0007 broken\r\n ',
          message: '\u0000Line one\r\n\tindented\u001b[31m and more text\u0085 ',
          name: ' Zoe\u0308 ',
        }),
      )
    ).json();
    const row = storedTicket(body.reference);
    expect(row.subject).toBe('Café lot broken');
    expect(row.message).toBe('Line one\n\tindented[31m and more text');
    expect(row.name).toBe('Zoë');
  });

  test('anyone with the reference sees only the public view, in any letter case', async () => {
    const created = await (await postJson(server(), ticket())).json();
    const response = await fetch(`${server().url}/api/tickets/${created.reference.toLowerCase()}`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      reference: created.reference,
      locale: 'en',
      createdAt: created.createdAt,
      firstReply: { dueAt: created.firstReply.dueAt },
    });
  });

  test('an unknown reference answers a 404 problem', async () => {
    for (const reference of ['HB-00000000', 'not-a-reference', '%00']) {
      const response = await fetch(`${server().url}/api/tickets/${reference}`);
      expect(response.status).toBe(404);
      expect(response.headers.get('content-type')).toBe('application/problem+json');
      expect((await response.json()).type).toBe('/problems/not-found');
    }
  });
});

describe('creating a ticket from an HTML form without scripts', () => {
  test('answers 303 See Other to the confirmation page of the locale', async () => {
    const response = await postForm(server(), [
      ['locale', 'de'],
      ['email', 'jonas@example.de'],
      ['role', 'seller'],
      ['topic', 'payouts'],
      ['subject', 'Auszahlung fehlt'],
      ['message', 'Meine Auszahlung ist seit einer Woche nicht angekommen.'],
      ['website', ''],
    ]);
    expect(response.status).toBe(303);
    const location = response.headers.get('location') ?? '';
    expect(location).toMatch(/^\/de\/contact\/sent\/\?ref=HB-[0-9A-Z]{8}$/);
    const reference = new URL(location, server().url).searchParams.get('ref') ?? '';
    expect(storedTicket(reference)).toMatchObject({
      locale: 'de',
      role: 'seller',
      topic: 'payouts',
    });
  });

  test('reads list fields repeated or comma-separated', async () => {
    const response = await postForm(server(), [
      ...Object.entries(ticket()).map(([k, v]) => [k, String(v)] as [string, string]),
      ['suggestedArticles', 'paying-for-lots,payment-methods'],
      ['suggestedArticles', 'bank-transfer'],
      ['openedArticles', 'payment-methods'],
      ['openedArticles', 'bank-transfer'],
    ]);
    expect(response.status).toBe(303);
    const reference =
      new URL(response.headers.get('location') ?? '', server().url).searchParams.get('ref') ?? '';
    const row = storedTicket(reference);
    expect(JSON.parse(row.shown_articles as string)).toEqual([
      'paying-for-lots',
      'payment-methods',
      'bank-transfer',
    ]);
    expect(JSON.parse(row.opened_articles as string)).toEqual(['payment-methods', 'bank-transfer']);
  });
});
