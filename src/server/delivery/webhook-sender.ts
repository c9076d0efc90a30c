/**
 * Delivers a ticket to DELIVERY_WEBHOOK_URL: a JSON POST signed with the shared secret
 * (src/server/webhooks/signature.ts) and carrying the delivery's Idempotency-Key, identical on
 * every retry, so the receiver can drop repeats.
 */
import { signatureHeader, signatureHeaderValue } from '../webhooks/signature.ts';
import { messageOf, type AttemptOutcome, type DeliverySender } from './attempt.ts';
import { ticketPayload } from './ticket-payload.ts';

export interface WebhookSenderOptions {
  url: string;
  secret: string;
  /** Public origin of the help centre, for article links in the body. */
  siteUrl: string;
  /** How long one attempt may take before it counts as failed (and is retried). */
  timeoutMs: number;
  /** Default: the system clock; the signature's timestamp comes from it. */
  now?: () => Date;
}

export function webhookSender(options: WebhookSenderOptions): DeliverySender {
  const now = options.now ?? (() => new Date());
  return {
    target: 'webhook',
    async send(delivery, ticket) {
      const body = JSON.stringify(ticketPayload(ticket, delivery.idempotencyKey, options.siteUrl));
      const timestamp = Math.floor(now().getTime() / 1000);
      let response: Response;
      try {
        response = await fetch(options.url, {
          method: 'POST',
          headers: {
            'Content-Type': 'application/json',
            'User-Agent': 'hammerbid-help-centre',
            'Idempotency-Key': delivery.idempotencyKey,
            [signatureHeader]: signatureHeaderValue(options.secret, timestamp, body),
          },
          body,
          // A redirect would carry the signed ticket somewhere nobody configured.
          redirect: 'manual',
          signal: AbortSignal.timeout(options.timeoutMs),
        });
      } catch (error) {
        const reason =
          error instanceof Error && error.name === 'TimeoutError'
            ? `no answer within ${options.timeoutMs} ms`
            : networkReason(error);
        return { outcome: 'retry', error: `webhook: ${reason}` };
      }
      return classify(response.status, await excerpt(response));
    },
    close() {},
  };
}

/** 2xx delivered; 408, 429 and 5xx may pass later; any other answer will not change by itself. */
export function classify(status: number, text: string): AttemptOutcome {
  if (status >= 200 && status < 300) return { outcome: 'delivered' };
  const error = `webhook answered ${status}${text ? `: ${text}` : ''}`;
  if (status === 408 || status === 429 || status >= 500) return { outcome: 'retry', error };
  const hint =
    status >= 300 && status < 400
      ? ' (redirects are not followed: set DELIVERY_WEBHOOK_URL to the final address)'
      : '';
  return { outcome: 'dead', error: error + hint };
}

async function excerpt(response: Response): Promise<string> {
  try {
    return (await response.text()).replace(/\s+/g, ' ').trim().slice(0, 200);
  } catch {
    return '';
  }
}

function networkReason(error: unknown): string {
  // fetch wraps the socket error ("ECONNREFUSED") in a TypeError("fetch failed") as its cause.
  const cause = error instanceof Error ? (error as Error & { cause?: unknown }).cause : undefined;
  return cause ? `${messageOf(error)} (${messageOf(cause)})` : messageOf(error);
}
