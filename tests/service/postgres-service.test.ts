import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startPostgres, type RunningPostgres } from './postgres-cluster.ts';
import { postJson, runUntilExit, startServer, ticket, type TestServer } from './helpers.ts';

// The service itself on PostgreSQL (DATABASE_URL), not only its stores: two instances on one
// database, a restart, health and a start-up error that names the server.
let database: RunningPostgres;
beforeAll(async () => {
  database = await startPostgres('service');
});
afterAll(async () => {
  await database?.stop();
});

describe('the service on PostgreSQL', () => {
  test('two instances share the tickets, and they outlive a restart', async () => {
    const env = { DATABASE_URL: database.url };
    const [a, b] = await Promise.all([startServer({ env }), startServer({ env })]);
    let c: TestServer | undefined;
    try {
      const created = await (
        await postJson(a, ticket({ subject: 'Paid twice for lot 88' }))
      ).json();
      expect(created.reference).toMatch(/^HB-/);
      const seenByB = await fetch(`${b.url}/api/tickets/${created.reference}`);
      expect(seenByB.status).toBe(200);
      const retry = await postJson(b, ticket({ subject: 'Paid twice for lot 88' }), {
        'Idempotency-Key': 'same-request-on-two-instances',
      });
      const again = await postJson(a, ticket({ subject: 'Paid twice for lot 88' }), {
        'Idempotency-Key': 'same-request-on-two-instances',
      });
      expect((await retry.json()).reference).toBe((await again.json()).reference);
      expect(again.headers.get('idempotent-replayed')).toBe('true');
      const health = await fetch(`${b.url}/api/health`);
      expect(health.status).toBe(200);
      await a.stop();
      c = await startServer({ env });
      expect((await fetch(`${c.url}/api/tickets/${created.reference}`)).status).toBe(200);
    } finally {
      await Promise.all([a.stop(), b.stop(), c?.stop()]);
    }
  });

  test('two instances count one rate limit: together they allow it once', async () => {
    // A database of its own: the first test's tickets would count against this limit.
    const own = await startPostgres('limits');
    const env = { DATABASE_URL: own.url, TICKET_RATE_LIMIT_MAX: '2' };
    const [a, b] = await Promise.all([startServer({ env }), startServer({ env })]);
    try {
      // A refused ticket gives its slot back, whichever instance took it.
      expect((await postJson(a, ticket({ email: 'not-an-address' }))).status).toBe(422);
      const statuses: number[] = [];
      for (const server of [b, a, b]) {
        statuses.push(
          (await postJson(server, ticket({ subject: `Limit ${statuses.length}` }))).status,
        );
      }
      expect(statuses).toEqual([201, 201, 429]);
      const refused = await postJson(a, ticket());
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    } finally {
      await Promise.all([a.stop(), b.stop()]);
      await own.stop();
    }
  });

  test('a lost database answers 503 with Retry-After, and the service recovers by itself', async () => {
    const own = await startPostgres('failover', { ownServer: true });
    const server = await startServer({ env: { DATABASE_URL: own.url } });
    try {
      expect((await postJson(server, ticket())).status).toBe(201);
      own.shutDown!();
      const health = await fetch(`${server.url}/api/health`);
      expect(health.status).toBe(503);
      expect(health.headers.get('retry-after')).toBe('30');
      expect((await health.json()).database).toBe('unavailable');
      const refused = await postJson(server, ticket());
      expect(refused.status).toBe(503);
      expect(refused.headers.get('content-type')).toBe('application/problem+json');
      expect(refused.headers.get('retry-after')).toBe('30');
      own.startAgain!();
      await expect.poll(async () => (await fetch(`${server.url}/api/health`)).status).toBe(200);
      expect((await postJson(server, ticket())).status).toBe(201);
      expect(server.output()).not.toMatch(/\n\s+at /);
    } finally {
      await server.stop();
      await own.stop();
    }
  });

  test('an unreachable database stops the start with the server named and no password shown', async () => {
    const { code, output } = await runUntilExit({
      DATABASE_URL: 'postgres://helpcentre:s3cret-pass@127.0.0.1:1/helpcentre',
    });
    expect(code).not.toBe(0);
    expect(output).toContain('postgres://helpcentre:(hidden)@127.0.0.1:1/helpcentre');
    expect(output).toContain('cannot open the PostgreSQL database');
    expect(output).not.toContain('s3cret-pass');
    expect(output).not.toMatch(/\n\s+at /);
  });
});
