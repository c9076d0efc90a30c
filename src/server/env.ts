/**
 * The server's settings from environment variables, checked once at start with messages that
 * name the variable, what it got and what it expects.
 */
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import type { NodeServerOptions } from './node.ts';

const repoContentDir = fileURLToPath(new URL('../../content/', import.meta.url));

const optionalText = z
  .string()
  .optional()
  .transform((value) => (value === undefined || value.trim() === '' ? undefined : value.trim()));

export class ServerEnvError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ServerEnvError';
  }
}

const wholeNumber = (name: string, min: number, max: number, fallback: number) =>
  z
    .string()
    .optional()
    .transform((value) => (value === undefined || value.trim() === '' ? fallback : Number(value)))
    .refine((value) => Number.isInteger(value) && value >= min && value <= max, {
      error: `${name} must be a whole number from ${min} to ${max}`,
    });

const text = (fallback: string) =>
  z
    .string()
    .optional()
    .transform((value) => (value === undefined || value.trim() === '' ? fallback : value.trim()));

export const serverEnvSchema = z.object({
  /** Port to listen on. Default 4321; 0 picks a free one (tests). */
  PORT: wholeNumber('PORT', 0, 65535, 4321),
  /** Interface to listen on. Default localhost; 0.0.0.0 to accept other machines. */
  HOST: text('localhost'),
  /** Folder of the SQLite database. Default ./data. */
  DATA_DIR: text('./data'),
  /**
   * PostgreSQL instead of the SQLite file, for several instances behind a load balancer
   * (postgres://user:password@host:5432/database). Default: SQLite in DATA_DIR.
   */
  DATABASE_URL: optionalText.pipe(
    z
      .url({
        protocol: /^postgres(ql)?$/,
        error:
          'DATABASE_URL must be a PostgreSQL URL such as postgres://user:password@host:5432/helpcentre',
      })
      .optional(),
  ),
  /** The Astro build to serve. Default ./dist. */
  DIST_DIR: text('./dist'),
  /** The agents' build, served under /agents/ behind sign-in. Default ./dist-agents. */
  AGENTS_DIST_DIR: text('./dist-agents'),
  /** Releases; when one is live it is served instead of DIST_DIR and AGENTS_DIST_DIR. Default ./releases. */
  RELEASES_DIR: text('./releases'),
  /** Releases kept (older ones are deleted after a release). Default 5, range 2–100. */
  RELEASES_KEEP: wholeNumber('RELEASES_KEEP', 2, 100, 5),
  /** "true" lets a lead accept their own proposal; default false (another lead reviews it). */
  REVIEW_ALLOW_SELF_APPROVAL: z
    .enum(['', 'true', 'false', '1', '0'], {
      error: 'REVIEW_ALLOW_SELF_APPROVAL must be true or false',
    })
    .optional()
    .transform((value) => value === 'true' || value === '1'),
  /** content/ of the working tree: what agents' proposals are based on. Default: this repository's. */
  CONTENT_DIR: text(repoContentDir),
  /** How people sign in: email links, group → role mapping. Default config/sign-in.yaml. */
  SIGN_IN_CONFIG: optionalText,
  /** Outgoing mail, e.g. smtp://user:pass@host:587 or smtps://…; unset: mail is printed in the log. */
  SMTP_URL: optionalText.pipe(
    z
      .url({
        protocol: /^smtps?$/,
        error:
          'SMTP_URL must look like smtp://user:password@host:587 (or smtps:// for TLS on connect)',
      })
      .optional(),
  ),
  /**
   * The secret shared with the helpdesk: it signs its SLA events (POST /api/helpdesk/events) with
   * HMAC-SHA256. At least 16 characters; unset, the webhook answers 503.
   */
  HELPDESK_WEBHOOK_SECRET: optionalText.pipe(
    z
      .string()
      .min(16, {
        error:
          'HELPDESK_WEBHOOK_SECRET must be at least 16 characters; generate one with `openssl rand -hex 32`',
      })
      .optional(),
  ),
  /** The From address of mail the service sends. */
  MAIL_FROM: text('Hammerbid Help Centre <help-centre@localhost>'),
  /**
   * Public origin of the help centre. The build uses it for canonical links and the sitemap; the
   * service for the article links in delivered tickets. Required in production; in development
   * the default follows PORT (http://localhost:<PORT>), as the build's does (astro.config.mjs).
   */
  SITE_URL: optionalText.pipe(
    z
      .url({
        protocol: /^https?$/,
        error:
          'SITE_URL must be the help centre’s public origin, such as https://help.hammerbid.com',
      })
      .optional(),
  ),
  /** Where every new ticket is also POSTed, signed (README "Ticket delivery"). Default: no webhook. */
  DELIVERY_WEBHOOK_URL: optionalText.pipe(
    z
      .url({
        protocol: /^https?$/,
        error:
          'DELIVERY_WEBHOOK_URL must be the full http(s):// address of your helpdesk’s webhook receiver',
      })
      .optional(),
  ),
  /** Signs the ticket webhook (HMAC-SHA256); required with DELIVERY_WEBHOOK_URL, 16+ characters. */
  DELIVERY_WEBHOOK_SECRET: optionalText.pipe(
    z
      .string()
      .min(16, {
        error:
          'DELIVERY_WEBHOOK_SECRET must be at least 16 characters; generate one with `openssl rand -hex 32`',
      })
      .optional(),
  ),
  /** Attempts per delivery before it is dead (a lead can retry it). Default 8, range 1–100. */
  DELIVERY_MAX_ATTEMPTS: wholeNumber('DELIVERY_MAX_ATTEMPTS', 1, 100, 8),
  /**
   * How long an attempt owns its delivery; after a crash the delivery is tried again once this
   * has passed. Each attempt may take half of it, at most 30 s. Default 60, range 4–3600.
   */
  DELIVERY_LEASE_SECONDS: wholeNumber('DELIVERY_LEASE_SECONDS', 4, 3600, 60),
  /** The identity provider's issuer URL; setting it turns single sign-on on. */
  OIDC_ISSUER: optionalText.pipe(
    z
      .url({
        protocol: /^https?$/,
        error: 'OIDC_ISSUER must be the provider’s https:// issuer URL',
      })
      .optional(),
  ),
  OIDC_CLIENT_ID: optionalText,
  OIDC_CLIENT_SECRET: optionalText,
  /** Where the provider sends people back; default <this site>/api/auth/oidc/callback. */
  OIDC_REDIRECT_URI: optionalText.pipe(
    z.url({ error: 'OIDC_REDIRECT_URI must be a full URL' }).optional(),
  ),
  /** Support configuration folder. Default: content/support of this repository. */
  SUPPORT_DIR: z.string().optional(),
  /** Tickets one client may create per window. Default 5, range 1–10000. */
  TICKET_RATE_LIMIT_MAX: wholeNumber('TICKET_RATE_LIMIT_MAX', 1, 10_000, 5),
  /** Sign-in links one address may get per 15 minutes. Default 3. */
  SIGN_IN_LINKS_PER_ADDRESS: wholeNumber('SIGN_IN_LINKS_PER_ADDRESS', 1, 1000, 3),
  /** Sign-in link requests one client may make per 15 minutes. Default 20. */
  SIGN_IN_LINKS_PER_CLIENT: wholeNumber('SIGN_IN_LINKS_PER_CLIENT', 1, 10_000, 20),
  /** The rate-limit window in seconds. Default 600 (10 minutes), range 1–86400. */
  TICKET_RATE_LIMIT_WINDOW_SECONDS: wholeNumber('TICKET_RATE_LIMIT_WINDOW_SECONDS', 1, 86_400, 600),
  /**
   * Comma-separated public origins allowed to post (`https://help.hammerbid.com`), needed when a
   * proxy changes the Host header. Default none: only the request's own host.
   */
  PUBLIC_ORIGINS: z
    .string()
    .optional()
    .transform((value) =>
      (value ?? '')
        .split(',')
        .map((origin) => origin.trim())
        .filter((origin) => origin !== ''),
    )
    .pipe(
      z.array(
        z.url({
          protocol: /^https?$/,
          error:
            'PUBLIC_ORIGINS must list origins like https://help.hammerbid.com, comma-separated',
        }),
      ),
    ),
  /** "true" behind a proxy that sets X-Forwarded-For; default false (the socket address counts). */
  TRUST_PROXY: z
    .enum(['', 'true', 'false', '1', '0'], { error: 'TRUST_PROXY must be true or false' })
    .optional()
    .transform((value) => value === 'true' || value === '1'),
});

