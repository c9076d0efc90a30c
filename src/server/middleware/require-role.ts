/**
 * The role check every privileged route makes on the server: 401 without a valid session, 403
 * when the person's role is too small. State-changing requests with a session must also prove
 * they come from this site's own pages (Origin or Sec-Fetch-Site), besides the SameSite cookie.
 */
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../context.ts';
import { hasRole, type Role } from '../auth/roles.ts';
import { ProblemError, problemTypes } from '../problem.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function requireRole(needed: Role): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const viewer = c.get('viewer');
    if (!viewer) throw signInRequired();
    if (!hasRole(viewer.person.role, needed))
      throw new ProblemError({
        type: problemTypes.forbidden,
        title: 'Your role does not allow this',
        status: 403,
        detail: `This needs the ${needed} role; you are signed in as ${viewer.person.role}. Ask an admin if you need it.`,
      });
    if (!SAFE_METHODS.has(c.req.method) && !fromOwnPages(c.req.raw.headers))
      throw new ProblemError({
        type: problemTypes.crossSiteRequest,
        title: 'Cross-site request refused',
        status: 403,
        detail:
          'A signed-in change must come from the help centre’s own pages (the Origin or Sec-Fetch-Site header says where it came from).',
      });
    await next();
  };
}

export function signInRequired(): ProblemError {
  return new ProblemError({
    type: problemTypes.signInRequired,
    title: 'Sign-in required',
    status: 401,
    detail: 'Sign in to the help centre as an agent first (/en/sign-in/).',
  });
}

/**
 * True when the browser says the request comes from this origin: Sec-Fetch-Site same-origin, or
 * (older browsers) an Origin header, which the app-wide cross-site check has already compared
 * with this site and PUBLIC_ORIGINS. A sibling subdomain (same-site) is not enough.
 */
export function fromOwnPages(headers: Headers): boolean {
  const site = headers.get('sec-fetch-site');
  if (site !== null) return site === 'same-origin';
  return headers.has('origin');
}
