import { describe, expect, test } from 'vitest';
import type { AuthStores } from './auth-stores.ts';
import { byAdmin } from './auth-stores.ts';
import { openPostgresAuthStores, withTwoInstances } from './auth-stores.postgres.ts';
import { emptyDatabase, usePostgresServer } from './postgres-database.ts';
import { describePersonStore } from './person-store.contract.ts';

const server = usePostgresServer('people');

describePersonStore('PostgreSQL', async () => {
  await emptyDatabase(server.url);
  return openPostgresAuthStores(server.url);
});

/** The same call made `times` times at once, alternating between two instances. */
function atOnce<T>(
  a: AuthStores,
  b: AuthStores,
  times: number,
  call: (s: AuthStores) => Promise<T>,
) {
  return Promise.all(Array.from({ length: times }, (_, i) => call(i % 2 ? a : b)));
}

describe('people on several instances of one PostgreSQL database', () => {
  const t1 = '2026-12-01T09:00:00.000Z';
  const t2 = '2026-12-02T09:00:00.000Z';

  test('one address added on two instances at once makes one person; the others hear it exists', async () => {
    await withTwoInstances(server.url, async (a, b) => {
      const results = await atOnce(a, b, 10, (s) =>
        s.people.add({ email: 'anna@example.com', role: 'agent' }, byAdmin(t1)),
      );
      expect(results.filter((r) => r.outcome === 'added')).toHaveLength(1);
      expect(new Set(results.map((r) => r.person.id)).size).toBe(1);
      expect(await a.people.list()).toHaveLength(1);
      expect(await b.people.history(results[0]!.person.id)).toHaveLength(1);
    });
  });

  test('a removed person brought back on two instances at once is brought back once', async () => {
    await withTwoInstances(server.url, async (a, b) => {
      const { person } = await a.people.add({ email: 'bo@example.com', role: 'lead' }, byAdmin(t1));
      await a.people.remove(person.id, byAdmin(t1));
      const results = await atOnce(a, b, 10, (s) =>
        s.people.add({ email: 'bo@example.com', role: 'agent' }, byAdmin(t2)),
      );
      expect(results.filter((r) => r.outcome === 'added')).toHaveLength(1);
      expect(results.every((r) => r.person.id === person.id)).toBe(true);
      expect((await b.people.history(person.id)).map((e) => e.action)).toEqual([
        'added',
        'removed',
        'restored',
      ]);
    });
  });

  test('role changes on two instances at once are recorded one after the other', async () => {
    await withTwoInstances(server.url, async (a, b) => {
      const { person } = await a.people.add(
        { email: 'cas@example.com', role: 'agent' },
        byAdmin(t1),
      );
      const roles = ['manager', 'lead', 'admin', 'agent', 'manager', 'lead'] as const;
      await Promise.all(
        roles.map((role, i) => (i % 2 ? a : b).people.update(person.id, { role }, byAdmin(t2))),
      );
      const steps = (await a.people.history(person.id)).filter((e) => e.action === 'role-changed');
      // Each step starts from the role the one before it left: none decided from a stale row.
      let role: string | null = 'agent';
      for (const step of steps) {
        expect(step.from).toBe(role);
        role = step.to;
      }
      expect((await b.people.findById(person.id))?.role).toBe(role);
    });
  });

  test('a person removed on two instances at once is removed once', async () => {
    await withTwoInstances(server.url, async (a, b) => {
      const { person } = await a.people.add(
        { email: 'dana@example.com', role: 'agent' },
        byAdmin(t1),
      );
      const results = await atOnce(a, b, 10, (s) => s.people.remove(person.id, byAdmin(t2)));
      expect(results.filter(Boolean)).toHaveLength(1);
      expect((await b.people.history(person.id)).map((e) => e.action)).toEqual([
        'added',
        'removed',
      ]);
    });
  });
});
