/**
 * Readers who ask not to be tracked are not counted: a browser with Do Not Track or Global Privacy
 * Control on sends `DNT: 1` or `Sec-GPC: 1` with every request, and its scripts see the same
 * setting (navigator.doNotTrack, navigator.globalPrivacyControl; src/client/analytics/beacon.ts).
 * Votes and tickets are things a reader chooses to send, so they are kept either way.
 */
export function optedOut(headers: Headers): boolean {
  return headers.get('dnt')?.trim() === '1' || headers.get('sec-gpc')?.trim() === '1';
}
