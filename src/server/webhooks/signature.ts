/**
 * Webhook signatures, one scheme both ways (tickets to the helpdesk, SLA events from it), the
 * way Stripe and GitHub sign theirs: HMAC-SHA256 over `<timestamp>.<raw body>` with a shared
 * secret, hex, in `X-Hammerbid-Signature: t=<unix seconds>,v1=<hex>`. The timestamp inside the
 * signature stops a captured request from being replayed later.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export const signatureHeader = 'X-Hammerbid-Signature';

/** How far a signed timestamp may be from the receiver's clock. */
export const defaultToleranceSeconds = 300;

export function signatureOf(secret: string, timestamp: number, body: string): string {
  return createHmac('sha256', secret).update(`${timestamp}.${body}`, 'utf8').digest('hex');
}

/** The header value for `body` signed at `timestamp` (unix seconds). */
export function signatureHeaderValue(secret: string, timestamp: number, body: string): string {
  return `t=${timestamp},v1=${signatureOf(secret, timestamp, body)}`;
}

export type SignatureCheck =
  | { ok: true; timestamp: number }
  | { ok: false; reason: 'missing' | 'malformed' | 'too-old' | 'mismatch' };

/**
 * Checks a signature header against the raw body. Compares in constant time; accepts any of
 * several v1 values, so a secret can be rotated by signing with both for a while.
 */
export function verifySignature(
  secret: string,
  header: string | null | undefined,
  body: string,
  nowSeconds: number,
  toleranceSeconds = defaultToleranceSeconds,
): SignatureCheck {
  if (!header) return { ok: false, reason: 'missing' };
  let timestamp: number | undefined;
  const candidates: string[] = [];
  for (const part of header.split(',')) {
    const [key, value] = part.trim().split('=', 2);
    if (key === 't' && value && /^\d{1,12}$/.test(value)) timestamp = Number(value);
    else if (key === 'v1' && value && /^[0-9a-f]{64}$/.test(value)) candidates.push(value);
  }
  if (timestamp === undefined || candidates.length === 0) return { ok: false, reason: 'malformed' };
  if (Math.abs(nowSeconds - timestamp) > toleranceSeconds) return { ok: false, reason: 'too-old' };
  const expected = Buffer.from(signatureOf(secret, timestamp, body), 'hex');
  const matches = candidates.some((candidate) =>
    timingSafeEqual(Buffer.from(candidate, 'hex'), expected),
  );
  return matches ? { ok: true, timestamp } : { ok: false, reason: 'mismatch' };
}
