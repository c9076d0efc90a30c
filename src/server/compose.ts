/**
 * Turns the server's settings into the service's dependencies, once, for the Node server
 * (node.ts) and the serverless handler (fetch-handler.ts): the stores on one database, support
 * and sign-in configuration, mail, single sign-on and the suggestion index.
 */
import { createMailer } from './auth/mailer.ts';
import { createOidcSignIn } from './auth/oidc.ts';
import { loadSignInConfig } from './auth/sign-in-config.ts';
import type { AppDeps } from './app.ts';
import { contentRepository } from './content/repository.ts';
import type { Logger } from './log.ts';
import type { RateLimit } from './middleware/rate-limit.ts';
import { openSqliteStores } from './store/sqlite/index.ts';
import type { PostgresStores } from './store/postgres/index.ts';
import { DatabaseOpenError } from './store/faults.ts';
import type { DeliveryTarget, Stores } from './store/types.ts';
import { databaseFile } from './store/sqlite/database.ts';
import { openingAdvice } from './store/sqlite/faults.ts';
import { databaseFaultOf } from './store/faults.ts';
import { displayName } from '../lib/config-file.ts';
import { loadSupportConfig } from './support/load.ts';
import { withoutPassword } from './env.ts';
import { followLiveSuggestions } from './tickets/suggestions.ts';
import { liveSite, type LiveSite } from './live.ts';
import { startReleaseScheduler } from './releases/scheduler.ts';
import { deliveryTargetsOf, startTicketDelivery, type DeliverySettings } from './delivery/start.ts';
import { onNewTickets } from './delivery/wake-on-ticket.ts';
import { createSuggestionFiller } from './tickets/suggestion-filler.ts';
import { startReaderEventRollup } from './reader-events/rollup-schedule.ts';
import { startSignInHousekeeping } from './auth/housekeeping.ts';
import { visitorCounter, type VisitorCounter } from './reader-events/visitors.ts';

/** What the service needs to know; src/server/env.ts reads it from the environment. */
export interface ServiceSettings {
  /** The public build (dist/): its suggestion index feeds tickets. */
  distDir: string;
  /** The agents' build (dist-agents/), served under /agents/. */
  agentsDistDir: string;
  /** Releases (releases/): when one is live, it is served instead of the two builds above. */
  releasesDir?: string;
  /** Releases to keep. */
  releasesKeep?: number;
  /** Whether a lead may accept their own proposal. */
  allowSelfApproval?: boolean;
  /** Sign-in links per 15 minutes, per address and per client. */
  signInLinkLimits?: { perAddress: number; perClient: number };
  /** Folder of the SQLite database. */
  dataDir: string;
  /** DATABASE_URL: PostgreSQL instead of the SQLite file in dataDir. */
  databaseUrl?: string;
  /** content/support by default. */
  supportDir?: string;
  /** content/ of the working tree, read by the agents' editor. */
  contentDir: string;
  /** config/sign-in.yaml by default. */
  signInConfigFile?: string;
  /** smtp://user:pass@host:587; without it mail is printed in the log. */
  smtpUrl?: string;
  /** HELPDESK_WEBHOOK_SECRET: signs the helpdesk's SLA events; unset, that webhook answers 503. */
  helpdeskWebhookSecret?: string;
  /** The From address of the mail the service sends. */
  mailFrom: string;
  /** SITE_URL: the public origin, for article links in delivered tickets. */
  siteUrl?: string;
  /** Ticket delivery besides SMTP_URL and MAIL_FROM: the webhook, attempts, lease. */
  delivery?: Omit<DeliverySettings, 'smtpUrl' | 'mailFrom' | 'siteUrl'>;
  oidc?: {
    issuer: string;
    clientId: string;
    clientSecret: string | undefined;
    redirectUri: string | undefined;
  };
  rateLimit?: RateLimit;
  allowedOrigins?: readonly string[];
}

export interface ComposedService {
  deps: AppDeps;
  live: LiveSite;
  /** Counts help-centre visitors from the pages the Node server answers. */
  visitors: VisitorCounter;
  /**
   * Work that must not delay the start, begun once the server listens: loading the search
   * indexes, and suggesting articles for tickets an earlier run left pending.
   */
  startBackgroundWork(): void;
  close(): Promise<void>;
}

/**
 * Loads and opens everything. Throws SupportConfigError or SignInConfigError (with file and field)
 * when a configuration file is wrong; nothing stays open then.
 */
