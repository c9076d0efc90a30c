/** Delivery outbox rows as the stores return them, from either database. */
import type { Delivery, DeliveryCounts, DeliveryState, DeliveryTarget } from '../types.ts';
import { optionalText, type Row } from './columns.ts';

export const deliveryTargets: readonly DeliveryTarget[] = ['email', 'webhook'];
const deliveryStates: readonly DeliveryState[] = ['pending', 'delivered', 'dead'];

/** A delivery is read with its ticket's reference: select these columns … */
export const deliveryColumns = `d.*, t.reference AS ticket_reference`;
/** … from this join. */
export const deliveriesJoined = `FROM deliveries d JOIN tickets t ON t.id = d.ticket_id`;

export function deliveryFromRow(row: Row): Delivery {
  const optional = (key: string) => optionalText(row, key);
  return {
    id: row['id'] as number,
    ticketId: row['ticket_id'] as string,
    ticketReference: row['ticket_reference'] as string,
    target: row['target'] as DeliveryTarget,
    idempotencyKey: row['idempotency_key'] as string,
    state: row['state'] as DeliveryState,
    attempts: row['attempts'] as number,
    nextAttemptAt: row['next_attempt_at'] as string,
    leasedUntil: optional('leased_until'),
    lastError: optional('last_error'),
    createdAt: row['created_at'] as string,
    deliveredAt: optional('delivered_at'),
    retriedBy: optional('retried_by'),
    retriedAt: optional('retried_at'),
  };
}

/**
 * Counts per target and state from rows of (target, state, n): every known pair is present,
 * zero when no row names it; unknown targets and states are left out.
 */
export function deliveryCountsFromRows(rows: readonly Row[]): DeliveryCounts {
  const counts = Object.fromEntries(
    deliveryTargets.map((target) => [
      target,
      Object.fromEntries(deliveryStates.map((state) => [state, 0])),
    ]),
  ) as DeliveryCounts;
  for (const row of rows) {
    const target = row['target'] as DeliveryTarget;
    const state = row['state'] as DeliveryState;
    if (counts[target] && state in counts[target]) counts[target][state] = row['n'] as number;
  }
  return counts;
}
