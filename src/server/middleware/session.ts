/**
 * Who is signed in: reads the session cookie on every request and puts the person (read fresh
 * from the database, so a removal or demotion counts at once) in `c.var.viewer`.
 */
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../context.ts';
import { resolveViewer } from '../auth/sessions.ts';
import type { Stores } from '../store/types.ts';

export function loadViewer(
  stores: Pick<Stores, 'sessions' | 'people'>,
  now: () => Date,
): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    c.set('viewer', await resolveViewer(stores, c.req.header('cookie'), now()));
    await next();
  };
}
