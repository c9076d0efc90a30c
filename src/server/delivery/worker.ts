/**
 * The delivery worker: leases due outbox rows, hands each to its target's sender and records the
 * outcome. It polls every few seconds and is woken at once when a ticket is created, so a ticket
 * usually leaves within milliseconds; a crash mid-attempt leaves the row leased, and it comes back
 * when the lease runs out (at least once, never lost).
 */
import type { Logger } from '../log.ts';
import type {
  Delivery,
  DeliveryStore,
  DeliveryTarget,
  StoredTicket,
  TicketStore,
} from '../store/types.ts';
import { messageOf, type AttemptOutcome, type DeliverySender } from './attempt.ts';
import { defaultBackoff, retryDelayMs, type BackoffPolicy } from './backoff.ts';

export interface DeliveryWorkerOptions {
  deliveries: DeliveryStore;
  tickets: TicketStore;
  /** One per target that is switched on; rows of other targets wait in the outbox. */
  senders: readonly DeliverySender[];
  /** After this many failed attempts a row is dead (a lead can retry it). */
  maxAttempts: number;
  /**
   * How long a worker owns a row while attempting it. Must be longer than an attempt can take
   * (the senders' timeouts), or a slow attempt is started twice.
   */
  leaseMs: number;
  backoff?: BackoffPolicy;
  /** Pause between looks at the outbox when nothing woke the worker. Default 3 s. */
  pollMs?: number;
  /** Rows attempted together (in parallel) per look. Default 10. */
  batchSize?: number;
  /**
   * Completes a ticket before it is sent (its suggested articles, when they are still being
   * found after the commit). Default: the ticket as stored.
   */
  prepare?: (ticket: StoredTicket) => Promise<StoredTicket>;
  /** Default: the system clock. */
  now?: () => Date;
  /** Default Math.random; tests fix the jitter. */
  random?: () => number;
  log: Logger;
}

export interface DeliveryWorker {
  /** Looks at the outbox now (a ticket was created or a delivery retried). */
  wake(): void;
  /** One look: leases what is due, attempts it, records outcomes. Resolves with rows attempted. */
  runOnce(): Promise<number>;
  /** Starts polling; a started worker keeps looking until stop(). */
  start(): void;
  /**
   * Stops polling and waits up to `graceMs` (default 5 s) for running attempts. An attempt still
   * running after that is abandoned: its lease runs out and it is tried again later.
   */
  stop(graceMs?: number): Promise<void>;
}

export function createDeliveryWorker(options: DeliveryWorkerOptions): DeliveryWorker {
  const now = options.now ?? (() => new Date());
  const batchSize = options.batchSize ?? 10;
  const pollMs = options.pollMs ?? 3000;
  const senders = new Map<DeliveryTarget, DeliverySender>(
    options.senders.map((sender) => [sender.target, sender]),
  );
  const targets = [...senders.keys()];
  const at = (ms = 0) => new Date(now().getTime() + ms).toISOString();
  let stopped = false;
  let woken = false;
  let interruptSleep: (() => void) | undefined;
  let loop: Promise<void> | undefined;

  async function attempt(delivery: Delivery): Promise<void> {
    const sender = senders.get(delivery.target);
    if (!sender) return;
    let outcome: AttemptOutcome;
    try {
      const stored = await options.tickets.findByReference(delivery.ticketReference);
      const ticket = stored && options.prepare ? await options.prepare(stored) : stored;
      outcome = ticket
        ? await sender.send(delivery, ticket)
        : { outcome: 'dead', error: `ticket ${delivery.ticketReference} is not in the database` };
    } catch (error) {
      // Senders report failures as outcomes; anything thrown is unexpected, but may pass.
      outcome = { outcome: 'retry', error: messageOf(error) };
    }
    if (outcome.outcome === 'delivered') {
      await options.deliveries.markDelivered(delivery.id, at());
      return;
    }
    const dead = outcome.outcome === 'dead' || delivery.attempts >= options.maxAttempts;
    const nextAttemptAt = dead
      ? null
      : at(retryDelayMs(delivery.attempts, options.backoff ?? defaultBackoff, options.random));
    await options.deliveries.markFailed(delivery.id, { error: outcome.error, nextAttemptAt });
    const what = `${delivery.target} delivery of ${delivery.ticketReference} (attempt ${delivery.attempts})`;
    if (dead) {
      options.log.warn(
        `${what} failed and is dead: ${outcome.error}. A lead can retry it: POST /api/deliveries/${delivery.id}/retry`,
      );
    } else {
      options.log.info(`${what} failed, trying again at ${nextAttemptAt}: ${outcome.error}`);
    }
  }

  async function runOnce(): Promise<number> {
    if (targets.length === 0) return 0;
    const leased = await options.deliveries.lease({
      targets,
      now: at(),
      leaseUntil: at(options.leaseMs),
      limit: batchSize,
    });
    await Promise.all(
      leased.map((delivery) =>
        attempt(delivery).catch((error: unknown) => {
          // The outcome could not be written (database closing): the lease brings the row back.
          if (!stopped) options.log.error(`recording delivery ${delivery.id} failed`, error);
        }),
      ),
    );
    return leased.length;
  }

  function sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        interruptSleep = undefined;
        resolve();
      };
      const timer = setTimeout(done, ms);
      timer.unref();
      interruptSleep = done;
    });
  }

  async function poll(): Promise<void> {
    while (!stopped) {
      woken = false;
      let attempted = 0;
      try {
        attempted = await runOnce();
      } catch (error) {
        if (!stopped) options.log.error('looking at the delivery outbox failed', error);
      }
      // A full batch means more may be due; a wake during the look means a new ticket came.
      if (stopped || attempted >= batchSize || woken) continue;
      await sleep(pollMs);
    }
  }

  return {
    wake() {
      woken = true;
      interruptSleep?.();
    },
    runOnce,
    start() {
      if (loop || stopped) return;
      loop = poll();
    },
    async stop(graceMs = 5000) {
      stopped = true;
      interruptSleep?.();
      if (!loop) return;
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        loop,
        new Promise<void>((resolve) => {
          timer = setTimeout(resolve, graceMs);
        }),
      ]);
      clearTimeout(timer);
    },
  };
}
