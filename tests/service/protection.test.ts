import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  postJson,
  readDatabase,
  removeDir,
  startServer,
  ticket,
  type TestServer,
} from './helpers.ts';

let limited: TestServer;
let open: TestServer;

beforeAll(async () => {
  [limited, open] = await Promise.all([
    startServer({
      env: {
        TICKET_RATE_LIMIT_MAX: '2',
        TICKET_RATE_LIMIT_WINDOW_SECONDS: '60',
        TRUST_PROXY: 'true',
      },
    }),
    startServer({ env: { PUBLIC_ORIGINS: 'https://help.hammerbid.example' } }),
  ]);
});

afterAll(async () => {
  for (const server of [limited, open]) {
    await server.stop();
    removeDir(server.dataDir);
  }
});

const from = (client: string) => ({ 'X-Forwarded-For': `203.0.113.9, ${client}` });

describe('the rate limit on ticket creation', () => {
  test('the ticket over the limit is refused with 429 and Retry-After in seconds', async () => {
    const client = '198.51.100.1';
    expect((await postJson(limited, ticket(), from(client))).status).toBe(201);
    expect((await postJson(limited, ticket(), from(client))).status).toBe(201);
    const refused = await postJson(limited, ticket(), from(client));
    expect(refused.status).toBe(429);
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect((await refused.json()).type).toBe('/problems/rate-limited');
  });

  test('another client still gets through', async () => {
    expect((await postJson(limited, ticket(), from('198.51.100.2'))).status).toBe(201);
  });

  test('refused submissions and idempotent replays do not use up the limit', async () => {
    const client = '198.51.100.3';
    for (let i = 0; i < 3; i++) {
      expect((await postJson(limited, ticket({ email: 'typo@' }), from(client))).status).toBe(422);
    }
    const key = { 'Idempotency-Key': randomUUID() };
    expect((await postJson(limited, ticket(), { ...from(client), ...key })).status).toBe(201);
    expect((await postJson(limited, ticket(), { ...from(client), ...key })).status).toBe(201);
    expect((await postJson(limited, ticket(), from(client))).status).toBe(201);
    expect((await postJson(limited, ticket(), from(client))).status).toBe(429);
  });

  test('concurrent requests cannot slip past the limit together', async () => {
    const client = '198.51.100.4';
    const statuses = await Promise.all(
      Array.from(
        { length: 6 },
        async () => (await postJson(limited, ticket(), from(client))).status,
      ),
    );
    expect(statuses.filter((status) => status === 201)).toHaveLength(2);
    expect(statuses.filter((status) => status === 429)).toHaveLength(4);
  });

  test('X-Forwarded-For is ignored unless TRUST_PROXY is set', async () => {
    const server = await startServer({ env: { TICKET_RATE_LIMIT_MAX: '1' } });
    try {
      expect((await postJson(server, ticket(), from('192.0.2.1'))).status).toBe(201);
      expect((await postJson(server, ticket(), from('192.0.2.2'))).status).toBe(429);
    } finally {
      await server.stop();
      removeDir(server.dataDir);
    }
  });
});

describe('refusing cross-site posts', () => {
  const subjectCount = (subject: string) =>
    readDatabase(
      open.dataDir,
      (db) =>
        (
          db.prepare('SELECT count(*) AS n FROM tickets WHERE subject = ?').get(subject) as {
            n: number;
          }
        ).n,
    );

  test.each([
    ['Sec-Fetch-Site: cross-site', { 'Sec-Fetch-Site': 'cross-site' }],
    ['an Origin of another host', { Origin: 'https://evil.example' }],
    ['an Origin on another port of the same machine', { Origin: 'http://127.0.0.1:1' }],
    ['Origin: null', { Origin: 'null' }],
  ])('%s is refused with 403 and nothing is stored', async (_name, headers) => {
    const subject = `Cross-site ${randomUUID()}`;
    const response = await postJson(open, ticket({ subject }), headers);
    expect(response.status).toBe(403);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect((await response.json()).type).toBe('/problems/cross-site-request');
    expect(subjectCount(subject)).toBe(0);
  });

  test.each([
    ['a same-origin browser post', () => ({ 'Sec-Fetch-Site': 'same-origin', Origin: open.url })],
    ['a configured public origin', () => ({ Origin: 'https://help.hammerbid.example' })],
    ['a client that sends neither header', () => ({})],
  ])('%s is accepted', async (_name, headers) => {
    expect((await postJson(open, ticket(), headers())).status).toBe(201);
  });

  test('reading stays allowed from other sites', async () => {
    const response = await fetch(`${open.url}/api/health`, {
      headers: { 'Sec-Fetch-Site': 'cross-site', Origin: 'https://evil.example' },
    });
    expect(response.status).toBe(200);
  });
});
