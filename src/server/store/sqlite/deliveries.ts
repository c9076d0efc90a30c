/**
 * The ticket delivery outbox on the service's SQLite file. The ticket store writes the rows in the
 * ticket's own transaction; this store hands them to the delivery worker under a lease, so a
 * worker that dies mid-attempt leaves rows that come back once the lease has run out.
 */
import type { DatabaseSync, StatementSync } from 'node:sqlite';
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
import { inTransaction, type Row } from './database.ts';

export class SqliteDeliveryStore implements DeliveryStore {
  readonly #db: DatabaseSync;
  readonly #selectById: StatementSync;
  readonly #markDelivered: StatementSync;
  readonly #markFailed: StatementSync;
  readonly #counts: StatementSync;

  constructor(db: DatabaseSync) {
    this.#db = db;
    this.#selectById = db.prepare(`SELECT ${deliveryColumns} ${deliveriesJoined} WHERE d.id = ?`);
    this.#markDelivered = db.prepare(`UPDATE deliveries
      SET state = 'delivered', delivered_at = ?, leased_until = NULL, last_error = NULL
      WHERE id = ? AND state = 'pending'`);
    // A failure never undoes a success: if another worker delivered the row meanwhile, it stays.
    this.#markFailed = db.prepare(`UPDATE deliveries
      SET state = CASE WHEN :next IS NULL THEN 'dead' ELSE 'pending' END,
        next_attempt_at = COALESCE(:next, next_attempt_at),
        leased_until = NULL, last_error = :error
      WHERE id = :id AND state = 'pending'`);
    this.#counts = db.prepare(
      'SELECT target, state, count(*) AS n FROM deliveries GROUP BY target, state',
    );
  }

  async lease(options: {
    targets: readonly DeliveryTarget[];
    now: string;
    leaseUntil: string;
    limit: number;
  }): Promise<Delivery[]> {
    const wanted = options.targets.filter((target) => deliveryTargets.includes(target));
    if (wanted.length === 0 || options.limit < 1) return [];
    const placeholders = wanted.map(() => '?').join(', ');
    // One write transaction: two workers (or two processes on one file) never take the same row.
    return inTransaction(this.#db, () => {
      const ids = this.#db
        .prepare(
          `SELECT id FROM deliveries
           WHERE state = 'pending' AND target IN (${placeholders}) AND next_attempt_at <= ?
             AND (leased_until IS NULL OR leased_until <= ?)
           ORDER BY next_attempt_at, id LIMIT ?`,
        )
        .all(...wanted, options.now, options.now, Math.trunc(options.limit))
        .map((row) => row.id as number);
      const claim = this.#db.prepare(
        'UPDATE deliveries SET leased_until = ?, attempts = attempts + 1 WHERE id = ?',
      );
      for (const id of ids) claim.run(options.leaseUntil, id);
      return ids.map((id) => deliveryFromRow(this.#selectById.get(id) as Row));
    });
  }

  async markDelivered(id: number, at: string): Promise<void> {
    this.#markDelivered.run(at, id);
  }

  async markFailed(
    id: number,
    failure: { error: string; nextAttemptAt: string | null },
  ): Promise<void> {
    // Receivers can answer with whole pages; the list needs the gist.
    this.#markFailed.run({ id, next: failure.nextAttemptAt, error: failure.error.slice(0, 1000) });
  }

  async get(id: number): Promise<Delivery | undefined> {
    const row = this.#selectById.get(id) as Row | undefined;
    return row ? deliveryFromRow(row) : undefined;
  }

  async list(filter: { state?: DeliveryState; limit?: number } = {}): Promise<Delivery[]> {
    const limit = Math.max(1, Math.min(1000, Math.trunc(filter.limit ?? 100)));
    const rows = filter.state
      ? this.#db
          .prepare(
            `SELECT ${deliveryColumns} ${deliveriesJoined} WHERE d.state = ? ORDER BY d.id DESC LIMIT ?`,
          )
          .all(filter.state, limit)
      : this.#db
          .prepare(`SELECT ${deliveryColumns} ${deliveriesJoined} ORDER BY d.id DESC LIMIT ?`)
          .all(limit);
    return rows.map((row) => deliveryFromRow(row as Row));
  }

  async counts(): Promise<DeliveryCounts> {
    return deliveryCountsFromRows(this.#counts.all() as Row[]);
  }

  async retry(id: number, change: Change): Promise<RetryDeliveryResult> {
    return inTransaction(this.#db, () => {
      const row = this.#selectById.get(id) as Row | undefined;
      if (!row) return { outcome: 'not-found' } as const;
      if (row.state !== 'dead')
        return { outcome: 'not-dead', delivery: deliveryFromRow(row) } as const;
      this.#db
        .prepare(
          `UPDATE deliveries SET state = 'pending', attempts = 0, next_attempt_at = ?,
             leased_until = NULL, retried_by = ?, retried_at = ? WHERE id = ?`,
        )
        .run(change.at, change.actor, change.at, id);
      return {
        outcome: 'retried',
        delivery: deliveryFromRow(this.#selectById.get(id) as Row),
      } as const;
    });
  }
}
