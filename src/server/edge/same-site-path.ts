/**
 * Paths that could turn a redirect into a trip to another host. A browser reads a Location of
 * `//evil.example/…` (or `/\evil.example/…`, which it treats the same) as another host, so a
 * request path with a run of slashes must never be echoed back into a Location as it is.
 */

/** A run of two or more slashes or backslashes anywhere in the path. */
const SEPARATOR_RUN = /[/\\]{2,}/;
/** %2F and %5C: no file of the build has a slash in its name, so such a path names nothing. */
const ENCODED_SEPARATOR = /%(?:2f|5c)/i;

/** The same path with every run of slashes and backslashes collapsed to one slash. */
export function collapseSeparators(pathname: string): string {
  return pathname.replace(/[/\\]+/g, '/');
}

export type PathVerdict =
  { kind: 'fine' } | { kind: 'redirect'; location: string } | { kind: 'not-found' };

/**
 * What to do with a request path before any route sees it: collapse runs of separators with a
 * redirect (GET and HEAD; other methods get 404, a redirect would not resend their body), and
 * refuse encoded separators.
 */
export function judgePath(pathname: string, search: string, method: string): PathVerdict {
  if (ENCODED_SEPARATOR.test(pathname)) return { kind: 'not-found' };
  if (!SEPARATOR_RUN.test(pathname) && !pathname.includes('\\')) return { kind: 'fine' };
  if (method !== 'GET' && method !== 'HEAD') return { kind: 'not-found' };
  return { kind: 'redirect', location: collapseSeparators(pathname) + search };
}

/**
 * Whether a Location leaves the site without meaning to: protocol-relative (`//host`, `/\host`,
 * `\\host`). Absolute URLs are left alone: single sign-on redirects to the provider on purpose.
 */
export function isProtocolRelative(location: string): boolean {
  return /^[/\\]{2}/.test(location.trimStart());
}
