import { describe, expect, test } from 'vitest';
import { PostgresFlagStore } from '../../../src/server/store/postgres/flags.ts';
import { seedPostgresPeople, type FeedbackPeople } from './feedback-fixtures.ts';
import { freshPool, onTwoInstances, pools, usePostgresServer } from './postgres-database.ts';
import { at, describeFlagStore, newFlag } from './flag-store.contract.ts';

const server = usePostgresServer('flags');

// Each test gets empty tables: the store migrates on open, so dropping them is enough.
describeFlagStore('PostgreSQL', async () => {
  const pool = await freshPool(server.url);
  return {
    store: new PostgresFlagStore(pool),
    people: await seedPostgresPeople(pool),
    close: () => pool.end(),
  };
});

describe('flags raised on several instances sharing one PostgreSQL database', () => {
  /** Two instances: two pools, two stores, one database. */
  async function twoInstances(
    work: (a: PostgresFlagStore, b: PostgresFlagStore, people: FeedbackPeople) => Promise<void>,
  ): Promise<void> {
    await onTwoInstances(server.url, pools, async (a, b) =>
      work(new PostgresFlagStore(a), new PostgresFlagStore(b), await seedPostgresPeople(a)),
    );
  }

  test('two agents on two instances raising one passage at once end as one flag with two supporters', () =>
    twoInstances(async (a, b, people) => {
      const [ana, ben] = people.agents;
      const passages = Array.from({ length: 25 }, (_, i) => `block-${i}`);
      const results = await Promise.all(
        passages.flatMap((blockKey) => [
          a.raise(newFlag({ blockKey }), { actor: ana!, at: at(0) }),
          b.raise(newFlag({ blockKey, ticketRef: '#2' }), { actor: ben!, at: at(0) }),
        ]),
      );
      expect(results.filter((r) => r.outcome === 'opened')).toHaveLength(passages.length);
      expect(results.filter((r) => r.outcome === 'joined')).toHaveLength(passages.length);
      const flags = await a.list({});
      expect(flags).toHaveLength(passages.length);
      for (const flag of flags) {
        expect(flag.supporters.map((s) => s.personId).sort()).toEqual([ana, ben].sort());
        expect((await b.history(flag.id)).map((h) => h.action)).toEqual(['opened', 'joined']);
      }
    }));

  test('one agent raising a passage on two instances at once is one supporter of one flag', () =>
    twoInstances(async (a, b, people) => {
      const [ana] = people.agents;
      const results = await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          (i % 2 ? a : b).raise(newFlag(), { actor: ana!, at: at(i) }),
        ),
      );
      expect(results.filter((r) => r.outcome === 'opened')).toHaveLength(1);
      expect(results.filter((r) => r.outcome === 'already-raised')).toHaveLength(9);
      const [flag] = await b.list({});
      expect(flag?.supporters.map((s) => s.personId)).toEqual([ana]);
      expect(await a.history(flag!.id)).toHaveLength(1);
    }));

  test('agents raising while a lead declines the open flag join it or open the next one, never two open', () =>
    twoInstances(async (a, b, people) => {
      const [ana, ben, cleo] = people.agents;
      const first = await a.raise(newFlag(), { actor: ana!, at: at(0) });
      await Promise.all([
        b.transition(first.flag.id, ['open'], 'declined', {
          actor: people.lead,
          at: at(1),
          reason: 'No',
        }),
        a.raise(newFlag(), { actor: ben!, at: at(1) }),
        b.raise(newFlag(), { actor: cleo!, at: at(1) }),
      ]);
      const open = await a.list({ states: ['open', 'triaged', 'in-proposal'] });
      expect(open.length).toBeLessThanOrEqual(1);
      const supporters = (await a.list({})).flatMap((flag) =>
        flag.supporters.map((s) => s.personId),
      );
      expect(supporters.sort()).toEqual([ana, ben, cleo].sort());
    }));

  test('two leads moving one flag on two instances at once: one is saved, the other told its state', () =>
    twoInstances(async (a, b, people) => {
      const { flag } = await a.raise(newFlag(), { actor: people.agents[0]!, at: at(0) });
      const change = { actor: people.lead, at: at(1) };
      const results = await Promise.all([
        a.transition(flag.id, ['open'], 'triaged', change),
        b.transition(flag.id, ['open'], 'declined', { ...change, reason: 'No' }),
      ]);
      expect(results.map((r) => r.outcome).sort()).toEqual(['saved', 'wrong-state']);
      expect(await a.history(flag.id)).toHaveLength(2);
    }));

  test('a closed flag is not reopened while its passage has another open flag', () =>
    twoInstances(async (a, b, people) => {
      const [ana, ben] = people.agents;
      const first = await a.raise(newFlag(), { actor: ana!, at: at(0) });
      await a.transition(first.flag.id, ['open'], 'declined', {
        actor: people.lead,
        at: at(1),
        reason: 'No',
      });
      await b.raise(newFlag(), { actor: ben!, at: at(2) });
      const reopened = await b.transition(first.flag.id, ['declined'], 'open', {
        actor: people.lead,
        at: at(3),
      });
      expect(reopened).toMatchObject({ outcome: 'wrong-state', flag: { state: 'declined' } });
      expect(await a.history(first.flag.id)).toHaveLength(2);
    }));
});
