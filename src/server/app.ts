/**
 * The service as one Hono app: `createApp(deps).fetch` is a standard fetch handler, so the same
 * code runs on Node (src/server/node.ts) and as a serverless function (src/server/fetch-handler.ts).
 * Everything that touches the outside world comes in through `deps`.
 */
import { Hono, type Context } from 'hono';
import { Temporal } from 'temporal-polyfill';
import type { AppEnv } from './context.ts';
import { consoleLogger, type Logger } from './log.ts';
import { refuseCrossSite } from './middleware/same-origin.ts';
import {
  defaultTicketRateLimit,
  inMemoryRateLimiters,
  type RateLimit,
  type RateLimiterFactory,
} from './middleware/rate-limit.ts';
import { ProblemError, notFoundProblem, problemResponse, problemTypes } from './problem.ts';
import { allowedMethodsOf, methodNotAllowedProblem } from './allowed-methods.ts';
import { healthRoutes } from './routes/health.ts';
import { failureResponse } from './failure-response.ts';
import { slaRoutes } from './routes/sla.ts';
import { slaTicketRoutes } from './routes/sla-tickets.ts';
import { helpdeskRoutes } from './routes/helpdesk.ts';
import { listSlaTickets } from './tickets/sla-list.ts';
import { ticketRoutes } from './routes/tickets.ts';
import { defaultVoteRateLimit, voteRoutes } from './routes/votes.ts';
import { authRoutes } from './routes/auth.ts';
import { peopleRoutes } from './routes/people.ts';
import { deliveryRoutes } from './routes/deliveries.ts';
import { flagRoutes } from './routes/flags.ts';
import { proposalRoutes } from './routes/proposals.ts';
import { reviewRoutes } from './routes/reviews.ts';
import { reportRoutes } from './routes/reports.ts';
import { parseReportRequest, rememberedReports } from './reports/service.ts';
import { GitError, openContentGit, type ContentGit } from './content/git.ts';
import type { ReleaseRegistry } from './releases/registry.ts';
import { releaseJobs, type ReleaseJobs } from './releases/jobs.ts';
import { releaseRoutes } from './routes/releases.ts';
import { internalSite } from './internal-site.ts';
import { loadViewer } from './middleware/session.ts';
import { contentRepository, type ContentRepository } from './content/repository.ts';
import { createMailer, type Mailer } from './auth/mailer.ts';
import type { OidcSignIn } from './auth/oidc.ts';
import { signInConfigSchema, type SignInConfig } from './auth/sign-in-config.ts';
import type { Stores } from './store/types.ts';
import type { SupportConfig } from './support/load.ts';
import { noSuggestions, type ArticleSuggester } from './tickets/suggestions.ts';
import { suggestionRoutes } from './routes/suggestions.ts';
import { defaultEventRateLimit, eventRoutes } from './routes/events.ts';
import { fileURLToPath } from 'node:url';

const repoContentDir = fileURLToPath(new URL('../../content/', import.meta.url));

