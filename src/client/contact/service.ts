import type { Locale } from '../../i18n/locales.ts';

/** Calls to the ticket service from the contact page. */

export interface Quote {
  firstReply: { dueAt: string; hours: number; clock: string };
  openNow: boolean;
  nextOpenAt: string | null;
}
export interface ChannelHours {
  channel: 'email' | 'phone';
  openNow: boolean;
  today: Array<{ start: string; end: string }>;
  closesAt: string | null;
  nextOpenAt: string | null;
}

export async function fetchQuote(locale: Locale, priority: string): Promise<Quote | null> {
  const response = await fetch(`/api/sla/quote?locale=${locale}&priority=${encodeURIComponent(priority)}`).catch(() => null);
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

/**
 * Sends the ticket with an Idempotency-Key: the same key for the same text in this tab, so a
 * double click, a retry after a network error or a resend after the back button returns the
 * ticket already made instead of a second one.
 */
export async function sendTicket(body: Record<string, unknown>): Promise<SendResult> {
  const fingerprint = JSON.stringify(body);
  let key = '';
  try {
    const saved = JSON.parse(sessionStorage.getItem('hc-contact-send') ?? 'null') as { key: string; fingerprint: string } | null;
    key = saved?.fingerprint === fingerprint ? saved.key : crypto.randomUUID();
    sessionStorage.setItem('hc-contact-send', JSON.stringify({ key, fingerprint }));
  } catch {
    key = crypto.randomUUID();
  }
  let response: Response;
  try {
    response = await fetch('/api/tickets', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': key, accept: 'application/json' },
      body: fingerprint,
    });
  } catch {
    return { kind: 'network' };
  }
  if (response.status === 201 || response.status === 200) {
    const ticket = (await response.json()) as { reference: string };
    return { kind: 'created', reference: ticket.reference };
  }
  if (response.status === 422 || response.status === 400) {
    const problem = (await response.json().catch(() => ({}))) as { errors?: Array<{ field: string; message: string }> };
    return { kind: 'invalid', errors: problem.errors ?? [] };
  }
  if (response.status === 429) return { kind: 'rate-limited', retryAfterSeconds: Number(response.headers.get('retry-after') ?? 60) };
  return { kind: 'failed' };
}
