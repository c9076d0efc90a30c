import { describe, expect, test } from 'vitest';
import { revisionOf } from '../../../src/lib/revision.ts';
import { PostgresProposalStore } from '../../../src/server/store/postgres/proposals.ts';
import { seedPostgresPeople, type FeedbackPeople } from './feedback-fixtures.ts';
import { freshPool, onTwoInstances, pools, usePostgresServer } from './postgres-database.ts';
import { at } from './flag-store.contract.ts';
import { describeProposalStore, newProposal, patch } from './proposal-store.contract.ts';

const server = usePostgresServer('proposals');

// Each test gets empty tables: the store migrates on open, so dropping them is enough.
describeProposalStore('PostgreSQL', async () => {
  const pool = await freshPool(server.url);
  return {
    store: new PostgresProposalStore(pool),
    people: await seedPostgresPeople(pool),
    close: () => pool.end(),
  };
});

describe('proposals changed on several instances sharing one PostgreSQL database', () => {
  /** Two instances: two pools, two stores, one database. */
  async function twoInstances(
    work: (
      a: PostgresProposalStore,
      b: PostgresProposalStore,
      people: FeedbackPeople,
    ) => Promise<void>,
  ): Promise<void> {
    await onTwoInstances(server.url, pools, async (a, b) =>
      work(new PostgresProposalStore(a), new PostgresProposalStore(b), await seedPostgresPeople(a)),
    );
  }

  test('saves based on one version, sent to two instances at once: one is taken, every other is stale', () =>
    twoInstances(async (a, b, people) => {
      const [ana] = people.agents;
      const { id } = await a.create(newProposal(ana!), { actor: ana!, at: at(0) });
      const results = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          (i % 2 ? a : b).update(id, 1, patch({ title: `Window ${i}` }), {
            actor: ana!,
            at: at(1),
          }),
        ),
      );
      const saved = results.filter((r) => r.outcome === 'saved');
      expect(saved).toHaveLength(1);
      expect(results.filter((r) => r.outcome === 'stale')).toHaveLength(19);
      const stored = await b.get(id);
      expect(stored?.version).toBe(2);
      expect(saved[0]?.outcome === 'saved' && saved[0].proposal.title).toBe(stored?.title);
      expect((await a.history(id)).map((h) => h.action)).toEqual(['created', 'edited']);
    }));

  test('a stale version is refused on the other instance after a save on one', () =>
    twoInstances(async (a, b, people) => {
      const [ana] = people.agents;
      const { id } = await a.create(newProposal(ana!), { actor: ana!, at: at(0) });
      expect((await a.update(id, 1, patch(), { actor: ana!, at: at(1) })).outcome).toBe('saved');
      expect(
        await b.update(id, 1, patch({ title: 'Late' }), { actor: ana!, at: at(2) }),
      ).toMatchObject({
        outcome: 'stale',
        proposal: { version: 2, title: patch().title },
      });
      expect((await b.update(id, 2, patch(), { actor: ana!, at: at(3) })).outcome).toBe('saved');
    }));

  test('an edit racing a submit on another instance is either saved first or refused, never lost', () =>
    twoInstances(async (a, b, people) => {
      const [ana] = people.agents;
      for (let round = 0; round < 10; round++) {
        const { id } = await a.create(newProposal(ana!), { actor: ana!, at: at(0) });
        const [edit, submit] = await Promise.all([
          a.update(id, 1, patch(), { actor: ana!, at: at(1) }),
          b.transition(id, ['draft'], 'submitted', { actor: ana!, at: at(1) }),
        ]);
        expect(submit.outcome).toBe('saved');
        const stored = await a.get(id);
        expect(stored?.state).toBe('submitted');
        expect(stored?.version).toBe(edit.outcome === 'saved' ? 3 : 2);
        expect(['saved', 'stale']).toContain(edit.outcome);
      }
    }));

  test('two leads accepting one proposal on two instances at once: one is saved, the other refused', () =>
    twoInstances(async (a, b, people) => {
      const [ana] = people.agents;
      const { id } = await a.create(newProposal(ana!, { state: 'submitted' }), {
        actor: ana!,
        at: at(0),
      });
      const details = (sha: string) => ({
        commitSha: sha,
        mergeStatus: 'clean',
        text: 'x',
        revision: revisionOf('x'),
      });
      const results = await Promise.all([
        a.accept(id, details('aaa'), { actor: people.lead, at: at(1) }),
        b.accept(id, details('bbb'), { actor: people.lead, at: at(1) }),
        b.transition(id, ['submitted'], 'declined', { actor: people.lead, at: at(1) }),
      ]);
      expect(results.filter((r) => r.outcome === 'saved')).toHaveLength(1);
      expect(results.filter((r) => r.outcome === 'wrong-state')).toHaveLength(2);
      expect(await a.history(id)).toHaveLength(3);
    }));
});
