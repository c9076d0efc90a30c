/** Headers every answer carries, and the ones only documents need. */

/** Features no page of the help centre uses; `browsing-topics` replaced `interest-cohort` (FLoC). */
export const PERMISSIONS_POLICY =
  'camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()';

/** On every response, API included: no MIME sniffing, and only the origin leaves as Referer. */
export function setBaseHeaders(headers: Headers): void {
  headers.set('X-Content-Type-Options', 'nosniff');
  // A route may choose a stricter one (the sign-in confirmation sends strict-origin).
  if (!headers.has('Referrer-Policy'))
    headers.set('Referrer-Policy', 'strict-origin-when-cross-origin');
}

/** On HTML documents: the policy (content-security-policy.ts) and the features they may not use. */
export function setDocumentHeaders(headers: Headers, policy: string): void {
  setBaseHeaders(headers);
  headers.set('Content-Security-Policy', policy);
  headers.set('Permissions-Policy', PERMISSIONS_POLICY);
}

export function isHtml(headers: Headers): boolean {
  return /^text\/html/i.test(headers.get('content-type') ?? '');
}
