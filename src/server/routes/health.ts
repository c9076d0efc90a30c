/** GET /api/health: for load balancers and uptime checks; 503 when the database does not answer. */
import { Hono } from 'hono';
import type { AppEnv } from '../context.ts';
import type { Logger } from '../log.ts';
import type { TicketStore } from '../store/types.ts';

export function healthRoutes(deps: { store: TicketStore; log: Logger }): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  routes.get('/health', async (c) => {
    try {
      await deps.store.ping();
      return c.json({ status: 'ok', database: 'ok' });
    } catch (error) {
      deps.log.error('health check: the database did not answer', error);
      return c.json({ status: 'error', database: 'unavailable' }, 503);
    }
  });
  return routes;
}
