import type { Locale } from '../../i18n/locales.ts';
import type { ChannelHours, FirstReplyQuote as Quote } from '../../server/support/quote.ts';

/** Calls to the ticket service from the contact page; the answers' types are the service's own. */

export type { ChannelHours, Quote };

export async function fetchQuote(locale: Locale, priority: string): Promise<Quote | null> {
  const response = await fetch(
    `/api/sla/quote?locale=${locale}&priority=${encodeURIComponent(priority)}`,
  ).catch(() => null);
  return response?.ok ? ((await response.json()) as Quote) : null;
}

export async function fetchHours(locale: Locale): Promise<ChannelHours[] | null> {
  const response = await fetch(`/api/hours?locale=${locale}`).catch(() => null);
  return response?.ok ? ((await response.json()) as { channels: ChannelHours[] }).channels : null;
}

export type SendResult =
  | { kind: 'created'; reference: string }
  | { kind: 'invalid'; errors: Array<{ field: string; message: string }> }
  | { kind: 'rate-limited'; retryAfterSeconds: number }
  | { kind: 'network' }
  | { kind: 'failed' };

/** The fields the visitor typed or chose; the rest (suggestions, opened articles) is context. */
const VISITOR_FIELDS = ['locale', 'email', 'name', 'role', 'topic', 'subject', 'message'] as const;

/**
 * Sends the ticket with an Idempotency-Key. The first attempt is kept in this tab with its key and
 * exact body; while the visitor's own fields are unchanged, a double click, a retry after a network
 * error or a resend after the back button sends that same request again, so the service returns
 * the ticket it already made instead of a second one (context that changed meanwhile, such as new
 * suggestions, does not make it a different request).
 */
export async function sendTicket(body: Record<string, unknown>): Promise<SendResult> {
  const fingerprint = JSON.stringify(VISITOR_FIELDS.map((field) => body[field] ?? null));
  let attempt = { key: crypto.randomUUID(), fingerprint, payload: JSON.stringify(body) };
  try {
    const saved = JSON.parse(sessionStorage.getItem('hc-contact-send') ?? 'null') as
      typeof attempt | null;
    if (saved?.fingerprint === fingerprint) attempt = saved;
    else sessionStorage.setItem('hc-contact-send', JSON.stringify(attempt));
  } catch {
    // No session storage: this attempt still has its key; only a reload loses it.
  }
  let response: Response;
  try {
    response = await fetch('/api/tickets', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'idempotency-key': attempt.key,
        accept: 'application/json',
      },
      body: attempt.payload,
    });
  } catch {
    return { kind: 'network' };
  }
  if (response.status === 201 || response.status === 200) {
    const ticket = (await response.json()) as { reference: string };
    return { kind: 'created', reference: ticket.reference };
  }
  if (response.status === 422 || response.status === 400) {
    const problem = (await response.json().catch(() => ({}))) as {
      errors?: Array<{ field: string; message: string }>;
    };
    return { kind: 'invalid', errors: problem.errors ?? [] };
  }
  if (response.status === 429)
    return {
      kind: 'rate-limited',
      retryAfterSeconds: Number(response.headers.get('retry-after') ?? 60),
    };
  return { kind: 'failed' };
}
