import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOidcSignIn } from '../../src/server/auth/oidc.ts';
import { signInConfigSchema } from '../../src/server/auth/sign-in-config.ts';
import { silentLogger } from '../../src/server/log.ts';
import { startOidcProvider, type TestProvider } from '../fixtures/oidc-provider.ts';
import { throughProvider } from '../fixtures/oidc-browserless.ts';
import { agentService, cookieFrom, origin, type AgentService } from './agents-helpers.ts';

const callback = `${origin}/api/auth/oidc/callback`;
const config = signInConfigSchema.parse({
  oidc: {
    providerName: 'Hammerbid SSO',
    scopes: ['openid', 'email', 'profile', 'groups'],
    roles: { 'support-agents': 'agent', 'helpcentre-content-leads': 'lead' },
  },
});

let provider: TestProvider;
let service: AgentService;
beforeAll(async () => {
  provider = await startOidcProvider({ redirectUris: [callback] });
  const settings = {
    issuer: provider.issuer,
    clientId: provider.clientId,
    clientSecret: provider.clientSecret,
    redirectUri: undefined,
  };
  service = agentService((stores, now) => ({
    signInConfig: config,
    oidc: createOidcSignIn(settings, config.oidc, { stores, now, log: silentLogger }),
  }));
});
afterAll(() => provider.close());

async function signIn(login: string, next = '/agents/en/articles/escalation-rules/') {
  const start = await service.call(
    `/api/auth/oidc/start?locale=en&next=${encodeURIComponent(next)}`,
  );
  expect(start.status).toBe(302);
  const authorization = new URL(start.headers.get('location')!);
  const back = new URL(await throughProvider(authorization.href, login, callback));
  return { authorization, response: await service.call(back.pathname + back.search) };
}

describe('single sign-on over OpenID Connect, against a real provider', () => {
  it('asks for the code with PKCE (S256), state and nonce', async () => {
    const start = await service.call('/api/auth/oidc/start?locale=en');
    const url = new URL(start.headers.get('location')!);
    expect(url.origin).toBe(provider.issuer);
    expect(Object.fromEntries(url.searchParams)).toMatchObject({
      response_type: 'code',
      client_id: provider.clientId,
      redirect_uri: callback,
      code_challenge_method: 'S256',
      scope: 'openid email profile groups',
    });
    expect(url.searchParams.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(url.searchParams.get('state')).toBeTruthy();
    expect(url.searchParams.get('nonce')).toBeTruthy();
  });

  it('signs an agent in, adds them with the role their group maps to, and goes where they were heading', async () => {
    const { response } = await signIn('agent.ana');
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/agents/en/articles/escalation-rules/');
    const me = await service.call('/api/auth/me', { cookie: cookieFrom(response)! });
    expect(await me.json()).toMatchObject({
      person: { email: 'ana.agent@hammerbid.test', name: 'Ana Agent', role: 'agent' },
      session: { method: 'oidc' },
    });
  });

  it('gives the strongest role of several groups, and sets it again at every sign-in', async () => {
    const first = await signIn('lead.lou');
    const lou = await service.call('/api/auth/me', { cookie: cookieFrom(first.response)! });
    expect(await lou.json()).toMatchObject({ person: { role: 'lead' } });
    const person = (await service.stores.people.findByEmail('lou.lead@hammerbid.test'))!;
    await service.stores.people.update(
      person.id,
      { role: 'agent' },
      { actor: 'cli', at: service.now().toISOString() },
    );
    const again = await signIn('lead.lou');
    const after = await service.call('/api/auth/me', { cookie: cookieFrom(again.response)! });
    expect(await after.json()).toMatchObject({ person: { role: 'lead' } });
    const history = await service.stores.people.history(person.id);
    expect(history.map((h) => [h.actor, h.action, h.to])).toContainEqual([
      'sso',
      'role-changed',
      'lead',
    ]);
  });

  it('refuses someone in no mapped group, and says so on the sign-in page', async () => {
    const { response } = await signIn('finance.fay');
    expect(response.headers.get('location')).toBe('/en/sign-in/?status=no-role');
    expect(response.headers.getSetCookie()).toEqual([]);
    expect(await service.stores.people.findByEmail('fay.finance@hammerbid.test')).toBeUndefined();
  });

  it('uses a callback once: replaying it is refused', async () => {
    const start = await service.call('/api/auth/oidc/start?locale=en');
    const back = new URL(
      await throughProvider(start.headers.get('location')!, 'agent.ana', callback),
    );
    expect((await service.call(back.pathname + back.search)).status).toBe(303);
    const replay = await service.call(back.pathname + back.search);
    expect(replay.headers.get('location')).toBe('/en/sign-in/?status=sso-failed');
  });

  it('refuses a callback whose state it never issued', async () => {
    const forged = await service.call('/api/auth/oidc/callback?code=abc&state=forged-state-value');
    expect(forged.headers.get('location')).toBe('/en/sign-in/?status=sso-failed');
  });
});
