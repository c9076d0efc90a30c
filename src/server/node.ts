/**
 * The help centre on one Node process and one port: `/api/*` is the service (createApp), every
 * other path is the static build in distDir. Without a build the API still runs and pages answer
 * 503, so the service can be developed before the site is built.
 */
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { serve, type HttpBindings } from '@hono/node-server';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import { createApp } from './app.ts';
import { forwardedClientAddress } from './client-address.ts';
import { consoleLogger, type Logger } from './log.ts';
import type { RateLimit } from './middleware/rate-limit.ts';
import { staticSite } from './static-site.ts';
import { openSqliteTicketStore } from './store/sqlite.ts';
import { loadSupportConfig } from './support/load.ts';
import { normalizeReference } from './tickets/reference.ts';
import { loadArticleSuggester } from './tickets/suggestions.ts';

export interface NodeServerOptions {
  /** 0 picks a free port; the returned url has the real one. */
  port: number;
  host: string;
  /** The Astro build (dist/). */
  distDir: string;
  /** Folder of the SQLite database. */
  dataDir: string;
  /** content/support by default. */
  supportDir?: string;
  /** Tickets per client per window; default 5 per 10 minutes. */
  rateLimit?: RateLimit;
  /** Public origins allowed to post when a proxy rewrites Host. */
  allowedOrigins?: readonly string[];
  /** Take the client address from X-Forwarded-For (only behind a proxy that sets it). */
  trustProxy?: boolean;
  /** How long close() lets running requests finish before cutting connections. Default 10 s. */
  closeGraceMs?: number;
  log?: Logger;
}

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

/**
 * Starts the server. Throws SupportConfigError when content/support is invalid (nothing is
 * listening then), and the listen error when the port is taken.
 */
export async function startNodeServer(options: NodeServerOptions): Promise<RunningServer> {
  const log = options.log ?? consoleLogger;
  const support = loadSupportConfig(options.supportDir);
  const suggester = await loadArticleSuggester(options.distDir, log);
  const store = openSqliteTicketStore({ dataDir: options.dataDir });
  const api = createApp({
    store,
    support,
    suggester,
    ...(options.rateLimit ? { rateLimit: options.rateLimit } : {}),
    allowedOrigins: options.allowedOrigins ?? [],
    clientAddress: (c) => clientAddressOf(c, options.trustProxy ?? false),
    log,
  });
  const site = staticSite(options.distDir, {
    confirmation: async (reference) => {
      const canonical = normalizeReference(reference);
      const ticket = canonical ? await store.findByReference(canonical) : undefined;
      const team = ticket && support.team(ticket.locale, 'email');
      if (!ticket || !team) return undefined;
      return {
        reference: ticket.reference,
        dueAt: ticket.firstReplyDueAt,
        timeZone: team.timeZone,
      };
    },
  });

  let server: Server;
  let address: AddressInfo;
  try {
    ({ server, address } = await listen(
      (request, env) => {
        const { pathname } = new URL(request.url);
        const isApi = pathname === '/api' || pathname.startsWith('/api/');
        return isApi ? api.fetch(request, env) : site.fetch(request, env);
      },
      options.port,
      options.host,
    ));
  } catch (error) {
    await store.close();
    throw error;
  }

  const host =
    address.family === 'IPv6' && options.host.includes(':') ? `[${options.host}]` : options.host;
  let closing: Promise<void> | undefined;
  return {
    url: `http://${host}:${address.port}`,
    close: () =>
      (closing ??= closeGracefully(server, options.closeGraceMs ?? 10_000).then(() =>
        store.close(),
      )),
  };
}

/** Closes the server on the first SIGTERM or SIGINT, then exits; a second signal exits at once. */
export function closeOnSignals(running: RunningServer, log: Logger = consoleLogger): void {
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) process.exit(1);
    stopping = true;
    log.info(`${signal}: finishing running requests, then closing the database`);
    running.close().then(
      () => process.exit(0),
      (error: unknown) => {
        log.error('closing failed', error);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

type FetchHandler = (request: Request, env: HttpBindings) => Response | Promise<Response>;

function listen(
  fetch: FetchHandler,
  port: number,
  hostname: string,
): Promise<{ server: Server; address: AddressInfo }> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: fetch as never, port, hostname }) as Server;
    server.once('error', reject);
    server.once('listening', () => {
      server.off('error', reject);
      resolve({ server, address: server.address() as AddressInfo });
    });
  });
}

/** Stops accepting, lets running requests finish (up to graceMs), then cuts what is left. */
function closeGracefully(server: Server, graceMs: number): Promise<void> {
  return new Promise((resolve) => {
    const idleSweep = setInterval(() => server.closeIdleConnections(), 100);
    const deadline = setTimeout(() => server.closeAllConnections(), graceMs);
    server.close(() => {
      clearInterval(idleSweep);
      clearTimeout(deadline);
      resolve();
    });
    server.closeIdleConnections();
  });
}

function clientAddressOf(c: Context, trustProxy: boolean): string | undefined {
  return (
    (trustProxy ? forwardedClientAddress(c.req.raw.headers) : undefined) ??
    getConnInfo(c).remote.address
  );
}
