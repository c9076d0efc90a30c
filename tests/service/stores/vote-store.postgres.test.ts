import { describe, expect, test } from 'vitest';
import { PostgresVoteStore } from '../../../src/server/store/postgres/votes.ts';
import { useStoreDatabase } from './postgres-database.ts';
import { describeVoteStore, vote } from './vote-store.contract.ts';

const database = useStoreDatabase('votes');

describeVoteStore('PostgreSQL', async () => ({
  votes: new PostgresVoteStore(await database.freshPool()),
  close: database.endPools,
}));

describe('votes with several instances on one PostgreSQL database', () => {
  test('one reader’s answers reaching two instances at once make one vote, the reason kept', async () => {
    const a = new PostgresVoteStore(await database.freshPool());
    const b = new PostgresVoteStore(await database.anotherPool());
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        (i % 2 ? a : b).cast(
          // "No" with a reason on one side, bare "no" on the other: the reason survives.
          vote('same-reader', `2026-11-01T10:00:${String(i).padStart(2, '0')}.000Z`, {
            reason: i % 2 ? 'incorrect' : null,
            comment: null,
          }),
        ),
      ),
    );
    expect(results.filter((r) => r.outcome === 'created')).toHaveLength(1);
    expect(new Set(results.map((r) => r.vote.id)).size).toBe(1);
    const { rows } = await database.query('SELECT helpful, reason FROM votes');
    expect(rows).toEqual([{ helpful: false, reason: 'incorrect' }]);
    await database.endPools();
  });
});
