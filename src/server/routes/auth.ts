/**
 * Signing in and out: email sign-in links, single sign-on over OpenID Connect, sign out (here or
 * everywhere) and who is signed in. Form posts from the sign-in pages get a 303 back to a page
 * with a status message; JSON clients get JSON or problem+json.
 */
import { Hono, type Context } from 'hono';
import { isLocale, sourceLocale, type Locale } from '../../i18n/locales.ts';
import type { AppEnv } from '../context.ts';
import {
  confirmSignInLink,
  normaliseEmail,
  requestSignInLink,
  type EmailLinkDeps,
} from '../auth/email-link.ts';
import { localeOfPath, safeNextPath } from '../auth/next-path.ts';
import { OidcSignInError, type OidcSignIn } from '../auth/oidc.ts';
import {
  clearedSessionCookies,
  hashSecret,
  sessionIdFrom,
  startSession,
} from '../auth/sessions.ts';
import type { SignInConfig } from '../auth/sign-in-config.ts';
import type { Logger } from '../log.ts';
import { readBodyWithin } from '../middleware/body-limit.ts';
import { requireRole, signInRequired } from '../middleware/require-role.ts';
import { ProblemError, problemTypes, validationProblem } from '../problem.ts';
import { bodyKindOf, parseBody, type BodyKind } from '../request-body.ts';
import type { Person, SignInMethod } from '../store/types.ts';

export interface AuthRouteDeps extends EmailLinkDeps {
  config: SignInConfig;
  /** Undefined when no identity provider is configured (OIDC_ISSUER unset). */
  oidc: OidcSignIn | undefined;
  log: Logger;
}

/** Status messages the sign-in page can show (the page has one element per status). */
export type SignInStatus =
  | 'sent'
  | 'invalid-email'
  | 'too-many'
  | 'expired'
  | 'used'
  | 'invalid'
  | 'no-access'
  | 'no-role'
  | 'no-email'
  | 'sso-failed'
  | 'sso-off'
  | 'links-off'
  | 'signed-out'
  | 'signed-out-everywhere';

export function signInPage(locale: Locale, status?: SignInStatus, next?: string | null): string {
  const params = new URLSearchParams();
  if (status) params.set('status', status);
  if (next) params.set('next', next);
  const query = params.toString();
  return `/${locale}/sign-in/${query ? `?${query}` : ''}`;
}