/**
 * A setting as the start-up error may quote it: a secret is never written to the log, not even a
 * wrong one, and neither is the password inside a URL (SMTP_URL=smtp://user:password@host).
 */
function shownValue(name: string, value: string | undefined): string {
  if (/SECRET|PASSWORD/.test(name)) return '(hidden)';
  return JSON.stringify(withoutPassword(value ?? ''));
}

/** A URL as logs may show it: smtp://user:(hidden)@host, postgres://user:(hidden)@host/db. */
export function withoutPassword(url: string): string {
  return url.replace(/(\/\/[^:@/\s]*:)[^@/\s]*@/, '$1(hidden)@');
}

/** Where a development server is reached: this port on localhost (4321 when PORT picks one). */
export function developmentSiteUrl(port: number): string {
  return `http://localhost:${port || 4321}`;
}

/**
 * Settings that start but are probably wrong: in production without SITE_URL, canonical links and
 * ticket links would point at localhost.
 */
export function serverEnvWarnings(env: Record<string, string | undefined>): string[] {
  if (env['NODE_ENV'] !== 'production' || env['SITE_URL']?.trim()) return [];
  return [
    'SITE_URL is not set: links in delivered tickets point at localhost; set it to the public origin (https://help.example.com) and build with the same value, so canonical links and the sitemap use it too',
  ];
}

