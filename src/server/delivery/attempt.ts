/**
 * What one delivery attempt can end in, and the shape every target's sender has, so the worker
 * treats email and webhook alike.
 */
import type { Delivery, DeliveryTarget, StoredTicket } from '../store/types.ts';

export type AttemptOutcome =
  | { outcome: 'delivered' }
  /** Worth trying again later: network errors, timeouts, 408, 429, 5xx, SMTP 4xx replies. */
  | { outcome: 'retry'; error: string }
  /** Trying again would fail the same way: other 4xx, SMTP 5xx replies, no team address. */
  | { outcome: 'dead'; error: string };

export interface DeliverySender {
  readonly target: DeliveryTarget;
  /** Never throws: every failure is an outcome. */
  send(delivery: Delivery, ticket: StoredTicket): Promise<AttemptOutcome>;
  close(): void;
}

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