export interface AppDeps {
  /** Every store, on one database (src/server/store). */
  stores: Stores;
  /** Teams, hours and topics, loaded once at start (src/server/support). */
  support: SupportConfig;
  /** Attaches matching articles to new tickets. Default: none. */
  suggester?: ArticleSuggester;
  /** Tickets per client per window. Default 5 per 600 seconds. */
  rateLimit?: RateLimit;
  /**
   * Where rate-limit hits are counted: in memory by default (one instance); through the database
   * when several instances share one (PostgreSQL), so together they allow each limit once.
   */
  rateLimiters?: RateLimiterFactory;
  /**
   * HELPDESK_WEBHOOK_SECRET: the helpdesk signs its SLA events with it (POST /api/helpdesk/events).
   * Without it that webhook answers 503.
   */
  helpdeskWebhookSecret?: string;
  /** "Was this helpful?" answers per client per window. Default 30 per 600 seconds. */
  voteRateLimit?: RateLimit;
  /** Origins allowed to post besides the request's own host (behind a proxy). Default none. */
  allowedOrigins?: readonly string[];
  /**
   * The client's address for the rate limit. The platform knows it (socket, proxy header);
   * default: "unknown", which makes the limit global.
   */
  clientAddress?: (c: Context) => string | undefined;
  /** Default: the system clock. Tests pin it. */
  now?: () => Temporal.Instant;
  /**
   * Largest accepted ticket body in bytes. Default 64 KiB: a form post percent-encodes each
   * Korean character as 9 bytes, so a full 5,000-character message without scripts is ~45 KB.
   */
  maxBodyBytes?: number;
  log?: Logger;
  /** content/ as the agents' editor and proposals read it. Default: this repository's. */
  content?: ContentRepository;
  /** config/sign-in.yaml. Default: email links on, no single sign-on mapping. */
  signInConfig?: SignInConfig;
  /** Single sign-on, when an identity provider is configured. */
  oidc?: OidcSignIn;
  /** Where sign-in links go. Default: printed in the log. */
  mailer?: Mailer;
  /** The internal build (dist-agents/), served under /agents/ to signed-in agents; a function when a release switch can change it. */
  agentsDir?: string | (() => string);
  /** The agents' builds live before the last release switch (their fingerprinted files stay reachable). */
  agentsGraceDirs?: () => string[];
  /** Releases, when the service publishes them (the releases folder and how many to keep). */
  releases?: { registry: ReleaseRegistry; keep: number; contentDir: string; dataDir: string };
  /** Whether a lead may accept their own proposal. Default false. */
  allowSelfApproval?: boolean;
  /** Sign-in links per 15 minutes: per address (default 3) and per client (default 20). */
  signInLinkLimits?: { perAddress: number; perClient: number };
  /**
   * Ticket delivery, when a worker runs in this process (src/server/delivery): whether email goes
   * out (SMTP_URL) and how to wake the worker after a lead retries a delivery. Default: email off.
   */
  delivery?: { emailEnabled: boolean; wake(): void };
  /** Reader event batches (POST /api/events) per client per window. Default 60 per minute. */
  eventRateLimit?: RateLimit;
  /**
   * The public build (dist/): a refused contact-form post from a browser without scripts gets its
   * contact page back, filled in. A function when a release switch can change it. Default: none
   * (such posts get problem+json).
   */
  publicDir?: string | (() => string);
}

