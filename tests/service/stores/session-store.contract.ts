/**
 * What every SessionStore and SignInStore promise, whatever the database: run by
 * session-store.sqlite.test.ts and session-store.postgres.test.ts against a real SQLite file and a
 * real PostgreSQL server.
 */
import { describe, expect, test } from 'vitest';
import type { PendingLogin, SignInToken } from '../../../src/server/store/types.ts';
import { byAdmin, session, using, type AuthStores, type OpenAuthStores } from './auth-stores.ts';

const t0 = '2026-12-01T09:00:00.000Z';

export function token(overrides: Partial<SignInToken> = {}): SignInToken {
  return {
    tokenHash: 'b'.repeat(64),
    email: 'anna@example.com',
    next: '/nl/agents/',
    createdAt: t0,
    expiresAt: '2026-12-01T09:15:00.000Z',
    ...overrides,
  };
}

export function pendingLogin(overrides: Partial<PendingLogin> = {}): PendingLogin {
  return {
    stateHash: 'c'.repeat(64),
    codeVerifier: 'verifier-123',
    nonce: 'nonce-456',
    next: '/de/agents/',
    expiresAt: '2026-12-01T09:10:00.000Z',
    ...overrides,
  };
}

async function somebody(stores: AuthStores, email = 'anna@example.com'): Promise<string> {
  return (await stores.people.add({ email, role: 'agent' }, byAdmin(t0))).person.id;
}

