/**
 * What every DeliveryStore promises, whatever the database: run by delivery-store.sqlite.test.ts
 * and delivery-store.postgres.test.ts. The rows come from the ticket store, in the ticket's own
 * transaction, one per target (email and webhook here).
 */
import { describe, expect, test } from 'vitest';
import type {
  DeliveryStore,
  DeliveryTarget,
  StoredTicket,
  TicketStore,
} from '../../../src/server/store/types.ts';
import { draft } from './ticket-store.contract.ts';

export interface DeliveryStores {
  deliveries: DeliveryStore;
  /** Writes one delivery row per target (email, webhook) with each ticket. */
  tickets: TicketStore;
  close(): Promise<void>;
}

export interface OpenDeliveryStore {
  (): Promise<DeliveryStores>;
}

/** A ticket received at `receivedAt`: its rows are due then. */
export async function ticketAt(tickets: TicketStore, receivedAt: string): Promise<StoredTicket> {
  const created = await tickets.createTicket(draft({ receivedAt, subject: `at ${receivedAt}` }));
  if (created.outcome !== 'created') throw new Error(created.outcome);
  return created.ticket;
}

export const plus = (at: string, ms: number) => new Date(Date.parse(at) + ms).toISOString();

export function leaseAt(
  deliveries: DeliveryStore,
  now: string,
  {
    targets = ['email', 'webhook'],
    limit = 10,
  }: { targets?: DeliveryTarget[]; limit?: number } = {},
) {
  return deliveries.lease({ targets, now, leaseUntil: plus(now, 60_000), limit });
}

const T0 = '2026-12-01T09:00:00.000Z';

