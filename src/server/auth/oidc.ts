/**
 * Single sign-on with the company's identity provider over OpenID Connect: authorization code
 * with PKCE (S256), state and nonce, through openid-client (an OpenID-certified relying party).
 * The provider is discovered on first use, so the service starts even while it is unreachable.
 * Roles come from the groups claim, mapped in config/sign-in.yaml; the role is set again at every
 * sign-in, so a change at the provider reaches the help centre the next time the person signs in.
 */
import * as client from 'openid-client';
import type { Logger } from '../log.ts';
import type { Person, Stores } from '../store/types.ts';
import { strongest, type Role } from './roles.ts';
import { hashSecret } from './sessions.ts';
import type { SignInConfig } from './sign-in-config.ts';

export interface OidcSettings {
  issuer: string;
  clientId: string;
  clientSecret: string | undefined;
  /** Where the provider sends people back; default: this site's /api/auth/oidc/callback. */
  redirectUri: string | undefined;
}

/** How long someone may take at the provider before the callback is refused. */
const PENDING_MS = 10 * 60 * 1000;

export class OidcSignInError extends Error {
  /** What to tell the person: no-role, no-email, or failed (anything else). */
  readonly reason: 'no-role' | 'no-email' | 'failed';
  constructor(reason: 'no-role' | 'no-email' | 'failed', message: string) {
    super(message);
    this.name = 'OidcSignInError';
    this.reason = reason;
  }
}

export interface OidcSignIn {
  readonly providerName: string;
  /** The provider's authorization URL for this sign-in; remembers the PKCE verifier and nonce. */
  start(next: string | null, requestUrl: URL): Promise<URL>;
  /** Checks the callback and returns the person it signs in (added or updated as the groups say). */
  finish(callbackUrl: URL): Promise<{ person: Person; next: string | null }>;
}

/** The strongest role the groups map to, if any. */
export function roleFromGroups(
  groups: readonly string[],
  mapping: Readonly<Record<string, Role>>,
): Role | undefined {
  return strongest(groups.flatMap((group) => (mapping[group] ? [mapping[group]] : [])));
}

export function createOidcSignIn(
  settings: OidcSettings,
  config: SignInConfig['oidc'],
  deps: { stores: Stores; now: () => Date; log: Logger },
): OidcSignIn {
  let discovered: Promise<client.Configuration> | undefined;
  const configuration = () => {
    discovered ??= discover(settings).catch((error: unknown) => {
      discovered = undefined; // try again on the next sign-in
      throw new OidcSignInError(
        'failed',
        `the identity provider at ${settings.issuer} could not be reached: ${String(error)}`,
      );
    });
    return discovered;
  };
  const redirectUri = (requestUrl: URL) =>
    settings.redirectUri ?? new URL('/api/auth/oidc/callback', requestUrl.origin).href;

  return {
    providerName: config.providerName,
    async start(next, requestUrl) {
      const oidc = await configuration();
      const codeVerifier = client.randomPKCECodeVerifier();
      const state = client.randomState();
      const nonce = client.randomNonce();
      await deps.stores.signIn.savePendingLogin({
        stateHash: hashSecret(state),
        codeVerifier,
        nonce,
        next,
        expiresAt: new Date(deps.now().getTime() + PENDING_MS).toISOString(),
      });
      return client.buildAuthorizationUrl(oidc, {
        redirect_uri: redirectUri(requestUrl),
        scope: config.scopes.join(' '),
        code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
        code_challenge_method: 'S256',
        state,
        nonce,
      });
    },
    async finish(callbackUrl) {
      const oidc = await configuration();
      const state = callbackUrl.searchParams.get('state') ?? '';
      const pending = await deps.stores.signIn.takePendingLogin(
        hashSecret(state),
        deps.now().toISOString(),
      );
      if (!pending)
        throw new OidcSignInError('failed', 'the sign-in expired or was already used; start again');
      // The provider checks the redirect_uri against the one of the authorization request.
      const current = new URL(redirectUri(callbackUrl));
      current.search = callbackUrl.search;
      let claims: Record<string, unknown>;
      try {
        const tokens = await client.authorizationCodeGrant(oidc, current, {
          pkceCodeVerifier: pending.codeVerifier,
          expectedState: state,
          expectedNonce: pending.nonce,
          idTokenExpected: true,
        });
        claims = { ...tokens.claims() };
        if (!(config.groupsClaim in claims) || claims['email'] === undefined) {
          const info = await client.fetchUserInfo(oidc, tokens.access_token, String(claims['sub']));
          claims = {
            ...info,
            ...claims,
            [config.groupsClaim]: claims[config.groupsClaim] ?? info[config.groupsClaim],
          };
        }
      } catch (error) {
        throw new OidcSignInError(
          'failed',
          `the identity provider refused the sign-in: ${String(error)}`,
        );
      }
      const person = await personFor(claims, config, deps);
      return { person, next: pending.next };
    },
  };
}

async function discover(settings: OidcSettings): Promise<client.Configuration> {
  const issuer = new URL(settings.issuer);
  // Plain HTTP only for a provider on this machine (tests, local development).
  const loopback = ['localhost', '127.0.0.1', '[::1]'].includes(issuer.hostname);
  return client.discovery(
    issuer,
    settings.clientId,
    undefined,
    settings.clientSecret ? client.ClientSecretPost(settings.clientSecret) : client.None(),
    loopback ? { execute: [client.allowInsecureRequests] } : {},
  );
}

async function personFor(
  claims: Record<string, unknown>,
  config: SignInConfig['oidc'],
  deps: { stores: Stores; now: () => Date; log: Logger },
): Promise<Person> {
  const email = typeof claims['email'] === 'string' ? claims['email'].toLowerCase() : undefined;
  if (!email || claims['email_verified'] === false)
    throw new OidcSignInError('no-email', 'the identity provider gave no verified email address');
  const rawGroups = claims[config.groupsClaim];
  const groups = Array.isArray(rawGroups)
    ? rawGroups.filter((g): g is string => typeof g === 'string')
    : typeof rawGroups === 'string'
      ? [rawGroups]
      : [];
  const mapped = roleFromGroups(groups, config.roles);
  const name = typeof claims['name'] === 'string' ? claims['name'] : null;
  const change = { actor: 'sso', at: deps.now().toISOString() };
  const existing = await deps.stores.people.findByEmail(email);
  if (!mapped) {
    if (existing && config.unmappedPeople === 'local-role') return existing;
    deps.log.info(
      `single sign-on refused for ${email}: none of the groups [${groups.join(', ')}] maps to a role`,
    );
    throw new OidcSignInError(
      'no-role',
      `${email} is in no group that config/sign-in.yaml maps to a role`,
    );
  }
  if (!existing) {
    const added = await deps.stores.people.add({ email, name, role: mapped }, change);
    return added.person;
  }
  if (existing.role === mapped && (existing.name === name || name === null)) return existing;
  return (
    (await deps.stores.people.update(
      existing.id,
      { role: mapped, ...(name ? { name } : {}) },
      change,
    )) ?? existing
  );
}
