/**
 * Email sign-in links, for teams without an identity provider. The link is valid 15 minutes and
 * works once; opening it shows a page with a button, and only that button's POST signs in, so a
 * mail scanner that follows links does not use it up. Asking for a link always gets the same
 * answer whether or not the address belongs to someone, and is limited per address and per client.
 */
import { localeInfo, type Locale } from '../../i18n/locales.ts';
import { useTranslations } from '../../i18n/index.ts';
import type { Logger } from '../log.ts';
import type { RateLimiter } from '../middleware/rate-limit.ts';
import { ProblemError, problemTypes } from '../problem.ts';
import type { Person, Stores } from '../store/types.ts';
import type { Mailer } from './mailer.ts';
import { hashSecret, newSecret } from './sessions.ts';

export const linkLifetimeMs = 15 * 60 * 1000;

export interface EmailLinkDeps {
  stores: Stores;
  mailer: Mailer;
  now: () => Date;
  log: Logger;
  /** Links per address per window (beside the database count of links sent). */
  perAddress: RateLimiter;
  /** Requests per client per window. */
  perClient: RateLimiter;
  /** Links sent to one address within 15 minutes, counted in the database. Default 3. */
  maxPerAddress?: number;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function normaliseEmail(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const email = value.trim().toLowerCase();
  return email.length <= 254 && EMAIL.test(email) ? email : undefined;
}

/**
 * Sends a sign-in link when the address belongs to someone; resolves the same way either way.
 * @throws ProblemError 429 when the address or the client asked too often.
 */
export async function requestSignInLink(
  deps: EmailLinkDeps,
  request: { email: string; next: string | null; locale: Locale; origin: string; client: string },
): Promise<void> {
  const client = await deps.perClient.take(request.client);
  if (!client.allowed) throw tooMany(client.retryAfterSeconds);
  const address = await deps.perAddress.take(request.email);
  if (!address.allowed) throw tooMany(address.retryAfterSeconds);
  const now = deps.now();
  const sinceWindow = new Date(now.getTime() - linkLifetimeMs).toISOString();
  const recent = await deps.stores.signIn.countTokensSince(request.email, sinceWindow);
  if (recent >= (deps.maxPerAddress ?? 3)) throw tooMany(Math.ceil(linkLifetimeMs / 1000));

  const person = await deps.stores.people.findByEmail(request.email);
  if (!person) {
    deps.log.info(`sign-in link asked for ${request.email}, who has no account: nothing sent`);
    return;
  }
  const token = newSecret();
  await deps.stores.signIn.issueToken({
    tokenHash: hashSecret(token),
    email: person.email,
    next: request.next,
    createdAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + linkLifetimeMs).toISOString(),
  });
  const link = `${request.origin}/${request.locale}/sign-in/confirm/?token=${token}`;
  try {
    await deps.mailer.send(signInMail(person, request.locale, link, now));
  } catch (error) {
    deps.log.error(`the sign-in link for ${person.email} could not be sent`, error);
    throw new ProblemError(
      {
        type: problemTypes.unavailable,
        title: 'The email could not be sent',
        status: 503,
        detail:
          'The mail server did not take the message. Try again in a minute; if it keeps failing, tell an admin.',
      },
      { 'Retry-After': '60' },
    );
  }
}

function signInMail(person: Person, locale: Locale, link: string, now: Date) {
  const t = useTranslations(locale);
  // The reader's time zone is not known here; UTC, named, is at least unambiguous.
  const until = new Intl.DateTimeFormat(localeInfo[locale].intl, {
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'UTC',
    timeZoneName: 'short',
  }).format(new Date(now.getTime() + linkLifetimeMs));
  const text = [
    t('signIn.mail.greeting', { name: person.name ?? person.email }),
    '',
    t('signIn.mail.body', { minutes: 15, until }),
    '',
    link,
    '',
    t('signIn.mail.ignore'),
  ].join('\n');
  return { to: person.email, subject: t('signIn.mail.subject'), text };
}

function tooMany(retryAfterSeconds: number): ProblemError {
  return new ProblemError(
    {
      type: problemTypes.rateLimited,
      title: 'Too many sign-in links asked for',
      status: 429,
      detail: `Wait ${Math.ceil(retryAfterSeconds / 60)} minute(s) and ask again, or use the last link you received.`,
    },
    { 'Retry-After': String(retryAfterSeconds) },
  );
}

export type ConfirmOutcome =
  | { ok: true; person: Person; next: string | null }
  | { ok: false; reason: 'expired' | 'used' | 'invalid' | 'no-access' };

/** Uses a link's token once; the caller starts the session. */
export async function confirmSignInLink(
  deps: Pick<EmailLinkDeps, 'stores' | 'now'>,
  token: unknown,
): Promise<ConfirmOutcome> {
  if (typeof token !== 'string' || !/^[A-Za-z0-9_-]{43}$/.test(token))
    return { ok: false, reason: 'invalid' };
  const result = await deps.stores.signIn.consumeToken(hashSecret(token), deps.now().toISOString());
  if (result.outcome === 'unknown') return { ok: false, reason: 'invalid' };
  if (result.outcome !== 'consumed') return { ok: false, reason: result.outcome };
  const person = await deps.stores.people.findByEmail(result.email);
  if (!person) return { ok: false, reason: 'no-access' };
  return { ok: true, person, next: result.next };
}