export function createApp(deps: AppDeps): Hono<AppEnv> {
  const log = deps.log ?? consoleLogger;
  const now = deps.now ?? (() => Temporal.Now.instant());
  const nowMs = () => now().epochMilliseconds;
  const nowDate = () => new Date(nowMs());
  const limiter = deps.rateLimiters ?? inMemoryRateLimiters;
  const { stores } = deps;
  const content = deps.content ?? contentRepository(repoContentDir);
  const app = new Hono<AppEnv>();

  app.use('*', async (c, next) => {
    c.set('clientAddress', deps.clientAddress?.(c) ?? 'unknown');
    await next();
    c.header('X-Content-Type-Options', 'nosniff');
    if (!c.res.headers.has('Cache-Control')) c.header('Cache-Control', 'no-store');
  });
  app.use('*', refuseCrossSite({ allowedOrigins: deps.allowedOrigins ?? [] }));
  app.use('*', loadViewer(stores, nowDate));

  app.route(
    '/api/auth',
    authRoutes({
      stores,
      now: nowDate,
      log,
      config: deps.signInConfig ?? signInConfigSchema.parse({}),
      oidc: deps.oidc,
      mailer: deps.mailer ?? createMailer({ from: 'help-centre@localhost', log }),
      maxPerAddress: deps.signInLinkLimits?.perAddress ?? 3,
      // Addresses nobody has get no link, so the links counted in the database do not limit them.
      perAddress: limiter(
        'sign-in-address',
        { max: 2 * (deps.signInLinkLimits?.perAddress ?? 3), windowSeconds: 15 * 60 },
        nowMs,
      ),
      perClient: limiter(
        'sign-in-client',
        { max: deps.signInLinkLimits?.perClient ?? 20, windowSeconds: 15 * 60 },
        nowMs,
      ),
    }),
  );
  app.route('/api/people', peopleRoutes({ stores, now: nowDate }));
  app.route(
    '/api/deliveries',
    deliveryRoutes({
      stores,
      now: nowDate,
      emailEnabled: deps.delivery?.emailEnabled ?? false,
      ...(deps.delivery ? { wake: deps.delivery.wake } : {}),
    }),
  );
  app.route('/api/flags', flagRoutes({ stores, content, now: nowDate }));
  const report = rememberedReports({ stores, support: deps.support, content, now: nowDate });
  app.route('/api/reports', reportRoutes({ support: deps.support, report }));
  app.route('/api/proposals', proposalRoutes({ stores, content, now: nowDate }));
  let git: Promise<ContentGit> | undefined;
  const contentGit = () => {
    git ??= openContentGit(content.dir).catch((error: unknown) => {
      git = undefined;
      throw error instanceof GitError
        ? new ProblemError({
            type: problemTypes.unavailable,
            title: 'content/ is not in git',
            status: 503,
            detail: error.message,
          })
        : error;
    });
    return git;
  };
  app.route(
    '/api/reviews',
    reviewRoutes({
      stores,
      content,
      git: contentGit,
      now: nowDate,
      allowSelfApproval: deps.allowSelfApproval ?? false,
    }),
  );
  let jobs: ReleaseJobs | undefined;
  if (deps.releases) {
    jobs = releaseJobs({
      projectDir: fileURLToPath(new URL('../../', import.meta.url)),
      env: {
        CONTENT_DIR: deps.releases.contentDir,
        RELEASES_DIR: deps.releases.registry.dir,
        RELEASES_KEEP: String(deps.releases.keep),
        DATA_DIR: deps.releases.dataDir,
      },
      log,
    });
    app.route(
      '/api/releases',
      releaseRoutes({
        registry: deps.releases.registry,
        jobs,
        now: nowDate,
        timeZone: deps.support.team('en', 'email')?.timeZone ?? 'UTC',
      }),
    );
  }
  if (deps.agentsDir)
    app.route(
      '/agents',
      internalSite({
        agentsDir: deps.agentsDir,
        graceDirs: deps.agentsGraceDirs ?? (() => []),
        stores,
        content,
        log,
        git: contentGit,
        now: nowDate,
        releases: deps.releases?.registry,
        jobs,
        releaseTimeZone: deps.support.team('en', 'email')?.timeZone ?? 'UTC',
        slaTickets: (filter) =>
          listSlaTickets({ store: stores.tickets, support: deps.support, now }, filter),
        slaTeams: () =>
          deps.support.teams.filter((team) => team.channel === 'email').map((team) => team.id),
        reports: async (query) => {
          const parsed = parseReportRequest(query, deps.support);
          if (!parsed.ok) return { errors: parsed.errors };
          return { report: await report(parsed.request) };
        },
      }),
    );

  app.route(
    '/api/votes',
    voteRoutes({
      votes: stores.votes,
      salts: stores.salts,
      content,
      now: nowDate,
      limiter: limiter('votes', deps.voteRateLimit ?? defaultVoteRateLimit, nowMs),
    }),
  );
  app.route(
    '/api/events',
    eventRoutes({
      store: stores.readerEvents,
      now: nowDate,
      limiter: limiter('events', deps.eventRateLimit ?? defaultEventRateLimit, nowMs),
    }),
  );
  app.route(
    '/api/tickets',
    ticketRoutes({
      store: stores.tickets,
      support: deps.support,
      now,
      limiter: limiter('tickets', deps.rateLimit ?? defaultTicketRateLimit),
      maxBodyBytes: deps.maxBodyBytes ?? 64 * 1024,
      ...(deps.publicDir !== undefined ? { publicDir: dirFunction(deps.publicDir) } : {}),
    }),
  );
  app.route('/api/suggestions', suggestionRoutes({ suggester: deps.suggester ?? noSuggestions }));
  app.route(
    '/api/helpdesk',
    helpdeskRoutes({
      store: stores.tickets,
      support: deps.support,
      now,
      secret: deps.helpdeskWebhookSecret,
    }),
  );
  app.route(
    '/api/sla/tickets',
    slaTicketRoutes({ store: stores.tickets, support: deps.support, now }),
  );
  app.route('/api', slaRoutes({ support: deps.support, now }));
  app.route('/api', healthRoutes({ store: stores.tickets, log }));

  // Read once, on the first miss: by then every route is mounted (Hono refuses new ones after).
  let allowedAt: ((path: string) => string[]) | undefined;
  app.notFound((c) => {
    allowedAt ??= allowedMethodsOf(app.routes);
    const allow = allowedAt(c.req.path);
    if (allow.length > 0 && !allow.includes(c.req.method))
      return problemResponse(methodNotAllowedProblem(c.req.method, c.req.path, allow), {
        Allow: allow.join(', '),
      });
    return problemResponse(
      notFoundProblem(`There is no ${c.req.method} ${c.req.path} in this API.`),
    );
  });
  app.onError((error, c) => failureResponse(error, c, log));
  return app;
}

function dirFunction(dir: string | (() => string)): () => string {
  return typeof dir === 'string' ? () => dir : dir;
}
