import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMailer } from '../../src/server/auth/mailer.ts';
import { sessionPolicy } from '../../src/server/auth/sessions.ts';
import { silentLogger } from '../../src/server/log.ts';
import { linkIn, startSmtpSink, type SmtpSink } from '../fixtures/smtp-sink.ts';
import { agentService, cookieFrom, type AgentService } from './agents-helpers.ts';

let sink: SmtpSink;
let service: AgentService;
beforeAll(async () => {
  sink = await startSmtpSink();
  service = agentService({
    mailer: createMailer({
      smtpUrl: sink.url,
      from: 'Help Centre <help@hammerbid.test>',
      log: silentLogger,
    }),
  });
  await service.stores.people.add(
    { email: 'mia@hammerbid.test', role: 'agent', name: 'Mia' },
    { actor: 'cli', at: service.now().toISOString() },
  );
});
afterAll(() => sink.close());

async function askForLink(email: string, extra: Record<string, string> = {}) {
  return service.call('/api/auth/email-link', { form: { email, locale: 'en', ...extra } });
}

async function freshLink(email = 'mia@hammerbid.test', next?: string): Promise<URL> {
  service.advance(16 * 60 * 1000); // past the per-address window of the link before
  const since = Date.now();
  const response = await askForLink(email, next ? { next } : {});
  expect(response.status).toBe(303);
  return linkIn(await sink.waitFor(email, { since }));
}

function confirm(token: string | null) {
  return service.call('/api/auth/email-link/confirm', {
    form: { token: token ?? '', locale: 'en' },
  });
}

