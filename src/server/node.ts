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
import { composeService, type ServiceSettings } from './compose.ts';
import { consoleLogger, type Logger } from './log.ts';
import { staticSite } from './static-site.ts';
import { frontDoor } from './edge/front-door.ts';
import { pagePolicy, providerOrigins } from './edge/page-policy.ts';
import { optedOut } from './reader-events/opt-out.ts';
import { normalizeReference } from './tickets/reference.ts';
import { signInPages } from './sign-in-pages.ts';

export interface NodeServerOptions extends ServiceSettings {
  /** 0 picks a free port; the returned url has the real one. */
  port: number;
  host: string;
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
  const service = await composeService(options, log, {
    clientAddress: (c) => clientAddressOf(c, options.trustProxy ?? false),
  });
  const { stores, support } = service.deps;
  const store = stores.tickets;
  const api = createApp(service.deps);
  // The sign-in page's single sign-on form reaches the provider through a redirect: form-action.
  const policy = pagePolicy({ signInFormActions: providerOrigins(options.oidc?.issuer) });
  const edge = frontDoor(policy);
  const site = staticSite(() => service.live.publicDir(), {
    policy,
    graceRoots: () => service.live.graceDirs('public'),
    onPage: (c, locale) =>
      service.visitors.count({
        locale,
        method: c.req.method,
        clientAddress: clientAddressOf(c, options.trustProxy ?? false) ?? 'unknown',
        userAgent: c.req.header('user-agent'),
        optedOut: optedOut(c.req.raw.headers),
      }),
    signIn: signInPages({
      emailLinks: service.deps.signInConfig?.emailLinks ?? true,
      singleSignOn: service.deps.oidc?.providerName,
    }),
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
      (request, env) =>
        edge(request, (request) => {
          const { pathname } = new URL(request.url);
          const isService = /^\/(api|agents)(\/|$)/.test(pathname);
          return isService ? api.fetch(request, env) : site.fetch(request, env);
        }),
      options.port,
      options.host,
    ));
  } catch (error) {
    await service.close();
    throw error;
  }
  service.startBackgroundWork();

  const host =
    address.family === 'IPv6' && options.host.includes(':') ? `[${options.host}]` : options.host;
  let closing: Promise<void> | undefined;
  return {
    url: `http://${host}:${address.port}`,
    close: () =>
      (closing ??= closeGracefully(server, options.closeGraceMs ?? 10_000).then(() =>
        service.close(),
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
    // Node closes an idle keep-alive connection after 5 s; a client or load balancer that reuses it
    // at that moment gets a reset (ECONNRESET, or a 502 behind a proxy whose idle timeout is
    // longer, 60 s on the common ones). Idle connections outlive the proxies' instead.
    server.keepAliveTimeout = 65_000;
    server.headersTimeout = 66_000;
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
