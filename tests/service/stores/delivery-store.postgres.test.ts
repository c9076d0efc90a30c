import type pg from 'pg';
import { describe, expect, test } from 'vitest';
import { PostgresDeliveryStore } from '../../../src/server/store/postgres/deliveries.ts';
import { PostgresTicketStore } from '../../../src/server/store/postgres/tickets.ts';
import { generateReference } from '../../../src/server/tickets/reference.ts';
import { describeDeliveryStore, leaseAt, plus, ticketAt } from './delivery-store.contract.ts';
import { useStoreDatabase } from './postgres-database.ts';

const database = useStoreDatabase('deliveries');

/** The ticket store of an instance, writing an email and a webhook row with every ticket. */
const ticketsOn = (pool: pg.Pool) =>
  new PostgresTicketStore(
    pool,
    () => generateReference(),
    async () => {},
    ['email', 'webhook'],
  );

describeDeliveryStore('PostgreSQL', async () => {
  const pool = await database.freshPool();
  return {
    deliveries: new PostgresDeliveryStore(pool),
    tickets: ticketsOn(pool),
    close: database.endPools,
  };
});

const T0 = '2026-12-01T09:00:00.000Z';

describe('deliveries with several instances on one PostgreSQL database', () => {
  test('workers of two instances leasing at once never take the same row, and every row is taken', async () => {
    const poolA = await database.freshPool();
    const a = new PostgresDeliveryStore(poolA);
    const b = new PostgresDeliveryStore(await database.anotherPool());
    const tickets = ticketsOn(poolA);
    for (let i = 0; i < 40; i++) await ticketAt(tickets, plus(T0, i * 1000));
    const now = '2026-12-01T10:00:00.000Z';
    const leased: number[] = [];
    // Each instance runs four workers that lease small batches until the outbox is empty.
    const worker = async (store: PostgresDeliveryStore) => {
      for (;;) {
        const batch = await leaseAt(store, now, { limit: 3 });
        if (batch.length === 0) return;
        leased.push(...batch.map((row) => row.id));
      }
    };
    await Promise.all([a, a, a, a, b, b, b, b].map(worker));
    expect(leased).toHaveLength(80);
    expect(new Set(leased).size).toBe(80);
    const { rows } = await database.query(
      'SELECT count(*)::int AS n FROM deliveries WHERE attempts = 1 AND leased_until IS NOT NULL',
    );
    expect(rows[0].n).toBe(80);
    await database.endPools();
  });

  test('a lease skips rows another instance is leasing at that moment instead of waiting for them', async () => {
    const pool = await database.freshPool();
    const deliveries = new PostgresDeliveryStore(pool);
    const tickets = ticketsOn(pool);
    const first = await ticketAt(tickets, T0);
    const second = await ticketAt(tickets, plus(T0, 1000));
    const other = await database.connect();
    try {
      // Another instance is between picking the oldest row and committing its lease.
      await other.query('BEGIN');
      await other.query(
        `SELECT id FROM deliveries WHERE ticket_id = $1 AND target = 'email' FOR UPDATE`,
        [first.id],
      );
      const leased = await Promise.race([
        leaseAt(deliveries, '2026-12-01T10:00:00.000Z'),
        new Promise<'waited'>((resolve) => setTimeout(() => resolve('waited'), 3000)),
      ]);
      expect(
        leased === 'waited' ? leased : leased.map((row) => [row.ticketId, row.target]),
      ).toEqual([
        [first.id, 'webhook'],
        [second.id, 'email'],
        [second.id, 'webhook'],
      ]);
      await other.query('ROLLBACK');
      // Once the other instance let go without leasing it, the row is due for anyone.
      expect(
        (await leaseAt(deliveries, '2026-12-01T10:00:00.000Z')).map((row) => [
          row.ticketId,
          row.target,
          row.attempts,
        ]),
      ).toEqual([[first.id, 'email', 1]]);
    } finally {
      await other.end();
      await database.endPools();
    }
  });

  test('two leads retrying one dead row on two instances: one retries it, the other is told it is not dead', async () => {
    const poolA = await database.freshPool();
    const a = new PostgresDeliveryStore(poolA);
    const b = new PostgresDeliveryStore(await database.anotherPool());
    await ticketAt(ticketsOn(poolA), T0);
    const [row] = await leaseAt(a, T0, { targets: ['email'] });
    await a.markFailed(row!.id, { error: 'gone', nextAttemptAt: null });
    const results = await Promise.all(
      [a, b, a, b].map((store, i) =>
        store.retry(row!.id, { actor: `lead-${i}`, at: '2026-12-02T09:00:00.000Z' }),
      ),
    );
    expect(results.map((r) => r.outcome).sort()).toEqual([
      'not-dead',
      'not-dead',
      'not-dead',
      'retried',
    ]);
    expect(await a.get(row!.id)).toMatchObject({ state: 'pending', attempts: 0 });
    await database.endPools();
  });

  test('a failure recorded on one instance does not undo a success recorded on another', async () => {
    const poolA = await database.freshPool();
    const a = new PostgresDeliveryStore(poolA);
    const b = new PostgresDeliveryStore(await database.anotherPool());
    await ticketAt(ticketsOn(poolA), T0);
    const [row] = await leaseAt(a, T0, { targets: ['email'] });
    await Promise.all([
      a.markDelivered(row!.id, '2026-12-01T09:00:01.000Z'),
      b.markFailed(row!.id, { error: 'timeout', nextAttemptAt: null }),
    ]);
    // Whichever came first, a delivered row is never dead afterwards.
    const state = (await a.get(row!.id))!.state;
    expect(['delivered', 'dead']).toContain(state);
    await a.markDelivered(row!.id, '2026-12-01T09:00:02.000Z');
    await b.markFailed(row!.id, { error: 'late', nextAttemptAt: null });
    expect((await b.get(row!.id))!.state).toBe(state);
    await database.endPools();
  });

  test('an error carrying U+0000 is kept without it (PostgreSQL text cannot hold it)', async () => {
    const pool = await database.freshPool();
    const deliveries = new PostgresDeliveryStore(pool);
    await ticketAt(ticketsOn(pool), T0);
    const [row] = await leaseAt(deliveries, T0, { targets: ['email'] });
    await deliveries.markFailed(row!.id, { error: '502 \u0000\u0000binary', nextAttemptAt: null });
    expect((await deliveries.get(row!.id))!.lastError).toBe('502 binary');
    await database.endPools();
  });
});
