/**
 * Ticket delivery as the service runs it: which targets get outbox rows, the senders that are
 * switched on, and the worker that drives them. Email goes out only with SMTP_URL; without it
 * email rows wait in the outbox (counted in the leads' reports) until it is set.
 */
import type { Logger } from '../log.ts';
import type { DeliveryTarget, StoredTicket, Stores } from '../store/types.ts';
import type { SupportConfig } from '../support/types.ts';
import type { DeliverySender } from './attempt.ts';
import type { BackoffPolicy } from './backoff.ts';
import { emailSender } from './email-sender.ts';
import { webhookSender } from './webhook-sender.ts';
import { createDeliveryWorker, type DeliveryWorker } from './worker.ts';

export interface DeliverySettings {
  /** SMTP_URL; without it email deliveries wait in the outbox. */
  smtpUrl?: string | undefined;
  /** MAIL_FROM. */
  mailFrom: string;
  /** SITE_URL: the public origin, for article links. */
  siteUrl: string;
  /** DELIVERY_WEBHOOK_URL and DELIVERY_WEBHOOK_SECRET, when the webhook is switched on. */
  webhook?: { url: string; secret: string } | undefined;
  /** DELIVERY_MAX_ATTEMPTS. Default 8. */
  maxAttempts?: number | undefined;
  /** DELIVERY_LEASE_SECONDS: how long an attempt owns its row. Default 60. */
  leaseSeconds?: number | undefined;
  /** Tests shorten the waits between attempts. Default 30 s doubling up to 1 hour. */
  backoff?: BackoffPolicy | undefined;
  /** Tests poll more often. Default 3 s. */
  pollMs?: number | undefined;
}

export const defaultMaxAttempts = 8;
export const defaultLeaseSeconds = 60;

/** Where a new ticket is delivered: always email, plus the webhook when it is configured. */
export function deliveryTargetsOf(settings: Pick<DeliverySettings, 'webhook'>): DeliveryTarget[] {
  return settings.webhook ? ['email', 'webhook'] : ['email'];
}

/**
 * An attempt must end well inside its lease, or a slow one is started twice: half the lease,
 * at most 30 s.
 */
export function attemptTimeoutMs(leaseSeconds: number): number {
  return Math.min(30_000, (leaseSeconds * 1000) / 2);
}

export interface TicketDelivery {
  /** False without SMTP_URL: email rows wait in the outbox. */
  emailEnabled: boolean;
  worker: DeliveryWorker;
  stop(): Promise<void>;
}

/** Builds the senders and starts the worker; logs once when email delivery is off. */
export async function startTicketDelivery(options: {
  settings: DeliverySettings;
  stores: Stores;
  support: SupportConfig;
  /** Completes a ticket before it is sent (see DeliveryWorkerOptions.prepare). */
  prepare?: (ticket: StoredTicket) => Promise<StoredTicket>;
  log: Logger;
}): Promise<TicketDelivery> {
  const { settings, stores, log } = options;
  const leaseSeconds = settings.leaseSeconds ?? defaultLeaseSeconds;
  const timeoutMs = attemptTimeoutMs(leaseSeconds);
  const senders: DeliverySender[] = [];
  if (settings.smtpUrl) {
    senders.push(
      emailSender({
        smtpUrl: settings.smtpUrl,
        from: settings.mailFrom,
        support: options.support,
        siteUrl: settings.siteUrl,
        timeoutMs,
      }),
    );
  } else {
    const waiting = (await stores.deliveries.counts()).email.pending;
    log.info(
      `ticket email delivery is off (no SMTP_URL): tickets wait in the outbox until it is set` +
        (waiting > 0 ? ` (${waiting} waiting now)` : ''),
    );
  }
  if (settings.webhook) {
    senders.push(
      webhookSender({
        url: settings.webhook.url,
        secret: settings.webhook.secret,
        siteUrl: settings.siteUrl,
        timeoutMs,
      }),
    );
  }
  const worker = createDeliveryWorker({
    deliveries: stores.deliveries,
    tickets: stores.tickets,
    senders,
    maxAttempts: settings.maxAttempts ?? defaultMaxAttempts,
    leaseMs: leaseSeconds * 1000,
    ...(settings.backoff ? { backoff: settings.backoff } : {}),
    ...(settings.pollMs ? { pollMs: settings.pollMs } : {}),
    ...(options.prepare ? { prepare: options.prepare } : {}),
    log,
  });
  worker.start();
  return {
    emailEnabled: Boolean(settings.smtpUrl),
    worker,
    async stop() {
      await worker.stop();
      for (const sender of senders) sender.close();
    },
  };
}
