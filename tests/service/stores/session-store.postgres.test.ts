import { describe, expect, test } from 'vitest';
import { byAdmin } from './auth-stores.ts';
import { openPostgresAuthStores, withTwoInstances } from './auth-stores.postgres.ts';
import { emptyDatabase, usePostgresServer } from './postgres-database.ts';
import { describeSessionStore, pendingLogin, token } from './session-store.contract.ts';

const server = usePostgresServer('sessions');

describeSessionStore('PostgreSQL', async () => {
  await emptyDatabase(server.url);
  return openPostgresAuthStores(server.url);
});

describe('sign-in on several instances of one PostgreSQL database', () => {
  const at = '2026-12-01T09:05:00.000Z';
  const hashes = Array.from({ length: 5 }, (_, i) => String(i).repeat(64));

  test('a link clicked on two instances at once signs in exactly once', async () => {
    await withTwoInstances(server.url, async (a, b) => {
      for (const tokenHash of hashes) await a.signIn.issueToken(token({ tokenHash }));
      for (const tokenHash of hashes) {
        const results = await Promise.all(
          Array.from({ length: 10 }, (_, i) => (i % 2 ? a : b).signIn.consumeToken(tokenHash, at)),
        );
        expect(results.filter((r) => r.outcome === 'consumed')).toHaveLength(1);
        expect(results.filter((r) => r.outcome === 'used')).toHaveLength(9);
      }
    });
  });

  test('a sign-in callback replayed on two instances at once is let through once', async () => {
    await withTwoInstances(server.url, async (a, b) => {
      for (const stateHash of hashes) await b.signIn.savePendingLogin(pendingLogin({ stateHash }));
      for (const stateHash of hashes) {
        const results = await Promise.all(
          Array.from({ length: 10 }, (_, i) =>
            (i % 2 ? a : b).signIn.takePendingLogin(stateHash, at),
          ),
        );
        expect(results.filter(Boolean)).toEqual([pendingLogin({ stateHash })]);
      }
    });
  });

  test('a session started on one instance is seen, touched and ended from another', async () => {
    await withTwoInstances(server.url, async (a, b) => {
      const { person } = await a.people.add(
        { email: 'anna@example.com', role: 'agent' },
        byAdmin(at),
      );
      const idHash = 'e'.repeat(64);
      await a.sessions.create({
        idHash,
        personId: person.id,
        method: 'email-link',
        createdAt: at,
        lastSeenAt: at,
        expiresAt: '2026-12-01T21:05:00.000Z',
      });
      await b.sessions.touch(idHash, '2026-12-01T10:00:00.000Z');
      expect((await a.sessions.find(idHash))?.lastSeenAt).toBe('2026-12-01T10:00:00.000Z');
      await b.people.remove(person.id, byAdmin('2026-12-01T10:30:00.000Z'));
      expect(await a.sessions.find(idHash)).toBeUndefined();
    });
  });
});