export function describeSessionStore(database: string, open: OpenAuthStores): void {
  describe(`the session store on ${database}`, () => {
    test('stores a session and finds it by the hash of its id, every field as given', async () => {
      await using(open, async (stores) => {
        const stored = session(await somebody(stores), { method: 'oidc' });
        await stores.sessions.create(stored);
        expect(await stores.sessions.find(stored.idHash)).toEqual(stored);
        expect(await stores.sessions.find('f'.repeat(64))).toBeUndefined();
      });
    });

    test('touching moves the last-seen time and nothing else', async () => {
      await using(open, async (stores) => {
        const stored = session(await somebody(stores));
        await stores.sessions.create(stored);
        await stores.sessions.touch(stored.idHash, '2026-12-01T10:00:00.000Z');
        await stores.sessions.touch('f'.repeat(64), '2026-12-01T10:00:00.000Z');
        expect(await stores.sessions.find(stored.idHash)).toEqual({
          ...stored,
          lastSeenAt: '2026-12-01T10:00:00.000Z',
        });
      });
    });

    test('revoking ends that session only, and an unknown one quietly', async () => {
      await using(open, async (stores) => {
        const id = await somebody(stores);
        await stores.sessions.create(session(id, { idHash: '1'.repeat(64) }));
        await stores.sessions.create(session(id, { idHash: '2'.repeat(64) }));
        await stores.sessions.revoke('1'.repeat(64));
        await stores.sessions.revoke('f'.repeat(64));
        expect(await stores.sessions.find('1'.repeat(64))).toBeUndefined();
        expect(await stores.sessions.find('2'.repeat(64))).toBeDefined();
      });
    });

    test('signs a person out everywhere, counting the sessions ended, and nobody else', async () => {
      await using(open, async (stores) => {
        const anna = await somebody(stores);
        const bo = await somebody(stores, 'bo@example.com');
        for (const hash of ['1', '2', '3']) {
          await stores.sessions.create(session(anna, { idHash: hash.repeat(64) }));
        }
        await stores.sessions.create(session(bo, { idHash: '4'.repeat(64) }));
        expect(await stores.sessions.revokeAllFor(anna)).toBe(3);
        expect(await stores.sessions.revokeAllFor(anna)).toBe(0);
        expect(await stores.sessions.find('2'.repeat(64))).toBeUndefined();
        expect(await stores.sessions.find('4'.repeat(64))).toBeDefined();
      });
    });

    test('housekeeping drops the sessions that ended before the instant, and counts them', async () => {
      await using(open, async (stores) => {
        const id = await somebody(stores);
        const ends = [
          '2026-12-01T20:59:59.999Z',
          '2026-12-01T21:00:00.000Z',
          '2026-12-02T09:00:00.000Z',
        ];
        for (const [i, expiresAt] of ends.entries()) {
          await stores.sessions.create(session(id, { idHash: String(i).repeat(64), expiresAt }));
        }
        expect(await stores.sessions.deleteExpired('2026-12-01T21:00:00.000Z')).toBe(1);
        expect(await stores.sessions.find('0'.repeat(64))).toBeUndefined();
        expect(await stores.sessions.find('1'.repeat(64))).toBeDefined();
        expect(await stores.sessions.find('2'.repeat(64))).toBeDefined();
      });
    });

    test('refuses a second session with the same id', async () => {
      await using(open, async (stores) => {
        const stored = session(await somebody(stores));
        await stores.sessions.create(stored);
        await expect(stores.sessions.create(stored)).rejects.toThrow();
      });
    });
  });

  describe(`the sign-in store on ${database}`, () => {
    test('a link signs in once: the first use gives the address and where to go, the next says used', async () => {
      await using(open, async ({ signIn }) => {
        await signIn.issueToken(token());
        expect(await signIn.consumeToken(token().tokenHash, '2026-12-01T09:05:00.000Z')).toEqual({
          outcome: 'consumed',
          email: 'anna@example.com',
          next: '/nl/agents/',
        });
        expect(await signIn.consumeToken(token().tokenHash, '2026-12-01T09:06:00.000Z')).toEqual({
          outcome: 'used',
        });
      });
    });

    test('a link without a destination gives null', async () => {
      await using(open, async ({ signIn }) => {
        await signIn.issueToken(token({ next: null }));
        expect(await signIn.consumeToken(token().tokenHash, t0)).toMatchObject({ next: null });
      });
    });

    test('a link expires at its expiry instant, and a used one stays used after it', async () => {
      await using(open, async ({ signIn }) => {
        await signIn.issueToken(token({ tokenHash: '1'.repeat(64) }));
        await signIn.issueToken(token({ tokenHash: '2'.repeat(64) }));
        const end = token().expiresAt;
        expect(await signIn.consumeToken('1'.repeat(64), end)).toEqual({ outcome: 'expired' });
        expect(await signIn.consumeToken('1'.repeat(64), end)).toEqual({ outcome: 'expired' });
        await signIn.consumeToken('2'.repeat(64), '2026-12-01T09:14:59.999Z');
        expect(await signIn.consumeToken('2'.repeat(64), end)).toEqual({ outcome: 'used' });
      });
    });

    test('a link never issued is unknown', async () => {
      await using(open, async ({ signIn }) => {
        expect(await signIn.consumeToken('f'.repeat(64), t0)).toEqual({ outcome: 'unknown' });
      });
    });

    test('counts the links sent to an address since an instant, used ones included', async () => {
      await using(open, async ({ signIn }) => {
        const sent = [
          '2026-12-01T08:59:59.999Z',
          '2026-12-01T09:00:00.000Z',
          '2026-12-01T09:10:00.000Z',
        ];
        for (const [i, createdAt] of sent.entries()) {
          await signIn.issueToken(token({ tokenHash: String(i).repeat(64), createdAt }));
        }
        await signIn.issueToken(token({ tokenHash: '9'.repeat(64), email: 'bo@example.com' }));
        await signIn.consumeToken('1'.repeat(64), '2026-12-01T09:11:00.000Z');
        expect(await signIn.countTokensSince('anna@example.com', t0)).toBe(2);
        expect(await signIn.countTokensSince('bo@example.com', t0)).toBe(1);
        expect(await signIn.countTokensSince('cas@example.com', t0)).toBe(0);
      });
    });

    test('a pending login is given back once, whole, and then is gone', async () => {
      await using(open, async ({ signIn }) => {
        await signIn.savePendingLogin(pendingLogin());
        expect(await signIn.takePendingLogin(pendingLogin().stateHash, t0)).toEqual(pendingLogin());
        expect(await signIn.takePendingLogin(pendingLogin().stateHash, t0)).toBeUndefined();
        expect(await signIn.takePendingLogin('f'.repeat(64), t0)).toBeUndefined();
      });
    });

    test('an expired pending login is not given back, and is deleted', async () => {
      await using(open, async ({ signIn }) => {
        await signIn.savePendingLogin(pendingLogin({ next: null }));
        const { stateHash, expiresAt } = pendingLogin();
        expect(await signIn.takePendingLogin(stateHash, expiresAt)).toBeUndefined();
        expect(await signIn.takePendingLogin(stateHash, t0)).toBeUndefined();
      });
    });

    test('housekeeping drops links and pending logins that expired before the instant', async () => {
      await using(open, async ({ signIn }) => {
        const before = '2026-12-02T09:00:00.000Z';
        await signIn.issueToken(
          token({ tokenHash: '1'.repeat(64), expiresAt: '2026-12-02T08:59:59.999Z' }),
        );
        await signIn.issueToken(token({ tokenHash: '2'.repeat(64), expiresAt: before }));
        await signIn.savePendingLogin(
          pendingLogin({ stateHash: '3'.repeat(64), expiresAt: '2026-12-02T08:59:59.999Z' }),
        );
        await signIn.savePendingLogin(
          pendingLogin({ stateHash: '4'.repeat(64), expiresAt: '2026-12-02T09:30:00.000Z' }),
        );
        await signIn.deleteExpired(before);
        expect(await signIn.countTokensSince('anna@example.com', t0)).toBe(1);
        expect(await signIn.consumeToken('1'.repeat(64), t0)).toEqual({ outcome: 'unknown' });
        expect(await signIn.consumeToken('2'.repeat(64), t0)).toMatchObject({
          outcome: 'consumed',
        });
        expect(await signIn.takePendingLogin('3'.repeat(64), t0)).toBeUndefined();
        expect(await signIn.takePendingLogin('4'.repeat(64), t0)).toMatchObject({
          stateHash: '4'.repeat(64),
        });
      });
    });
  });
}
