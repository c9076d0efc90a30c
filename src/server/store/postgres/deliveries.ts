/**
 * The ticket delivery outbox on PostgreSQL, with the behaviour of ../sqlite/deliveries.ts. The
 * ticket store writes the rows in the ticket's own transaction; this store leases them to the
 * delivery workers of every instance. A lease is one statement that locks the rows it picks with
 * FOR UPDATE SKIP LOCKED: a worker never waits for, nor takes, a row another worker is leasing at
 * that moment, and a row leased and committed is no longer due for anyone until its lease runs out.
 */
import type pg from 'pg';
import {
  deliveriesJoined,
  deliveryColumns,
  deliveryCountsFromRows,
  deliveryFromRow,
  deliveryTargets,
} from '../rows/deliveries.ts';
import type {
  Change,
  Delivery,
  DeliveryCounts,
  DeliveryState,
  DeliveryStore,
  DeliveryTarget,
  RetryDeliveryResult,
} from '../types.ts';
import type { Row } from './database.ts';

export class PostgresDeliveryStore implements DeliveryStore {
  readonly #pool: pg.Pool;

  constructor(pool: pg.Pool) {
    this.#pool = pool;
  }

  async lease(options: {
    targets: readonly DeliveryTarget[];
    now: string;
    leaseUntil: string;
    limit: number;
  }): Promise<Delivery[]> {
    const wanted = options.targets.filter((target) => deliveryTargets.includes(target));
    if (wanted.length === 0 || options.limit < 1) return [];
    const { rows } = await this.#pool.query(
      `WITH due AS (
         SELECT id FROM deliveries
         WHERE state = 'pending' AND target = ANY($1) AND next_attempt_at <= $2
           AND (leased_until IS NULL OR leased_until <= $2)
         ORDER BY next_attempt_at, id LIMIT $4
         FOR UPDATE SKIP LOCKED
       )
       UPDATE deliveries d SET leased_until = $3, attempts = d.attempts + 1
       FROM due, tickets t
       WHERE d.id = due.id AND t.id = d.ticket_id
       RETURNING ${deliveryColumns}`,
      [wanted, options.now, options.leaseUntil, Math.trunc(options.limit)],
    );
    // RETURNING has no order of its own: oldest due first, as the worker expects.
    return rows
      .map((row: Row) => deliveryFromRow(row))
      .sort(
        (a, b) =>
          (a.nextAttemptAt < b.nextAttemptAt ? -1 : a.nextAttemptAt > b.nextAttemptAt ? 1 : 0) ||
          a.id - b.id,
      );
  }

  async markDelivered(id: number, at: string): Promise<void> {
    await this.#pool.query(
      `UPDATE deliveries
       SET state = 'delivered', delivered_at = $1, leased_until = NULL, last_error = NULL
       WHERE id = $2 AND state = 'pending'`,
      [at, id],
    );
  }

  async markFailed(
    id: number,
    failure: { error: string; nextAttemptAt: string | null },
  ): Promise<void> {
    // A failure never undoes a success: if another worker delivered the row meanwhile, it stays.
    // Receivers can answer with whole pages; the list needs the gist. PostgreSQL's text cannot
    // hold U+0000, which a binary answer may carry.
    await this.#pool.query(
      `UPDATE deliveries
       SET state = CASE WHEN $2::text IS NULL THEN 'dead' ELSE 'pending' END,
         next_attempt_at = COALESCE($2, next_attempt_at),
         leased_until = NULL, last_error = $3
       WHERE id = $1 AND state = 'pending'`,
      [id, failure.nextAttemptAt, failure.error.slice(0, 1000).replaceAll('\u0000', '')],
    );
  }

  async get(id: number): Promise<Delivery | undefined> {
    if (!isRowId(id)) return undefined;
    const { rows } = await this.#pool.query(
      `SELECT ${deliveryColumns} ${deliveriesJoined} WHERE d.id = $1`,
      [id],
    );
    return rows[0] ? deliveryFromRow(rows[0] as Row) : undefined;
  }

  async list(filter: { state?: DeliveryState; limit?: number } = {}): Promise<Delivery[]> {
    const limit = Math.max(1, Math.min(1000, Math.trunc(filter.limit ?? 100)));
    const { rows } = await this.#pool.query(
      `SELECT ${deliveryColumns} ${deliveriesJoined} WHERE ($1::text IS NULL OR d.state = $1)
       ORDER BY d.id DESC LIMIT $2`,
      [filter.state ?? null, limit],
    );
    return rows.map((row: Row) => deliveryFromRow(row));
  }

  async counts(): Promise<DeliveryCounts> {
    const { rows } = await this.#pool.query(
      'SELECT target, state, count(*) AS n FROM deliveries GROUP BY target, state',
    );
    return deliveryCountsFromRows(rows as Row[]);
  }

  async retry(id: number, change: Change): Promise<RetryDeliveryResult> {
    if (!isRowId(id)) return { outcome: 'not-found' };
    // Conditional on the state: of two leads retrying at once, one retries, the other is told
    // the row is no longer dead.
    const { rows } = await this.#pool.query(
      `UPDATE deliveries d SET state = 'pending', attempts = 0, next_attempt_at = $2,
         leased_until = NULL, retried_by = $3, retried_at = $2
       FROM tickets t
       WHERE d.id = $1 AND d.state = 'dead' AND t.id = d.ticket_id
       RETURNING ${deliveryColumns}`,
      [id, change.at, change.actor],
    );
    if (rows[0]) return { outcome: 'retried', delivery: deliveryFromRow(rows[0] as Row) };
    const current = await this.get(id);
    return current ? { outcome: 'not-dead', delivery: current } : { outcome: 'not-found' };
  }
}

/**
 * Ids are bigint: a number outside it (a route parsed "99999999999999999999") matches no row
 * on SQLite, but PostgreSQL would refuse the query.
 */
function isRowId(id: number): boolean {
  return Number.isSafeInteger(id);
}
