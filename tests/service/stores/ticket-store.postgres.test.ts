import { describe, expect, test } from 'vitest';
import { openPostgresTicketStore } from '../../../src/server/store/postgres/tickets.ts';
import { emptyDatabase, usePostgresServer, withClient } from './postgres-database.ts';
import { describeTicketStore, draft } from './ticket-store.contract.ts';

const server = usePostgresServer('tickets');

// Each test gets empty tables: the store migrates on open, so dropping them is enough.
describeTicketStore('PostgreSQL', async (options = {}) => {
  await emptyDatabase(server.url);
  return openPostgresTicketStore({ url: server.url, ...options });
});

describe('several instances on one PostgreSQL database', () => {
  test('four instances starting together apply each migration once', async () => {
    await emptyDatabase(server.url);
    const stores = await Promise.all(
      Array.from({ length: 4 }, () => openPostgresTicketStore({ url: server.url })),
    );
    try {
      const { rows } = await withClient(server.url, (client) =>
        client.query('SELECT version, count(*)::int AS n FROM schema_migrations GROUP BY version'),
      );
      expect(rows.every((row) => row.n === 1)).toBe(true);
      expect(rows.length).toBeGreaterThan(0);
    } finally {
      await Promise.all(stores.map((store) => store.close()));
    }
  });

  test('retries of one request spread over two instances create exactly one ticket', async () => {
    await emptyDatabase(server.url);
    const a = await openPostgresTicketStore({ url: server.url });
    const b = await openPostgresTicketStore({ url: server.url });
    try {
      const claim = { key: 'spread', fingerprint: 'same' };
      const results = await Promise.all(
        Array.from({ length: 20 }, (_, i) => (i % 2 ? a : b).createTicket(draft(), claim)),
      );
      expect(results.filter((r) => r.outcome === 'created')).toHaveLength(1);
      const ids = new Set(results.map((r) => (r.outcome === 'key-reused' ? '' : r.ticket.id)));
      expect(ids.size).toBe(1);
    } finally {
      await a.close();
      await b.close();
    }
  });

  test('a database from a newer version of the service is refused with a clear message', async () => {
    await emptyDatabase(server.url);
    const store = await openPostgresTicketStore({ url: server.url });
    await store.close();
    await withClient(server.url, (client) =>
      client.query(`INSERT INTO schema_migrations VALUES (999, 'from the future', 'x')`),
    );
    await expect(openPostgresTicketStore({ url: server.url })).rejects.toThrow(
      /schema is at version 999, but this code knows migrations up to \d+/,
    );
  });
});