export function readServerEnv(env: Record<string, string | undefined>): NodeServerOptions {
  const result = serverEnvSchema
    .refine((s) => !s.OIDC_ISSUER || s.OIDC_CLIENT_ID, {
      error:
        'OIDC_CLIENT_ID is needed when OIDC_ISSUER is set: the client id the provider gave the help centre',
      path: ['OIDC_CLIENT_ID'],
    })
    .refine((s) => !s.DELIVERY_WEBHOOK_URL || s.DELIVERY_WEBHOOK_SECRET, {
      error:
        'DELIVERY_WEBHOOK_SECRET is needed when DELIVERY_WEBHOOK_URL is set: every ticket sent there is signed with it; generate one with `openssl rand -hex 32` and give the same value to the receiver',
      path: ['DELIVERY_WEBHOOK_SECRET'],
    })
    .safeParse(env);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => {
      const name = String(issue.path[0] ?? '');
      return `${name}=${shownValue(name, env[name])}: ${issue.message}`;
    });
    throw new ServerEnvError(`invalid environment:\n${lines.join('\n')}`);
  }
  const settings = result.data;
  return {
    port: settings.PORT,
    host: settings.HOST,
    dataDir: settings.DATA_DIR,
    ...(settings.DATABASE_URL ? { databaseUrl: settings.DATABASE_URL } : {}),
    distDir: settings.DIST_DIR,
    agentsDistDir: settings.AGENTS_DIST_DIR,
    releasesDir: settings.RELEASES_DIR,
    signInLinkLimits: {
      perAddress: settings.SIGN_IN_LINKS_PER_ADDRESS,
      perClient: settings.SIGN_IN_LINKS_PER_CLIENT,
    },
    releasesKeep: settings.RELEASES_KEEP,
    allowSelfApproval: settings.REVIEW_ALLOW_SELF_APPROVAL,
    contentDir: settings.CONTENT_DIR,
    ...(settings.SIGN_IN_CONFIG ? { signInConfigFile: settings.SIGN_IN_CONFIG } : {}),
    ...(settings.SMTP_URL ? { smtpUrl: settings.SMTP_URL } : {}),
    ...(settings.HELPDESK_WEBHOOK_SECRET
      ? { helpdeskWebhookSecret: settings.HELPDESK_WEBHOOK_SECRET }
      : {}),
    mailFrom: settings.MAIL_FROM,
    siteUrl: settings.SITE_URL ?? developmentSiteUrl(settings.PORT),
    delivery: {
      ...(settings.DELIVERY_WEBHOOK_URL && settings.DELIVERY_WEBHOOK_SECRET
        ? {
            webhook: {
              url: settings.DELIVERY_WEBHOOK_URL,
              secret: settings.DELIVERY_WEBHOOK_SECRET,
            },
          }
        : {}),
      maxAttempts: settings.DELIVERY_MAX_ATTEMPTS,
      leaseSeconds: settings.DELIVERY_LEASE_SECONDS,
    },
    ...(settings.OIDC_ISSUER && settings.OIDC_CLIENT_ID
      ? {
          oidc: {
            issuer: settings.OIDC_ISSUER,
            clientId: settings.OIDC_CLIENT_ID,
            clientSecret: settings.OIDC_CLIENT_SECRET,
            redirectUri: settings.OIDC_REDIRECT_URI,
          },
        }
      : {}),
    ...(settings.SUPPORT_DIR ? { supportDir: settings.SUPPORT_DIR } : {}),
    rateLimit: {
      max: settings.TICKET_RATE_LIMIT_MAX,
      windowSeconds: settings.TICKET_RATE_LIMIT_WINDOW_SECONDS,
    },
    allowedOrigins: settings.PUBLIC_ORIGINS.map((origin) => new URL(origin).origin),
    trustProxy: settings.TRUST_PROXY,
  };
}
