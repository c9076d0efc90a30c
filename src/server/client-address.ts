/**
 * The client's address as a reverse proxy reports it. Only meaningful behind a proxy that sets
 * these headers (and overwrites what clients send), which is why Node uses it only with
 * TRUST_PROXY.
 */
export function forwardedClientAddress(headers: Headers): string | undefined {
  // The proxy appends the address it saw; earlier entries are whatever the client claimed.
  const forwarded = headers.get('x-forwarded-for')?.split(',').at(-1)?.trim();
  return forwarded || headers.get('x-real-ip')?.trim() || undefined;
}