export function authRoutes(deps: AuthRouteDeps): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  const readBody = readBodyWithin(8 * 1024);

  routes.get('/options', (c) =>
    c.json({
      emailLinks: deps.config.emailLinks,
      singleSignOn: deps.oidc ? { providerName: deps.oidc.providerName } : null,
    }),
  );

  routes.get('/me', (c) => {
    const viewer = c.get('viewer');
    if (!viewer) throw signInRequired();
    return c.json({
      person: publicPerson(viewer.person),
      session: {
        method: viewer.session.method,
        signedInAt: viewer.session.createdAt,
        expiresAt: viewer.session.expiresAt,
      },
    });
  });

  routes.post('/email-link', readBody, async (c) => {
    const { kind, fields } = fieldsOf(c);
    const locale = localeField(fields['locale']);
    const next = safeNextPath(fields['next'], locale);
    if (!deps.config.emailLinks) {
      if (kind === 'form') return c.redirect(signInPage(locale, 'links-off', next), 303);
      throw new ProblemError({
        type: problemTypes.signInUnavailable,
        title: 'Email sign-in links are off',
        status: 403,
        detail: 'config/sign-in.yaml sets emailLinks: false; sign in with single sign-on.',
      });
    }
    const email = normaliseEmail(fields['email']);
    if (!email) {
      if (kind === 'form') return c.redirect(signInPage(locale, 'invalid-email', next), 303);
      throw new ProblemError(
        validationProblem([
          {
            field: 'email',
            message: 'write the email address you work with, like name@example.com',
          },
        ]),
      );
    }
    try {
      await requestSignInLink(deps, {
        email,
        next,
        locale,
        origin: new URL(c.req.url).origin,
        client: c.get('clientAddress'),
      });
    } catch (error) {
      if (kind === 'form' && error instanceof ProblemError && error.problem.status === 429)
        return c.redirect(signInPage(locale, 'too-many', next), 303);
      throw error;
    }
    if (kind === 'form') return c.redirect(signInPage(locale, 'sent', next), 303);
    return c.json(
      { status: 'sent', detail: 'If the address belongs to an account, a link is on its way.' },
      202,
    );
  });

  routes.post('/email-link/confirm', readBody, async (c) => {
    const { kind, fields } = fieldsOf(c);
    const locale = localeField(fields['locale']);
    const outcome = await confirmSignInLink(deps, fields['token']);
    if (!outcome.ok) {
      if (kind === 'form') return c.redirect(signInPage(locale, outcome.reason), 303);
      throw new ProblemError({
        type: problemTypes.signInRequired,
        title: 'The sign-in link cannot be used',
        status: 401,
        detail: linkFailure[outcome.reason],
        reason: outcome.reason,
      });
    }
    return signedIn(c, kind, outcome.person, 'email-link', outcome.next, locale);
  });

  routes.get('/oidc/start', async (c) => {
    const locale = localeField(c.req.query('locale'));
    const next = safeNextPath(c.req.query('next'), locale);
    if (!deps.oidc) return c.redirect(signInPage(locale, 'sso-off', next), 303);
    try {
      return c.redirect((await deps.oidc.start(next, new URL(c.req.url))).href, 302);
    } catch (error) {
      deps.log.error('single sign-on could not start', error);
      return c.redirect(signInPage(locale, 'sso-failed', next), 303);
    }
  });

  routes.get('/oidc/callback', async (c) => {
    const url = new URL(c.req.url);
    if (!deps.oidc) return c.redirect(signInPage(sourceLocale, 'sso-off'), 303);
    if (url.searchParams.has('error')) {
      deps.log.info(`single sign-on ended at the provider: ${url.searchParams.get('error')}`);
      return c.redirect(signInPage(sourceLocale, 'sso-failed'), 303);
    }
    try {
      const { person, next } = await deps.oidc.finish(url);
      return signedIn(c, 'form', person, 'oidc', next, localeOfPath(next));
    } catch (error) {
      const reason = error instanceof OidcSignInError ? error.reason : 'failed';
      deps.log.info(
        `single sign-on refused: ${error instanceof Error ? error.message : String(error)}`,
      );
      const status: SignInStatus =
        reason === 'no-role' ? 'no-role' : reason === 'no-email' ? 'no-email' : 'sso-failed';
      return c.redirect(signInPage(sourceLocale, status), 303);
    }
  });

  routes.post('/sign-out', readBody, async (c) => {
    const { kind, fields } = fieldsOf(c);
    const id = sessionIdFrom(c.req.header('cookie'));
    if (id) await deps.stores.sessions.revoke(hashSecret(id));
    for (const cookie of clearedSessionCookies(new URL(c.req.url)))
      c.header('Set-Cookie', cookie, { append: true });
    if (kind === 'form')
      return c.redirect(signInPage(localeField(fields['locale']), 'signed-out'), 303);
    return c.body(null, 204);
  });

  routes.post('/sign-out-everywhere', requireRole('agent'), readBody, async (c) => {
    const { kind, fields } = fieldsOf(c);
    const viewer = c.get('viewer')!;
    const ended = await deps.stores.sessions.revokeAllFor(viewer.person.id);
    for (const cookie of clearedSessionCookies(new URL(c.req.url)))
      c.header('Set-Cookie', cookie, { append: true });
    if (kind === 'form')
      return c.redirect(signInPage(localeField(fields['locale']), 'signed-out-everywhere'), 303);
    return c.json({ ended });
  });

  async function signedIn(
    c: Context<AppEnv>,
    kind: BodyKind,
    person: Person,
    method: SignInMethod,
    next: string | null,
    locale: Locale,
  ): Promise<Response> {
    // A fresh id at every sign-in: an id planted before sign-in never becomes a session.
    const old = sessionIdFrom(c.req.header('cookie'));
    if (old) await deps.stores.sessions.revoke(hashSecret(old));
    const cookie = await startSession(deps.stores, person, method, deps.now(), new URL(c.req.url));
    c.header('Set-Cookie', cookie);
    const target = safeNextPath(next, locale);
    deps.log.info(`${person.email} signed in (${method}, ${person.role})`);
    if (kind === 'form') return c.redirect(target, 303);
    return c.json({ person: publicPerson(person), next: target });
  }

  return routes;
}

const linkFailure: Record<'expired' | 'used' | 'invalid' | 'no-access', string> = {
  expired: 'The link is older than 15 minutes. Ask for a new one on the sign-in page.',
  used: 'The link was used already; each link signs in once. Ask for a new one.',
  invalid: 'The link is not complete or not one of ours. Copy the whole link from the email.',
  'no-access': 'The account this link was for has no access any more. Ask an admin.',
};

function fieldsOf(c: Context<AppEnv>): { kind: BodyKind; fields: Record<string, unknown> } {
  const kind = bodyKindOf(c.req.header('content-type'));
  return { kind, fields: parseBody(c.get('body'), kind) };
}

function localeField(value: unknown): Locale {
  return isLocale(value) ? value : sourceLocale;
}

export function publicPerson(person: Person) {
  return {
    id: person.id,
    email: person.email,
    name: person.name,
    role: person.role,
    languages: person.languages,
  };
}
