/**
 * What every VoteStore promises, whatever the database: run by vote-store.sqlite.test.ts and
 * vote-store.postgres.test.ts.
 */
import { describe, expect, test } from 'vitest';
import type { VoteDraft, VoteStore } from '../../../src/server/store/types.ts';

export interface OpenVoteStore {
  (): Promise<{ votes: VoteStore; close(): Promise<void> }>;
}

/** A "no, unclear" with a comment from `voter` at `at`; overrides change any field. */
export function vote(voter: string, at: string, overrides: Partial<VoteDraft> = {}): VoteDraft {
  return {
    articleId: 'paying-for-lots',
    locale: 'en',
    audience: 'public',
    revision: 'aaaaaaaaaaaa',
    helpful: false,
    reason: 'unclear',
    comment: `comment of ${voter}`,
    voter,
    day: at.slice(0, 10),
    at,
    ...overrides,
  };
}

const yes = { helpful: true, reason: null, comment: null } as const;
const noReasons = {
  incorrect: 0,
  unclear: 0,
  'missing-information': 0,
  'not-my-situation': 0,
  'disagree-with-policy': 0,
  other: 0,
};

export function describeVoteStore(database: string, open: OpenVoteStore): void {
  describe(`the vote store on ${database}`, () => {
    test('stores a new vote with every field as given, without the voter', async () => {
      const { votes, close } = await open();
      try {
        const cast = await votes.cast(vote('a', '2026-11-01T10:00:00.000Z', { locale: 'ko' }));
        expect(cast).toEqual({
          outcome: 'created',
          vote: {
            id: expect.any(Number),
            articleId: 'paying-for-lots',
            locale: 'ko',
            audience: 'public',
            revision: 'aaaaaaaaaaaa',
            helpful: false,
            reason: 'unclear',
            comment: 'comment of a',
            day: '2026-11-01',
            createdAt: '2026-11-01T10:00:00.000Z',
            updatedAt: '2026-11-01T10:00:00.000Z',
          },
        });
        const helpful = await votes.cast(vote('b', '2026-11-01T11:00:00.000Z', yes));
        expect(helpful.vote).toMatchObject({ helpful: true, reason: null, comment: null });
        expect(helpful.vote.id).not.toBe(cast.vote.id);
      } finally {
        await close();
      }
    });

    test('a second answer from the same voter on the same revision changes the vote', async () => {
      const { votes, close } = await open();
      try {
        const first = await votes.cast(vote('a', '2026-11-01T10:00:00.000Z', yes));
        const second = await votes.cast(
          vote('a', '2026-11-01T10:05:00.000Z', { reason: null, comment: null }),
        );
        expect(second).toEqual({
          outcome: 'updated',
          vote: {
            ...first.vote,
            helpful: false,
            updatedAt: '2026-11-01T10:05:00.000Z',
          },
        });
        const [tally] = await votes.tallies();
        expect(tally).toMatchObject({ yes: 0, no: 1 });
      } finally {
        await close();
      }
    });

    test('"no" then a reason is one answer; a later bare "no" keeps the reason and the comment', async () => {
      const { votes, close } = await open();
      try {
        await votes.cast(vote('a', '2026-11-01T10:00:00.000Z', { reason: null, comment: null }));
        const why = await votes.cast(
          vote('a', '2026-11-01T10:01:00.000Z', { reason: 'incorrect', comment: 'Wrong fee.' }),
        );
        expect(why.vote).toMatchObject({ reason: 'incorrect', comment: 'Wrong fee.' });
        const bare = await votes.cast(
          vote('a', '2026-11-01T10:02:00.000Z', { reason: null, comment: null }),
        );
        expect(bare).toMatchObject({
          outcome: 'updated',
          vote: { helpful: false, reason: 'incorrect', comment: 'Wrong fee.' },
        });
        // A new comment alone replaces the comment and keeps the reason.
        const comment = await votes.cast(
          vote('a', '2026-11-01T10:03:00.000Z', { reason: null, comment: 'Fee is 5%.' }),
        );
        expect(comment.vote).toMatchObject({ reason: 'incorrect', comment: 'Fee is 5%.' });
        // A new reason without a comment drops the comment that went with the old reason.
        const reason = await votes.cast(
          vote('a', '2026-11-01T10:04:00.000Z', { reason: 'other', comment: null }),
        );
        expect(reason.vote).toMatchObject({ reason: 'other', comment: null });
      } finally {
        await close();
      }
    });

    test('changing the answer to "yes" drops the reason and the comment', async () => {
      const { votes, close } = await open();
      try {
        await votes.cast(vote('a', '2026-11-01T10:00:00.000Z'));
        const changed = await votes.cast(vote('a', '2026-11-01T10:01:00.000Z', yes));
        expect(changed).toMatchObject({
          outcome: 'updated',
          vote: { helpful: true, reason: null, comment: null },
        });
        expect(await votes.recentComments()).toEqual([]);
      } finally {
        await close();
      }
    });

    test('other voters, revisions and locales count apart', async () => {
      const { votes, close } = await open();
      try {
        const at = '2026-11-01T10:00:00.000Z';
        const outcomes = [
          await votes.cast(vote('a', at)),
          await votes.cast(vote('b', at)),
          await votes.cast(vote('a', at, { revision: 'bbbbbbbbbbbb' })),
          await votes.cast(vote('a', at, { locale: 'nl' })),
          await votes.cast(vote('a', at, { articleId: 'bidding' })),
        ].map((cast) => cast.outcome);
        expect(outcomes).toEqual(['created', 'created', 'created', 'created', 'created']);
        expect(await votes.knowsRevision('paying-for-lots', 'en', 'bbbbbbbbbbbb')).toBe(true);
        expect(await votes.knowsRevision('paying-for-lots', 'nl', 'bbbbbbbbbbbb')).toBe(false);
        expect(await votes.knowsRevision('bidding', 'en', 'aaaaaaaaaaaa')).toBe(true);
        expect(await votes.knowsRevision('bidding', 'en', 'cccccccccccc')).toBe(false);
      } finally {
        await close();
      }
    });

    test('ten identical answers at once make one vote', async () => {
      const { votes, close } = await open();
      try {
        const results = await Promise.all(
          Array.from({ length: 10 }, () => votes.cast(vote('a', '2026-11-01T10:00:00.000Z'))),
        );
        expect(results.filter((r) => r.outcome === 'created')).toHaveLength(1);
        expect(new Set(results.map((r) => r.vote.id)).size).toBe(1);
        expect((await votes.tallies()).map((t) => t.no)).toEqual([1]);
      } finally {
        await close();
      }
    });

    test('tallies per article, locale, audience and revision, newest activity first, every reason present', async () => {
      const { votes, close } = await open();
      try {
        await votes.cast(vote('a', '2026-11-01T10:00:00.000Z'));
        await votes.cast(vote('b', '2026-11-01T11:00:00.000Z', { audience: 'internal', ...yes }));
        await votes.cast(
          vote('c', '2026-11-02T10:00:00.000Z', { revision: 'bbbbbbbbbbbb', comment: null }),
        );
        await votes.cast(vote('d', '2026-11-01T12:00:00.000Z', { reason: 'other' }));
        await votes.cast(vote('e', '2026-11-01T09:00:00.000Z', yes));
        await votes.cast(vote('f', '2026-11-03T09:00:00.000Z', { articleId: 'bidding', ...yes }));
        const tallies = await votes.tallies({ articleId: 'paying-for-lots' });
        expect(tallies).toEqual([
          {
            articleId: 'paying-for-lots',
            locale: 'en',
            audience: 'public',
            revision: 'bbbbbbbbbbbb',
            yes: 0,
            no: 1,
            reasons: { ...noReasons, unclear: 1 },
            comments: 0,
            firstAt: '2026-11-02T10:00:00.000Z',
            lastAt: '2026-11-02T10:00:00.000Z',
          },
          {
            articleId: 'paying-for-lots',
            locale: 'en',
            audience: 'public',
            revision: 'aaaaaaaaaaaa',
            yes: 1,
            no: 2,
            reasons: { ...noReasons, unclear: 1, other: 1 },
            comments: 2,
            firstAt: '2026-11-01T09:00:00.000Z',
            lastAt: '2026-11-01T12:00:00.000Z',
          },
          {
            articleId: 'paying-for-lots',
            locale: 'en',
            audience: 'internal',
            revision: 'aaaaaaaaaaaa',
            yes: 1,
            no: 0,
            reasons: noReasons,
            comments: 0,
            firstAt: '2026-11-01T11:00:00.000Z',
            lastAt: '2026-11-01T11:00:00.000Z',
          },
        ]);
        expect((await votes.tallies()).map((t) => t.articleId)[0]).toBe('bidding');
        expect(await votes.tallies({ audience: 'internal' })).toEqual([tallies[2]]);
        expect(await votes.tallies({ revision: 'bbbbbbbbbbbb' })).toEqual([tallies[0]]);
        expect(await votes.tallies({ locale: 'nl' })).toEqual([]);
      } finally {
        await close();
      }
    });

    test('tallies and comments cover the answers changed within a window, its end excluded', async () => {
      const { votes, close } = await open();
      try {
        await votes.cast(vote('a', '2026-11-01T10:00:00.000Z'));
        await votes.cast(vote('b', '2026-11-02T00:00:00.000Z'));
        await votes.cast(vote('c', '2026-11-02T23:59:59.999Z'));
        await votes.cast(vote('d', '2026-11-03T00:00:00.000Z'));
        // a answers again on the 2nd: its change is in the window, its first answer was not.
        await votes.cast(vote('a', '2026-11-02T12:00:00.000Z', { comment: 'changed' }));
        const window = { since: '2026-11-02', until: '2026-11-03' };
        const [tally] = await votes.tallies(window);
        expect(tally).toMatchObject({
          no: 3,
          firstAt: '2026-11-01T10:00:00.000Z',
          lastAt: '2026-11-02T23:59:59.999Z',
        });
        expect((await votes.recentComments(window)).map((c) => c.comment)).toEqual([
          'comment of c',
          'changed',
          'comment of b',
        ]);
        expect(await votes.tallies({ since: '2026-11-04' })).toEqual([]);
        expect(
          (await votes.recentComments({ until: '2026-11-02T00:00:00.000Z' })).map((c) => c.comment),
        ).toEqual([]);
      } finally {
        await close();
      }
    });

    test('lists comments of "no" answers newest first, with their reason, within a limit', async () => {
      const { votes, close } = await open();
      try {
        await votes.cast(vote('a', '2026-11-01T10:00:00.000Z'));
        await votes.cast(vote('b', '2026-11-02T10:00:00.000Z', { reason: null }));
        await votes.cast(vote('c', '2026-11-03T10:00:00.000Z', { locale: 'nl' }));
        await votes.cast(vote('d', '2026-11-04T10:00:00.000Z', yes));
        await votes.cast(vote('e', '2026-11-05T10:00:00.000Z', { comment: null }));
        const all = await votes.recentComments();
        expect(all.map((c) => c.comment)).toEqual(['comment of c', 'comment of b', 'comment of a']);
        expect(all[1]).toEqual({
          id: expect.any(Number),
          articleId: 'paying-for-lots',
          locale: 'en',
          audience: 'public',
          revision: 'aaaaaaaaaaaa',
          reason: null,
          comment: 'comment of b',
          at: '2026-11-02T10:00:00.000Z',
        });
        expect((await votes.recentComments({ limit: 2 })).map((c) => c.comment)).toEqual([
          'comment of c',
          'comment of b',
        ]);
        expect(await votes.recentComments({ limit: 0 })).toHaveLength(1);
        expect((await votes.recentComments({ locale: 'nl' })).map((c) => c.comment)).toEqual([
          'comment of c',
        ]);
        expect(await votes.recentComments({ articleId: 'bidding' })).toEqual([]);
      } finally {
        await close();
      }
    });

    test('comments of the same instant come newest vote first; the default limit is 50', async () => {
      const { votes, close } = await open();
      try {
        const at = '2026-11-01T10:00:00.000Z';
        for (let i = 0; i < 55; i++) await votes.cast(vote(`v${i}`, at));
        const comments = await votes.recentComments();
        expect(comments).toHaveLength(50);
        expect(comments[0]!.comment).toBe('comment of v54');
        expect(comments.map((c) => c.id)).toEqual(
          [...comments.map((c) => c.id)].sort((a, b) => b - a),
        );
        expect(await votes.recentComments({ limit: 10_000 })).toHaveLength(55);
      } finally {
        await close();
      }
    });
  });
}
