/**
 * Refuses state-changing requests a browser sends on behalf of another site (CSRF): the contact
 * form posts without a token, so the browser's own provenance headers are the check. Clients that
 * are not browsers send neither header and pass; they gain nothing a form on another site could.
 */
import type { MiddlewareHandler } from 'hono';
import { ProblemError, problemTypes } from '../problem.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export interface SameOriginOptions {
  /**
   * Public origins allowed to post besides the request's own host, e.g.
   * `https://help.hammerbid.com` when a proxy rewrites Host. Exact origins (scheme, host, port).
   */
  allowedOrigins: readonly string[];
}

export function refuseCrossSite(options: SameOriginOptions): MiddlewareHandler {
  const allowed = new Set(options.allowedOrigins.map((origin) => new URL(origin).origin));
  return async (c, next) => {
    if (SAFE_METHODS.has(c.req.method)) return next();
    if (c.req.header('sec-fetch-site')?.toLowerCase() === 'cross-site') {
      throw crossSite('Sec-Fetch-Site says the request comes from another site.');
    }
    const origin = c.req.header('origin');
    if (
      origin !== undefined &&
      !sameHost(origin, new URL(c.req.url).host) &&
      !allowed.has(origin)
    ) {
      throw crossSite(`Origin ${origin} is not this site and not one of the allowed origins.`);
    }
    return next();
  };
}

function sameHost(origin: string, host: string): boolean {
  try {
    return new URL(origin).host === host.toLowerCase();
  } catch {
    // "null" (sandboxed frames, some redirects) and garbage are never this site.
    return false;
  }
}

function crossSite(detail: string): ProblemError {
  return new ProblemError({
    type: problemTypes.crossSiteRequest,
    title: 'Cross-site request refused',
    status: 403,
    detail: `${detail} Post from the help centre's own pages.`,
  });
}
