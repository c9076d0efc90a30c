/**
 * What every PersonStore promises, whatever the database: run by person-store.sqlite.test.ts and
 * person-store.postgres.test.ts against a real SQLite file and a real PostgreSQL server.
 */
import { describe, expect, test } from 'vitest';
import { byAdmin, session, using, type OpenAuthStores } from './auth-stores.ts';

const t1 = '2026-12-01T09:00:00.000Z';
const t2 = '2026-12-02T09:00:00.000Z';
const t3 = '2026-12-03T09:00:00.000Z';

export function describePersonStore(database: string, open: OpenAuthStores): void {
  describe(`the person store on ${database}`, () => {
    test('adds a person under the lower-cased address and finds them by address and id', async () => {
      await using(open, async ({ people }) => {
        const result = await people.add(
          {
            email: 'Anna.de.Vries@Example.COM',
            name: 'Anna de Vries',
            role: 'agent',
            languages: ['nl', 'en'],
          },
          byAdmin(t1),
        );
        expect(result.outcome).toBe('added');
        expect(result.person).toEqual({
          id: expect.any(String),
          email: 'anna.de.vries@example.com',
          name: 'Anna de Vries',
          role: 'agent',
          languages: ['nl', 'en'],
          createdAt: t1,
          updatedAt: t1,
        });
        expect(await people.findByEmail('ANNA.DE.VRIES@example.com')).toEqual(result.person);
        expect(await people.findById(result.person.id)).toEqual(result.person);
        expect(await people.findByEmail('nobody@example.com')).toBeUndefined();
        expect(await people.findById('no-such-id')).toBeUndefined();
      });
    });

    test('adds a person without a name or languages as null and none', async () => {
      await using(open, async ({ people }) => {
        const { person } = await people.add({ email: 'bo@example.com', role: 'lead' }, byAdmin(t1));
        expect(person).toMatchObject({ name: null, languages: [] });
      });
    });

    test('keeps every role, the manager included', async () => {
      await using(open, async ({ people }) => {
        for (const role of ['agent', 'manager', 'lead', 'admin'] as const) {
          const { person } = await people.add({ email: `${role}@example.com`, role }, byAdmin(t1));
          expect((await people.findById(person.id))?.role).toBe(role);
        }
      });
    });

    test('records the addition in the person’s history', async () => {
      await using(open, async ({ people }) => {
        const { person } = await people.add(
          { email: 'cas@example.com', role: 'manager' },
          byAdmin(t1),
        );
        expect(await people.history(person.id)).toEqual([
          {
            at: t1,
            actor: 'admin-1',
            action: 'added',
            from: null,
            to: 'manager',
            revision: null,
            detail: {},
          },
        ]);
      });
    });

    test('answers that an address exists, in any case, and changes nothing', async () => {
      await using(open, async ({ people }) => {
        const first = await people.add(
          { email: 'dana@example.com', name: 'Dana', role: 'agent' },
          byAdmin(t1),
        );
        const again = await people.add(
          { email: 'DANA@example.com', name: 'Other', role: 'admin' },
          byAdmin(t2),
        );
        expect(again).toEqual({ outcome: 'exists', person: first.person });
        expect(await people.findById(first.person.id)).toEqual(first.person);
        expect(await people.history(first.person.id)).toHaveLength(1);
        expect(await people.list()).toHaveLength(1);
      });
    });

    test('lists the active people in byte order of their addresses', async () => {
      await using(open, async ({ people }) => {
        for (const email of [
          'ab@example.com',
          'a_b@example.com',
          'zoe@example.com',
          'a.b@example.com',
          'a-b@example.com',
          '1st@example.com',
        ]) {
          await people.add({ email, role: 'agent' }, byAdmin(t1));
        }
        const gone = await people.add({ email: 'gone@example.com', role: 'agent' }, byAdmin(t1));
        await people.remove(gone.person.id, byAdmin(t2));
        expect((await people.list()).map((p) => p.email)).toEqual([
          '1st@example.com',
          'a-b@example.com',
          'a.b@example.com',
          'a_b@example.com',
          'ab@example.com',
          'zoe@example.com',
        ]);
      });
    });

    test('changes a role and records the step from the old role to the new', async () => {
      await using(open, async ({ people }) => {
        const { person } = await people.add(
          { email: 'eva@example.com', name: 'Eva', role: 'agent', languages: ['de'] },
          byAdmin(t1),
        );
        const updated = await people.update(person.id, { role: 'manager' }, byAdmin(t2));
        expect(updated).toEqual({ ...person, role: 'manager', updatedAt: t2 });
        expect(await people.findById(person.id)).toEqual(updated);
        expect((await people.history(person.id)).slice(1)).toEqual([
          {
            at: t2,
            actor: 'admin-1',
            action: 'role-changed',
            from: 'agent',
            to: 'manager',
            revision: null,
            detail: {},
          },
        ]);
      });
    });

    test('changes name and languages and records them as details', async () => {
      await using(open, async ({ people }) => {
        const { person } = await people.add(
          { email: 'fleur@example.com', name: 'Fleur', role: 'agent' },
          byAdmin(t1),
        );
        const updated = await people.update(
          person.id,
          { name: 'Fleur Jansen', languages: ['nl', 'fr'] },
          byAdmin(t2),
        );
        expect(updated).toMatchObject({
          name: 'Fleur Jansen',
          languages: ['nl', 'fr'],
          role: 'agent',
          updatedAt: t2,
        });
        const cleared = await people.update(person.id, { name: null }, byAdmin(t3));
        expect(cleared).toMatchObject({ name: null, languages: ['nl', 'fr'] });
        expect((await people.history(person.id)).slice(1)).toEqual([
          {
            at: t2,
            actor: 'admin-1',
            action: 'details-changed',
            from: null,
            to: null,
            revision: null,
            detail: { name: 'Fleur Jansen', languages: ['nl', 'fr'] },
          },
          {
            at: t3,
            actor: 'admin-1',
            action: 'details-changed',
            from: null,
            to: null,
            revision: null,
            detail: { name: null, languages: ['nl', 'fr'] },
          },
        ]);
      });
    });

    test('records a role and a detail change made together as two steps, and no step when nothing changed', async () => {
      await using(open, async ({ people }) => {
        const { person } = await people.add(
          { email: 'gert@example.com', name: 'Gert', role: 'agent' },
          byAdmin(t1),
        );
        await people.update(person.id, { role: 'lead', name: 'Gert B' }, byAdmin(t2));
        const same = await people.update(
          person.id,
          { role: 'lead', name: 'Gert B', languages: [] },
          byAdmin(t3),
        );
        expect(same).toMatchObject({ role: 'lead', name: 'Gert B', updatedAt: t3 });
        expect((await people.history(person.id)).map((e) => e.action)).toEqual([
          'added',
          'role-changed',
          'details-changed',
        ]);
      });
    });

    test('changes nobody who is unknown or removed', async () => {
      await using(open, async ({ people }) => {
        const { person } = await people.add(
          { email: 'hans@example.com', role: 'agent' },
          byAdmin(t1),
        );
        await people.remove(person.id, byAdmin(t2));
        expect(await people.update(person.id, { role: 'admin' }, byAdmin(t3))).toBeUndefined();
        expect(await people.update('no-such-id', { role: 'admin' }, byAdmin(t3))).toBeUndefined();
        expect((await people.history(person.id)).map((e) => e.action)).toEqual([
          'added',
          'removed',
        ]);
      });
    });

    test('removes a person: not found any more, and the removal recorded with the role they had', async () => {
      await using(open, async ({ people }) => {
        const { person } = await people.add(
          { email: 'ines@example.com', role: 'lead' },
          byAdmin(t1),
        );
        expect(await people.remove(person.id, byAdmin(t2))).toBe(true);
        expect(await people.findById(person.id)).toBeUndefined();
        expect(await people.findByEmail('ines@example.com')).toBeUndefined();
        expect(await people.list()).toEqual([]);
        expect((await people.history(person.id)).at(-1)).toEqual({
          at: t2,
          actor: 'admin-1',
          action: 'removed',
          from: 'lead',
          to: 'removed',
          revision: null,
          detail: {},
        });
        expect(await people.remove(person.id, byAdmin(t3))).toBe(false);
        expect(await people.remove('no-such-id', byAdmin(t3))).toBe(false);
        expect(await people.history(person.id)).toHaveLength(2);
      });
    });

    test('ends every session of a removed person and no one else’s', async () => {
      await using(open, async ({ people, sessions }) => {
        const leaving = await people.add({ email: 'jan@example.com', role: 'agent' }, byAdmin(t1));
        const staying = await people.add({ email: 'kim@example.com', role: 'agent' }, byAdmin(t1));
        await sessions.create(session(leaving.person.id, { idHash: '1'.repeat(64) }));
        await sessions.create(
          session(leaving.person.id, { idHash: '2'.repeat(64), method: 'oidc' }),
        );
        await sessions.create(session(staying.person.id, { idHash: '3'.repeat(64) }));
        await people.remove(leaving.person.id, byAdmin(t2));
        expect(await sessions.find('1'.repeat(64))).toBeUndefined();
        expect(await sessions.find('2'.repeat(64))).toBeUndefined();
        expect(await sessions.find('3'.repeat(64))).toBeDefined();
      });
    });

    test('brings a removed person back under the same id with the new role, keeping what was not given', async () => {
      await using(open, async ({ people }) => {
        const { person } = await people.add(
          { email: 'lena@example.com', name: 'Lena', role: 'lead', languages: ['ru'] },
          byAdmin(t1),
        );
        await people.remove(person.id, byAdmin(t2));
        const back = await people.add({ email: 'LENA@example.com', role: 'agent' }, byAdmin(t3));
        expect(back).toEqual({
          outcome: 'added',
          person: { ...person, role: 'agent', name: 'Lena', languages: [], updatedAt: t3 },
        });
        expect(await people.findByEmail('lena@example.com')).toEqual(back.person);
        expect((await people.history(person.id)).at(-1)).toEqual({
          at: t3,
          actor: 'admin-1',
          action: 'restored',
          from: 'removed',
          to: 'agent',
          revision: null,
          detail: {},
        });
        const renamed = await people.add({ email: 'x@example.com', role: 'agent' }, byAdmin(t3));
        await people.remove(renamed.person.id, byAdmin(t3));
        const again = await people.add(
          { email: 'x@example.com', name: 'Xavier', role: 'admin', languages: ['ko'] },
          byAdmin(t3),
        );
        expect(again.person).toMatchObject({
          id: renamed.person.id,
          name: 'Xavier',
          role: 'admin',
          languages: ['ko'],
        });
      });
    });

    test('has no history for someone unknown', async () => {
      await using(open, async ({ people }) => {
        expect(await people.history('no-such-id')).toEqual([]);
      });
    });
  });
}