describe('email sign-in links, sent over SMTP', () => {
  it('mails a one-time link that signs in with a POST and goes where the person was heading', async () => {
    const link = await freshLink('mia@hammerbid.test', '/agents/en/articles/escalation-rules/');
    const mail = sink.messages.at(-1)!;
    expect(mail.subject).toMatch(/sign-in link/);
    expect(mail.from).toBe('help@hammerbid.test');
    expect(mail.text).toMatch(/15 minutes/);
    expect(link.pathname).toBe('/en/sign-in/confirm/');
    const signedIn = await confirm(link.searchParams.get('token'));
    expect(signedIn.status).toBe(303);
    expect(signedIn.headers.get('location')).toBe('/agents/en/articles/escalation-rules/');
    const cookie = cookieFrom(signedIn)!;
    const me = await service.call('/api/auth/me', { cookie });
    expect(await me.json()).toMatchObject({
      person: { email: 'mia@hammerbid.test' },
      session: { method: 'email-link' },
    });
  });

  it('sets the session cookie with current flags: __Host-, HttpOnly, SameSite=Lax, Secure, 12 hours', async () => {
    const link = await freshLink();
    const [setCookie] = (await confirm(link.searchParams.get('token'))).headers.getSetCookie();
    expect(setCookie).toMatch(
      /^__Host-hb_session=[A-Za-z0-9_-]{43}; Path=\/; Max-Age=43200; HttpOnly; SameSite=Lax; Secure$/,
    );
  });

  it('works once: the second use of a link is refused, and says why', async () => {
    const token = (await freshLink()).searchParams.get('token');
    expect((await confirm(token)).status).toBe(303);
    const again = await confirm(token);
    expect(again.headers.get('location')).toBe('/en/sign-in/?status=used');
    expect(again.headers.getSetCookie()).toEqual([]);
  });

  it('expires after 15 minutes', async () => {
    const token = (await freshLink()).searchParams.get('token');
    service.advance(15 * 60 * 1000 + 1);
    const late = await confirm(token);
    expect(late.headers.get('location')).toBe('/en/sign-in/?status=expired');
  });

  it('answers an unknown address exactly like a known one, and sends nothing', async () => {
    const before = sink.messages.length;
    const response = await askForLink('nobody@hammerbid.test');
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe(
      '/en/sign-in/?status=sent&next=%2Fagents%2Fen%2F',
    );
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(sink.messages.length).toBe(before);
  });

  it('never sends people elsewhere after signing in', async () => {
    for (const next of [
      'https://evil.example/',
      '//evil.example/',
      '/\\evil.example',
      '/en/contact/',
    ]) {
      const link = await freshLink('mia@hammerbid.test', next);
      const response = await confirm(link.searchParams.get('token'));
      expect(response.headers.get('location'), next).toBe('/agents/en/');
    }
  });

  it('limits links per address (3 in 15 minutes) with a clear answer', async () => {
    service.advance(60 * 60 * 1000);
    await service.stores.people.add(
      { email: 'lim@hammerbid.test', role: 'agent' },
      { actor: 'cli', at: service.now().toISOString() },
    );
    for (let i = 0; i < 3; i++)
      expect((await askForLink('lim@hammerbid.test')).headers.get('location')).toMatch(
        /status=sent/,
      );
    const fourth = await askForLink('lim@hammerbid.test');
    expect(fourth.headers.get('location')).toMatch(/status=too-many/);
    const json = await service.call('/api/auth/email-link', {
      json: { email: 'lim@hammerbid.test', locale: 'en' },
    });
    expect(json.status).toBe(429);
    expect(Number(json.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('limits links per client, whatever the addresses', async () => {
    const other = agentService();
    const statuses: number[] = [];
    for (let i = 0; i < 22; i++)
      statuses.push(
        (
          await other.call('/api/auth/email-link', {
            json: { email: `p${i}@hammerbid.test`, locale: 'en' },
          })
        ).status,
      );
    expect(statuses.slice(0, 20).every((s) => s === 202)).toBe(true);
    expect(statuses.slice(20)).toEqual([429, 429]);
  });
});

describe('sessions', () => {
  it('end after 8 idle hours, and after 12 hours however active', async () => {
    const { cookie } = await service.signIn('agent');
    service.advance(sessionPolicy.idleMs - 60_000);
    expect((await service.call('/api/auth/me', { cookie })).status).toBe(200);
    service.advance(sessionPolicy.idleMs + 1);
    expect((await service.call('/api/auth/me', { cookie })).status).toBe(401);

    const active = await service.signIn('agent');
    for (let hours = 0; hours < 12; hours += 2) {
      expect(
        (await service.call('/api/auth/me', { cookie: active.cookie })).status,
        `after ${hours} h`,
      ).toBe(200);
      service.advance(2 * 60 * 60 * 1000);
    }
    expect((await service.call('/api/auth/me', { cookie: active.cookie })).status).toBe(401);
  });

  it('get a new id at every sign-in: a planted id never becomes a session', async () => {
    const planted = (await service.signIn('agent')).cookie;
    const link = await freshLink();
    const response = await service.call('/api/auth/email-link/confirm', {
      cookie: planted,
      form: { token: link.searchParams.get('token') ?? '', locale: 'en' },
    });
    const fresh = cookieFrom(response)!;
    expect(fresh).not.toBe(planted);
    expect((await service.call('/api/auth/me', { cookie: planted })).status).toBe(401);
    expect((await service.call('/api/auth/me', { cookie: fresh })).status).toBe(200);
  });

  it('sign out ends this session; sign out everywhere ends them all', async () => {
    const first = await service.signIn('agent', 'sam@hammerbid.test');
    const out = await service.call('/api/auth/sign-out', {
      cookie: first.cookie,
      form: { locale: 'ko' },
    });
    expect(out.headers.get('location')).toBe('/ko/sign-in/?status=signed-out');
    expect(out.headers.getSetCookie().some((c) => /Max-Age=0/.test(c))).toBe(true);
    expect((await service.call('/api/auth/me', { cookie: first.cookie })).status).toBe(401);

    const person = (await service.stores.people.findByEmail('sam@hammerbid.test'))!;
    const { startSession } = await import('../../src/server/auth/sessions.ts');
    const cookies = await Promise.all(
      [1, 2, 3].map(
        async () =>
          (
            await startSession(
              service.stores,
              person,
              'email-link',
              service.now(),
              new URL('http://localhost'),
            )
          ).split(';')[0]!,
      ),
    );
    const everywhere = await service.call('/api/auth/sign-out-everywhere', {
      cookie: cookies[0],
      json: {},
    });
    expect(await everywhere.json()).toEqual({ ended: 3 });
    for (const cookie of cookies)
      expect((await service.call('/api/auth/me', { cookie })).status).toBe(401);
  });
});