export async function composeService(
  settings: ServiceSettings,
  log: Logger,
  overrides: Partial<AppDeps> = {},
): Promise<ComposedService> {
  const support = loadSupportConfig(settings.supportDir);
  const signInConfig = loadSignInConfig(settings.signInConfigFile);
  const live = liveSite(settings);
  const suggester = followLiveSuggestions(() => live.publicDir(), log);
  const deliveryTargets = deliveryTargetsOf(settings.delivery ?? {});
  const postgres = settings.databaseUrl
    ? await openPostgresStoresOrSay(settings.databaseUrl, deliveryTargets)
    : undefined;
  const stores: Stores =
    postgres ?? openSqliteStores({ dataDir: settings.dataDir, deliveryTargets });
  // A read-only file with a current schema opens (reads and the static site still work), but the
  // operator hears it now, not from the first reader whose ticket gets 503. SQLite keeps a file
  // it opened read-only that way, so this one needs a restart once fixed.
  await stores.tickets.ping().catch((error: unknown) => {
    const file = settings.databaseUrl
      ? withoutPassword(settings.databaseUrl)
      : databaseFile({ dataDir: settings.dataDir });
    const advice = openingAdvice(error, file) ?? 'see GET /api/health';
    const readOnly = databaseFaultOf(error)?.kind === 'read-only';
    log.warn(
      `warning: ${displayName(file)} does not take writes: ${advice}` +
        `${readOnly ? '; then restart the service' : ''}. Until then tickets and sign-ins ` +
        'answer 503 and GET /api/health is red.',
    );
  });
  // Suggested articles are found after each ticket's commit, and before it is delivered.
  const suggestions = createSuggestionFiller({ store: stores.tickets, suggester, log });
  const delivery = await startTicketDelivery({
    settings: {
      ...settings.delivery,
      smtpUrl: settings.smtpUrl,
      mailFrom: settings.mailFrom,
      siteUrl: settings.siteUrl ?? 'http://localhost:4321',
    },
    stores,
    support,
    prepare: suggestions.fill,
    log,
  });
  const mailer = createMailer({ smtpUrl: settings.smtpUrl, from: settings.mailFrom, log });
  const now = () => new Date();
  const scheduler = live.registry
    ? startReleaseScheduler({
        registry: live.registry,
        contentDir: settings.contentDir,
        stores,
        log,
      })
    : undefined;
  // Reader events: daily rows and retention at start and hourly; visitors written every 5 s.
  const rollup = startReaderEventRollup({ store: stores.readerEvents, log });
  const housekeeping = startSignInHousekeeping({ stores, log });
  const visitors = visitorCounter({ store: stores.readerEvents, salts: stores.salts, log });
  const oidc = settings.oidc
    ? createOidcSignIn(settings.oidc, signInConfig.oidc, { stores, now, log })
    : undefined;
  return {
    live,
    visitors,
    deps: {
      // New tickets wake the delivery worker, so the team hears of them at once, and have their
      // suggested articles found in the background.
      stores: {
        ...stores,
        tickets: onNewTickets(stores.tickets, (ticket) => {
          suggestions.queue(ticket);
          delivery.worker.wake();
        }),
      },
      delivery: { emailEnabled: delivery.emailEnabled, wake: delivery.worker.wake },
      support,
      suggester,
      content: contentRepository(settings.contentDir),
      signInConfig,
      ...(oidc ? { oidc } : {}),
      mailer,
      publicDir: () => live.publicDir(),
      agentsDir: () => live.agentsDir(),
      agentsGraceDirs: () => live.graceDirs('agents'),
      ...(live.registry
        ? {
            releases: {
              registry: live.registry,
              keep: settings.releasesKeep ?? 5,
              contentDir: settings.contentDir,
              dataDir: settings.dataDir,
            },
          }
        : {}),
      allowSelfApproval: settings.allowSelfApproval ?? false,
      ...(settings.helpdeskWebhookSecret
        ? { helpdeskWebhookSecret: settings.helpdeskWebhookSecret }
        : {}),
      ...(settings.signInLinkLimits ? { signInLinkLimits: settings.signInLinkLimits } : {}),
      ...(settings.rateLimit ? { rateLimit: settings.rateLimit } : {}),
      // On PostgreSQL every instance counts in the database: together they allow each limit once.
      ...(postgres ? { rateLimiters: postgres.rateLimiters } : {}),
      allowedOrigins: settings.allowedOrigins ?? [],
      log,
      ...overrides,
    },
    startBackgroundWork() {
      void suggester.warm();
      // Tickets an earlier run acknowledged before their suggestions were found.
      void suggestions
        .recover()
        .catch((error: unknown) =>
          log.error(
            'filling the pending suggested articles failed; they are tried at the next start',
            error,
          ),
        );
    },
    async close() {
      scheduler?.stop();
      housekeeping.stop();
      await rollup.stop();
      await visitors.stop();
      mailer.close();
      suggestions.stop();
      await delivery.stop();
      await stores.close();
    },
  };
}

/** PostgreSQL's stores, or a start-up error that names the server and says what to check. */
async function openPostgresStoresOrSay(
  url: string,
  deliveryTargets: readonly DeliveryTarget[],
): Promise<PostgresStores> {
  try {
    // Loaded only here: the driver and the PostgreSQL stores cost a single-machine start ~50 ms.
    const { openPostgresStores } = await import('./store/postgres/index.ts');
    return await openPostgresStores({ url, deliveryTargets });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new DatabaseOpenError(
      withoutPassword(url),
      `cannot open the PostgreSQL database (${reason}): check that the server runs and accepts ` +
        'connections from this machine, that the user, password and database in DATABASE_URL ' +
        'exist, and that the user may create tables (the service migrates at start)',
      error,
    );
  }
}