export function describeDeliveryStore(database: string, open: OpenDeliveryStore): void {
  describe(`the delivery store on ${database}`, () => {
    test('a new ticket waits in the outbox once per target, due when it was received', async () => {
      const { deliveries, tickets, close } = await open();
      try {
        const ticket = await ticketAt(tickets, T0);
        const rows = await deliveries.list();
        expect(rows.map((row) => row.target).sort()).toEqual(['email', 'webhook']);
        for (const row of rows) {
          expect(row).toEqual({
            id: expect.any(Number),
            ticketId: ticket.id,
            ticketReference: ticket.reference,
            target: row.target,
            idempotencyKey: expect.any(String),
            state: 'pending',
            attempts: 0,
            nextAttemptAt: T0,
            leasedUntil: null,
            lastError: null,
            createdAt: T0,
            deliveredAt: null,
            retriedBy: null,
            retriedAt: null,
          });
          expect(await deliveries.get(row.id)).toEqual(row);
        }
        expect(rows[0]!.idempotencyKey).not.toBe(rows[1]!.idempotencyKey);
        expect(await deliveries.get(987_654)).toBeUndefined();
        expect(await deliveries.counts()).toEqual({
          email: { pending: 1, delivered: 0, dead: 0 },
          webhook: { pending: 1, delivered: 0, dead: 0 },
        });
      } finally {
        await close();
      }
    });

    test('leases due rows of the asked targets, oldest due first, up to the limit, counting the attempt', async () => {
      const { deliveries, tickets, close } = await open();
      try {
        const late = await ticketAt(tickets, '2026-12-01T09:02:00.000Z');
        const early = await ticketAt(tickets, '2026-12-01T09:01:00.000Z');
        const future = await ticketAt(tickets, '2026-12-01T10:00:00.000Z');
        const now = '2026-12-01T09:30:00.000Z';
        const first = await leaseAt(deliveries, now, { targets: ['email'], limit: 1 });
        expect(first.map((row) => [row.ticketReference, row.target])).toEqual([
          [early.reference, 'email'],
        ]);
        expect(first[0]).toMatchObject({ attempts: 1, leasedUntil: plus(now, 60_000) });
        const rest = await leaseAt(deliveries, now);
        expect(rest.map((row) => row.ticketReference)).toEqual([
          early.reference,
          late.reference,
          late.reference,
        ]);
        expect(rest.map((row) => row.target)).toEqual(['webhook', 'email', 'webhook']);
        expect(rest.every((row) => row.attempts === 1)).toBe(true);
        // Leased rows are nobody else's until the lease runs out; the future ticket is not due.
        expect(await leaseAt(deliveries, plus(now, 59_999))).toEqual([]);
        const again = await leaseAt(deliveries, plus(now, 60_000));
        expect(again.map((row) => row.attempts)).toEqual([2, 2, 2, 2]);
        // A lease that ran out leaves the row due as it was, before the newer ticket's rows.
        const later = await leaseAt(deliveries, '2026-12-01T10:00:00.000Z');
        expect(later.map((row) => [row.ticketId, row.attempts])).toEqual([
          [early.id, 3],
          [early.id, 3],
          [late.id, 3],
          [late.id, 3],
          [future.id, 1],
          [future.id, 1],
        ]);
      } finally {
        await close();
      }
    });

    test('leases nothing for no target, an unknown target or a limit below one', async () => {
      const { deliveries, tickets, close } = await open();
      try {
        await ticketAt(tickets, T0);
        expect(await leaseAt(deliveries, T0, { targets: [] })).toEqual([]);
        expect(await leaseAt(deliveries, T0, { targets: ['fax' as DeliveryTarget] })).toEqual([]);
        expect(await leaseAt(deliveries, T0, { limit: 0 })).toEqual([]);
        expect(await leaseAt(deliveries, T0, { limit: 1.5 })).toHaveLength(1);
        expect((await deliveries.list()).map((row) => row.attempts).sort()).toEqual([0, 1]);
      } finally {
        await close();
      }
    });

    test('five workers leasing at once never get the same row', async () => {
      const { deliveries, tickets, close } = await open();
      try {
        for (let i = 0; i < 10; i++) await ticketAt(tickets, plus(T0, i * 1000));
        const leased = (
          await Promise.all(
            Array.from({ length: 5 }, () => leaseAt(deliveries, '2026-12-01T10:00:00.000Z')),
          )
        ).flat();
        expect(leased).toHaveLength(20);
        expect(new Set(leased.map((row) => row.id)).size).toBe(20);
      } finally {
        await close();
      }
    });

    test('a delivered row is done: lease released, never leased again, not undone by a late failure', async () => {
      const { deliveries, tickets, close } = await open();
      try {
        await ticketAt(tickets, T0);
        const [row] = await leaseAt(deliveries, T0, { targets: ['email'] });
        await deliveries.markDelivered(row!.id, '2026-12-01T09:00:01.000Z');
        await deliveries.markFailed(row!.id, { error: 'late timeout', nextAttemptAt: null });
        await deliveries.markDelivered(row!.id, '2026-12-01T09:00:09.000Z');
        expect(await deliveries.get(row!.id)).toMatchObject({
          state: 'delivered',
          deliveredAt: '2026-12-01T09:00:01.000Z',
          leasedUntil: null,
          lastError: null,
          attempts: 1,
        });
        expect(
          await leaseAt(deliveries, '2026-12-02T09:00:00.000Z', { targets: ['email'] }),
        ).toEqual([]);
        expect((await deliveries.counts()).email).toEqual({ pending: 0, delivered: 1, dead: 0 });
      } finally {
        await close();
      }
    });

    test('a failed attempt waits for its next time with the error kept; without one the row is dead', async () => {
      const { deliveries, tickets, close } = await open();
      try {
        await ticketAt(tickets, T0);
        const [email, webhook] = await leaseAt(deliveries, T0);
        const next = '2026-12-01T09:05:00.000Z';
        await deliveries.markFailed(email!.id, {
          error: `503 ${'x'.repeat(2000)}`,
          nextAttemptAt: next,
        });
        const waiting = await deliveries.get(email!.id);
        expect(waiting).toMatchObject({ state: 'pending', nextAttemptAt: next, leasedUntil: null });
        expect(waiting!.lastError).toHaveLength(1000);
        expect(waiting!.lastError!.startsWith('503 x')).toBe(true);
        expect(await leaseAt(deliveries, plus(next, -1), { targets: ['email'] })).toEqual([]);
        expect(await leaseAt(deliveries, next, { targets: ['email'] })).toMatchObject([
          { id: email!.id, attempts: 2 },
        ]);

        await deliveries.markFailed(webhook!.id, { error: '400 bad request', nextAttemptAt: null });
        expect(await deliveries.get(webhook!.id)).toMatchObject({
          state: 'dead',
          nextAttemptAt: T0,
          leasedUntil: null,
          lastError: '400 bad request',
        });
        expect(
          await leaseAt(deliveries, '2026-12-02T00:00:00.000Z', { targets: ['webhook'] }),
        ).toEqual([]);
        // A dead row does not come back by a late success either: only a lead's retry revives it.
        await deliveries.markDelivered(webhook!.id, '2026-12-01T09:10:00.000Z');
        expect((await deliveries.get(webhook!.id))!.state).toBe('dead');
      } finally {
        await close();
      }
    });

    test('keeps any text of an error, in every language', async () => {
      const { deliveries, tickets, close } = await open();
      try {
        await ticketAt(tickets, T0);
        const [row] = await leaseAt(deliveries, T0, { targets: ['email'] });
        const error = '550 수신 거부 — Ошибка доставки ✓';
        await deliveries.markFailed(row!.id, { error, nextAttemptAt: null });
        expect((await deliveries.get(row!.id))!.lastError).toBe(error);
      } finally {
        await close();
      }
    });

    test('lists rows newest first, by state, at most the limit (1 to 1000, default 100)', async () => {
      const { deliveries, tickets, close } = await open();
      try {
        for (let i = 0; i < 3; i++) await ticketAt(tickets, plus(T0, i * 1000));
        const all = await deliveries.list();
        expect(all).toHaveLength(6);
        expect(all.map((row) => row.id)).toEqual(
          [...all.map((row) => row.id)].sort((a, b) => b - a),
        );
        const [row] = await leaseAt(deliveries, '2026-12-01T10:00:00.000Z', { limit: 1 });
        await deliveries.markFailed(row!.id, { error: 'gone', nextAttemptAt: null });
        expect((await deliveries.list({ state: 'dead' })).map((r) => r.id)).toEqual([row!.id]);
        expect(await deliveries.list({ state: 'delivered' })).toEqual([]);
        expect(await deliveries.list({ state: 'pending' })).toHaveLength(5);
        expect(await deliveries.list({ limit: 2 })).toEqual(all.slice(0, 2));
        expect(await deliveries.list({ limit: 0 })).toEqual(all.slice(0, 1));
        expect(await deliveries.counts()).toEqual({
          email: { pending: 2, delivered: 0, dead: 1 },
          webhook: { pending: 3, delivered: 0, dead: 0 },
        });
      } finally {
        await close();
      }
    });

    test('a lead puts a dead row back, due now with its attempts reset; only dead rows', async () => {
      const { deliveries, tickets, close } = await open();
      try {
        await ticketAt(tickets, T0);
        const [email, webhook] = await leaseAt(deliveries, T0);
        await deliveries.markFailed(email!.id, { error: 'gone', nextAttemptAt: null });
        const change = { actor: 'person-lead', at: '2026-12-03T08:00:00.000Z' };
        const retried = await deliveries.retry(email!.id, change);
        expect(retried).toEqual({
          outcome: 'retried',
          delivery: {
            ...(await deliveries.get(email!.id)),
            state: 'pending',
            attempts: 0,
            nextAttemptAt: change.at,
            leasedUntil: null,
            lastError: 'gone',
            retriedBy: 'person-lead',
            retriedAt: change.at,
          },
        });
        expect(await deliveries.retry(email!.id, change)).toMatchObject({
          outcome: 'not-dead',
          delivery: { id: email!.id, state: 'pending' },
        });
        expect(await deliveries.retry(webhook!.id, change)).toMatchObject({
          outcome: 'not-dead',
          delivery: { id: webhook!.id, state: 'pending', attempts: 1 },
        });
        expect(await deliveries.retry(987_654, change)).toEqual({ outcome: 'not-found' });
        expect(await leaseAt(deliveries, change.at, { targets: ['email'] })).toMatchObject([
          { id: email!.id, attempts: 1 },
        ]);
      } finally {
        await close();
      }
    });
  });
}
