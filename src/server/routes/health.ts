/**
 * GET /api/health: for load balancers and uptime checks. 200 only when the database takes a
 * durable write (TicketStore.ping); otherwise 503 problem+json naming what is wrong (`database`:
 * read-only, full, busy, io-error, unavailable) with Retry-After, and never a path.
 */
import { Hono } from 'hono';
import type { AppEnv } from '../context.ts';
import type { Logger } from '../log.ts';
import {
  databaseRetryAfterSeconds,
  databaseUnavailableProblem,
  problemResponse,
} from '../problem.ts';
import { databaseFaultDescriptions, databaseFaultOf } from '../store/faults.ts';
import type { TicketStore } from '../store/types.ts';

export function healthRoutes(deps: { store: TicketStore; log: Logger }): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  // Checked every few seconds: the log says when the state changes, not at every check.
  let lastFault: string | undefined;
  routes.get('/health', async (c) => {
    try {
      await deps.store.ping();
      if (lastFault) deps.log.info('health check: the database takes writes again');
      lastFault = undefined;
      return c.json({ status: 'ok', database: 'ok' });
    } catch (error) {
      const fault = databaseFaultOf(error);
      const kind = fault?.kind ?? 'unavailable';
      if (lastFault !== kind) {
        if (fault)
          deps.log.error(
            `health check: ${databaseFaultDescriptions[kind]} (${fault.driverMessage})`,
          );
        else deps.log.error('health check: the database did not take a write', error);
      }
      lastFault = kind;
      return problemResponse(
        databaseUnavailableProblem({
          database: kind,
          detail: `${capitalized(databaseFaultDescriptions[kind])}.`,
        }),
        { 'Retry-After': String(databaseRetryAfterSeconds) },
      );
    }
  });
  return routes;
}

function capitalized(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
