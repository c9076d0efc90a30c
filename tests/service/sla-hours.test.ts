import { describe, expect, test } from 'vitest';
import { serverForThisFile } from './helpers.ts';

const server = serverForThisFile();

const get = (path: string) => fetch(`${server().url}${path}`);

describe('GET /api/health', () => {
  test('reports the service and its database as ok', async () => {
    const response = await get('/api/health');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok', database: 'ok' });
    expect(response.headers.get('cache-control')).toBe('no-store');
  });
});

describe('GET /api/sla/quote', () => {
  test('received Sunday 22:00 in Amsterdam: the clock starts Monday 08:00, due Tuesday 08:00', async () => {
    // Sunday 6 December 2026, 22:00 CET = 21:00Z.
    const response = await get(
      '/api/sla/quote?locale=nl&priority=normal&receivedAt=2026-12-06T21:00:00Z',
    );
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      team: 'email-nl',
      timeZone: 'Europe/Amsterdam',
      priority: 'normal',
      firstReply: {
        dueAt: '2026-12-08T07:00:00Z',
        hours: 24,
        clock: 'calendar',
        startsAt: '2026-12-07T07:00:00Z',
      },
      openNow: false,
      nextOpenAt: '2026-12-07T07:00:00Z',
    });
  });

  test('an urgent request on Wednesday 16:00 is due after 4 business hours, Thursday 11:00', async () => {
    // Wednesday 2 December 2026 16:00 CET; open until 18:00 (2 h), Thursday from 09:00 (2 h).
    const body = await (
      await get('/api/sla/quote?locale=de&priority=urgent&receivedAt=2026-12-02T15:00:00Z')
    ).json();
    expect(body.firstReply).toMatchObject({
      dueAt: '2026-12-03T10:00:00Z',
      hours: 4,
      clock: 'business',
    });
    expect(body).toMatchObject({ openNow: true, nextOpenAt: null });
  });

  test('accepts an offset whose + arrived as a space in an unencoded query string', async () => {
    const body = await (
      await get('/api/sla/quote?locale=nl&receivedAt=2026-12-06T22:00:00+01:00')
    ).json();
    expect(body.firstReply.startsAt).toBe('2026-12-07T07:00:00Z');
  });

  test('defaults to now and to normal priority', async () => {
    const body = await (await get('/api/sla/quote?locale=ko')).json();
    expect(body).toMatchObject({ team: 'email-ko', priority: 'normal' });
    expect(Date.parse(body.firstReply.dueAt)).toBeGreaterThan(Date.now());
  });

  test.each([
    ['/api/sla/quote', ['locale']],
    ['/api/sla/quote?locale=pt', ['locale']],
    ['/api/sla/quote?locale=en&priority=asap', ['priority']],
    ['/api/sla/quote?locale=en&receivedAt=yesterday', ['receivedAt']],
    ['/api/sla/quote?locale=en&receivedAt=2026-12-06T21:00:00', ['receivedAt']],
    ['/api/sla/quote?locale=en&receivedAt=%2B275760-09-13T00:00:00Z', ['receivedAt']],
    ['/api/sla/quote?locale=xx&priority=now&receivedAt=0', ['locale', 'priority', 'receivedAt']],
  ])('%s is a 400 naming %j', async (path, fields) => {
    const response = await get(path);
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    const problem = await response.json();
    expect(problem.type).toBe('/problems/invalid-parameters');
    expect(problem.errors.map((error: { field: string }) => error.field)).toEqual(fields);
  });
});

describe('GET /api/hours', () => {
  test('German has an email and a phone channel in Amsterdam time', async () => {
    const body = await (await get('/api/hours?locale=de')).json();
    expect(body.locale).toBe('de');
    expect(body.timeZone).toBe('Europe/Amsterdam');
    expect(body.channels.map((channel: { channel: string }) => channel.channel)).toEqual([
      'email',
      'phone',
    ]);
    for (const channel of body.channels) {
      expect(typeof channel.openNow).toBe('boolean');
      expect(channel.openNow ? channel.closesAt : channel.nextOpenAt).toMatch(/Z$/);
    }
  });

  test('Russian has email only', async () => {
    const body = await (await get('/api/hours?locale=ru')).json();
    expect(body.channels.map((channel: { team: string }) => channel.team)).toEqual(['email-ru']);
  });

  test('an unknown or missing locale is a 400 naming the parameter', async () => {
    for (const path of ['/api/hours', '/api/hours?locale=EN-gb']) {
      const response = await get(path);
      expect(response.status).toBe(400);
      expect((await response.json()).errors[0].field).toBe('locale');
    }
  });
});
