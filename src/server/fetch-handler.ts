/**
 * The service as a serverless function: a default export `{ fetch }`, the shape Node-compatible
 * serverless runtimes and `scripts/bench/server-bundle.ts` expect. Settings come from the same
 * environment variables as the Node server (src/server/env.ts); it serves /api/* and the agents'
 * help centre (/agents/*, from AGENTS_DIST_DIR, behind sign-in); the public build goes to a CDN.
 *
 * The store here is SQLite on DATA_DIR, which needs a persistent, writable filesystem and one
 * instance at a time. Platforms without one (edge runtimes, functions scaled to many instances)
 * need other stores (PostgreSQL, a platform database) passed to createApp instead.
 * SUPPORT_DIR must point at content/support when the bundle is deployed without the repository.
 */
import type { Hono } from 'hono';
import { createApp } from './app.ts';
import { forwardedClientAddress } from './client-address.ts';
import { composeService } from './compose.ts';
import type { AppEnv } from './context.ts';
import { readServerEnv } from './env.ts';
import { consoleLogger } from './log.ts';
import { problemResponse, problemTypes } from './problem.ts';
import { frontDoor } from './edge/front-door.ts';
import { pagePolicy, providerOrigins } from './edge/page-policy.ts';

let app: Promise<Hono<AppEnv>> | undefined;
// The same security headers and redirect guard as on Node (src/server/node.ts).
const edge = frontDoor(
  pagePolicy({ signInFormActions: providerOrigins(process.env['OIDC_ISSUER']) }),
);

async function buildApp(): Promise<Hono<AppEnv>> {
  const service = await composeService(readServerEnv(process.env), consoleLogger, {
    // A serverless function always sits behind the platform's proxy.
    clientAddress: (c) => forwardedClientAddress(c.req.raw.headers),
  });
  service.startBackgroundWork();
  return createApp(service.deps);
}

async function fetch(request: Request): Promise<Response> {
  let ready: Hono<AppEnv>;
  try {
    ready = await (app ??= buildApp());
  } catch (error) {
    // Start-up failed (configuration, database): say so, and try again on the next request.
    app = undefined;
    consoleLogger.error('the ticket service could not start', error);
    return problemResponse({
      type: problemTypes.unavailable,
      title: 'Service unavailable',
      status: 503,
      detail: 'The ticket service is starting or misconfigured; try again in a minute.',
    });
  }
  return edge(request, (request) => ready.fetch(request));
}

export default { fetch };
