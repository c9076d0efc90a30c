/**
 * The service as a serverless function: a default export `{ fetch }`, the shape Node-compatible
 * serverless runtimes and `scripts/bench/server-bundle.ts` expect. Settings come from the same
 * environment variables as the Node server (src/server/env.ts); it serves /api/* only, the static
 * build goes to a CDN.
 *
 * The store here is SQLite on DATA_DIR, which needs a persistent, writable filesystem and one
 * instance at a time. Platforms without one (edge runtimes, functions scaled to many instances)
 * need another TicketStore (PostgreSQL, a platform database) passed to createApp instead.
 * SUPPORT_DIR must point at content/support when the bundle is deployed without the repository.
 */
import type { Hono } from 'hono';
import { createApp } from './app.ts';
import { forwardedClientAddress } from './client-address.ts';
import type { AppEnv } from './context.ts';
import { readServerEnv } from './env.ts';
import { consoleLogger } from './log.ts';
import { problemResponse, problemTypes } from './problem.ts';
import { openSqliteTicketStore } from './store/sqlite.ts';
import { loadSupportConfig } from './support/load.ts';
import { loadArticleSuggester } from './tickets/suggestions.ts';

let app: Promise<Hono<AppEnv>> | undefined;

async function buildApp(): Promise<Hono<AppEnv>> {
  const settings = readServerEnv(process.env);
  const support = loadSupportConfig(settings.supportDir);
  const suggester = await loadArticleSuggester(settings.distDir, consoleLogger);
  return createApp({
    store: openSqliteTicketStore({ dataDir: settings.dataDir }),
    support,
    suggester,
    ...(settings.rateLimit ? { rateLimit: settings.rateLimit } : {}),
    allowedOrigins: settings.allowedOrigins ?? [],
    // A serverless function always sits behind the platform's proxy.
    clientAddress: (c) => forwardedClientAddress(c.req.raw.headers),
  });
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
  return ready.fetch(request);
}

export default { fetch };
