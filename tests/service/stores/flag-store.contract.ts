/**
 * What every FlagStore promises, whatever the database: run by flag-store.sqlite.test.ts and
 * flag-store.postgres.test.ts against a real SQLite file and a real PostgreSQL server.
 */
import { describe, expect, test } from 'vitest';
import type { FlagStore, NewFlag } from '../../../src/server/store/types.ts';
import type { FeedbackPeople } from './feedback-fixtures.ts';

export interface FlagStoreFixture {
  store: FlagStore;
  people: FeedbackPeople;
  close(): Promise<void>;
}

export type OpenFlagStore = () => Promise<FlagStoreFixture>;

export function newFlag(overrides: Partial<NewFlag> = {}): NewFlag {
  return {
    articleId: 'payouts',
    locale: 'en',
    revision: 'a1b2c3d4e5f6',
    blockKey: 'block-1',
    blockKind: 'paragraph',
    quote: 'Payouts arrive within 1–2 business days.',
    reason: 'outdated',
    comment: 'It takes 3 days since November.',
    ticketRef: 'HB-7K2M9Q0Z',
    ...overrides,
  };
}

/** An instant on 1 December 2026, `minute` minutes after nine. */
export const at = (minute: number) =>
  `2026-12-01T${String(9 + Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}:00.000Z`;

export function describeFlagStore(database: string, open: OpenFlagStore): void {
  describe(`the flag store on ${database}`, () => {
    async function using(work: (fixture: FlagStoreFixture) => Promise<void>): Promise<void> {
      const fixture = await open();
      try {
        await work(fixture);
      } finally {
        await fixture.close();
      }
    }

    test('opens a flag on a passage with its first supporter and an "opened" step', () =>
      using(async ({ store, people }) => {
        const [ana] = people.agents;
        const raised = await store.raise(newFlag(), { actor: ana!, at: at(0) });
        expect(raised.outcome).toBe('opened');
        const { ticketRef: _ticket, ...anchor } = newFlag();
        expect(raised.flag).toEqual({
          ...anchor,
          id: expect.stringMatching(/^FL-[0-9A-HJKMNP-TV-Z]{8}$/),
          state: 'open',
          createdBy: ana,
          createdAt: at(0),
          updatedAt: at(0),
          proposalId: null,
          declineReason: null,
          supporters: [
            { personId: ana, ticketRef: 'HB-7K2M9Q0Z', comment: newFlag().comment, at: at(0) },
          ],
        });
        expect(await store.get(raised.flag.id)).toEqual(raised.flag);
        expect(await store.history(raised.flag.id)).toEqual([
          {
            at: at(0),
            actor: ana,
            action: 'opened',
            from: null,
            to: 'open',
            revision: 'a1b2c3d4e5f6',
            detail: { reason: 'outdated', ticketRef: 'HB-7K2M9Q0Z' },
          },
        ]);
      }));

    test('a second agent on the same passage joins the open flag (+1), supporters in the order they came', () =>
      using(async ({ store, people }) => {
        const [ana, ben, cleo] = people.agents;
        const opened = await store.raise(newFlag(), { actor: ana!, at: at(0) });
        const joined = await store.raise(
          newFlag({
            ticketRef: '#48213',
            comment: null,
            reason: 'wrong',
            revision: 'ffffffffffff',
          }),
          { actor: ben!, at: at(5) },
        );
        // Same millisecond as Ben: still after him.
        await store.raise(newFlag({ ticketRef: null }), { actor: cleo!, at: at(5) });
        expect(joined.outcome).toBe('joined');
        const flag = await store.get(opened.flag.id);
        expect(flag).toMatchObject({
          id: opened.flag.id,
          reason: 'outdated',
          createdBy: ana,
          updatedAt: at(5),
        });
        expect(flag?.supporters).toEqual([
          { personId: ana, ticketRef: 'HB-7K2M9Q0Z', comment: newFlag().comment, at: at(0) },
          { personId: ben, ticketRef: '#48213', comment: null, at: at(5) },
          { personId: cleo, ticketRef: null, comment: newFlag().comment, at: at(5) },
        ]);
        const history = await store.history(opened.flag.id);
        expect(history.map((h) => [h.action, h.actor, h.from, h.to])).toEqual([
          ['opened', ana, null, 'open'],
          ['joined', ben, null, null],
          ['joined', cleo, null, null],
        ]);
        expect(history[1]).toMatchObject({
          revision: 'ffffffffffff',
          detail: { reason: 'wrong', ticketRef: '#48213' },
        });
        expect(await store.list({})).toHaveLength(1);
      }));

    test('an agent raising the same passage again is told so, and a ticket is added only where none was', () =>
      using(async ({ store, people }) => {
        const [ana, ben] = people.agents;
        const opened = await store.raise(newFlag(), { actor: ana!, at: at(0) });
        await store.raise(newFlag({ ticketRef: null }), { actor: ben!, at: at(1) });
        const again = await store.raise(newFlag({ ticketRef: 'HB-AAAAAAAA' }), {
          actor: ana!,
          at: at(2),
        });
        expect(again.outcome).toBe('already-raised');
        const added = await store.raise(newFlag({ ticketRef: '#1' }), { actor: ben!, at: at(3) });
        expect(added.outcome).toBe('already-raised');
        expect(added.flag.supporters.map((s) => [s.personId, s.ticketRef])).toEqual([
          [ana, 'HB-7K2M9Q0Z'],
          [ben, '#1'],
        ]);
        await store.raise(newFlag({ ticketRef: '#2' }), { actor: ben!, at: at(4) });
        const flag = await store.get(opened.flag.id);
        expect(flag?.supporters[1]?.ticketRef).toBe('#1');
        expect(flag?.updatedAt).toBe(at(1));
        expect((await store.history(opened.flag.id)).map((h) => h.action)).toEqual([
          'opened',
          'joined',
        ]);
      }));

    test('passages differ by article, locale and block; a declined or resolved flag takes no more +1s', () =>
      using(async ({ store, people }) => {
        const [ana, ben] = people.agents;
        const lead = { actor: people.lead, at: at(10) };
        const first = await store.raise(newFlag(), { actor: ana!, at: at(0) });
        for (const other of [
          newFlag({ blockKey: 'block-2' }),
          newFlag({ locale: 'nl' }),
          newFlag({ articleId: 'payment-methods' }),
        ])
          expect((await store.raise(other, { actor: ana!, at: at(1) })).outcome).toBe('opened');
        // Triaged and in-proposal are still open: they take +1s.
        await store.transition(first.flag.id, ['open'], 'triaged', lead);
        expect((await store.raise(newFlag(), { actor: ben!, at: at(11) })).outcome).toBe('joined');
        await store.transition(first.flag.id, ['triaged'], 'declined', { ...lead, reason: 'No' });
        const fresh = await store.raise(newFlag(), { actor: ben!, at: at(12) });
        expect(fresh.outcome).toBe('opened');
        expect(fresh.flag.id).not.toBe(first.flag.id);
        await store.transition(fresh.flag.id, ['open'], 'resolved', lead);
        const third = await store.raise(newFlag(), { actor: ana!, at: at(13) });
        expect(third.outcome).toBe('opened');
        expect(new Set([first.flag.id, fresh.flag.id, third.flag.id]).size).toBe(3);
      }));

    test('moves a flag only from the states given, recording reason, proposal and revision', () =>
      using(async ({ store, people }) => {
        const [ana] = people.agents;
        const lead = people.lead;
        const { flag } = await store.raise(newFlag(), { actor: ana!, at: at(0) });
        const triaged = await store.transition(flag.id, ['open'], 'triaged', {
          actor: lead,
          at: at(1),
        });
        expect(triaged).toMatchObject({
          outcome: 'saved',
          flag: { state: 'triaged', updatedAt: at(1) },
        });
        const twice = await store.transition(flag.id, ['open'], 'triaged', {
          actor: lead,
          at: at(2),
        });
        expect(twice).toMatchObject({
          outcome: 'wrong-state',
          flag: { state: 'triaged', updatedAt: at(1) },
        });
        expect(
          await store.transition('FL-00000000', ['open'], 'triaged', { actor: lead, at: at(2) }),
        ).toEqual({ outcome: 'not-found' });

        await store.transition(flag.id, ['open', 'triaged'], 'in-proposal', {
          actor: lead,
          at: at(3),
          proposalId: 'PR-7K2M9Q0Z',
        });
        // A declined proposal sends its flags back; the link and no decline reason stay.
        const back = await store.transition(flag.id, ['in-proposal'], 'triaged', {
          actor: lead,
          at: at(4),
          reason: 'PR-7K2M9Q0Z declined',
        });
        expect(back).toMatchObject({
          outcome: 'saved',
          flag: { state: 'triaged', proposalId: 'PR-7K2M9Q0Z', declineReason: null },
        });
        const declined = await store.transition(flag.id, ['triaged'], 'declined', {
          actor: lead,
          at: at(5),
          reason: 'The text is right.',
          revision: 'bbbbbbbbbbbb',
        });
        expect(declined).toMatchObject({
          outcome: 'saved',
          flag: { state: 'declined', declineReason: 'The text is right.', updatedAt: at(5) },
        });
        const history = await store.history(flag.id);
        expect(history.map((h) => [h.action, h.from, h.to, h.actor])).toEqual([
          ['opened', null, 'open', ana],
          ['triaged', 'open', 'triaged', lead],
          ['in-proposal', 'triaged', 'in-proposal', lead],
          ['triaged', 'in-proposal', 'triaged', lead],
          ['declined', 'triaged', 'declined', lead],
        ]);
        expect(history.slice(1).map((h) => [h.revision, h.detail])).toEqual([
          [null, {}],
          [null, { proposalId: 'PR-7K2M9Q0Z' }],
          [null, { comment: 'PR-7K2M9Q0Z declined' }],
          ['bbbbbbbbbbbb', { comment: 'The text is right.' }],
        ]);
      }));

    test('lists flags for leads by locale, state, article and age, oldest first, and counts them by state', () =>
      using(async ({ store, people }) => {
        const [ana] = people.agents;
        const raise = async (minute: number, overrides: Partial<NewFlag>) =>
          (await store.raise(newFlag(overrides), { actor: ana!, at: at(minute) })).flag.id;
        const late = await raise(30, { blockKey: 'late' });
        const early = await raise(10, { blockKey: 'early' });
        const dutch = await raise(20, { locale: 'nl', articleId: 'payment-methods' });
        await store.transition(early, ['open'], 'triaged', { actor: people.lead, at: at(40) });

        const ids = async (filter: Parameters<FlagStore['list']>[0]) =>
          (await store.list(filter)).map((flag) => flag.id);
        expect(await ids({})).toEqual([early, dutch, late]);
        expect(await ids({ locale: 'en' })).toEqual([early, late]);
        expect(await ids({ states: ['open'] })).toEqual([dutch, late]);
        expect(await ids({ states: [] })).toEqual([early, dutch, late]);
        expect(await ids({ articleIds: ['payment-methods'] })).toEqual([dutch]);
        expect(await ids({ articleIds: [] })).toEqual([]);
        expect(await ids({ createdBefore: at(30) })).toEqual([early, dutch]);
        expect(
          await ids({ locale: 'en', states: ['open', 'triaged'], createdBefore: at(30) }),
        ).toEqual([early]);
        expect((await store.list({ locale: 'en' }))[0]?.supporters).toHaveLength(1);

        expect(await store.countByState({})).toEqual({ open: 2, triaged: 1 });
        expect(await store.countByState({ locale: 'nl' })).toEqual({ open: 1 });
        expect(await store.countByState({ articleIds: [] })).toEqual({});
        expect(await store.countByState({ createdBefore: at(15) })).toEqual({ triaged: 1 });
      }));

    test('lists the flags a person raised or joined, newest activity first, and the flags of an article', () =>
      using(async ({ store, people }) => {
        const [ana, ben, cleo] = people.agents;
        const a = await store.raise(newFlag({ blockKey: 'a' }), { actor: ana!, at: at(0) });
        const b = await store.raise(newFlag({ blockKey: 'b' }), { actor: ben!, at: at(1) });
        const c = await store.raise(newFlag({ blockKey: 'c', locale: 'de' }), {
          actor: ben!,
          at: at(2),
        });
        await store.raise(newFlag({ blockKey: 'b' }), { actor: ana!, at: at(3) });
        await store.raise(newFlag({ articleId: 'other', blockKey: 'a' }), {
          actor: cleo!,
          at: at(4),
        });

        expect((await store.listInvolving(ana!)).map((f) => f.id)).toEqual([b.flag.id, a.flag.id]);
        expect((await store.listInvolving(ben!)).map((f) => f.id)).toEqual([b.flag.id, c.flag.id]);
        expect(await store.listInvolving(people.lead)).toEqual([]);
        expect((await store.listForArticle('payouts')).map((f) => f.id)).toEqual([
          a.flag.id,
          b.flag.id,
          c.flag.id,
        ]);
        expect((await store.listForArticle('payouts', 'de')).map((f) => f.id)).toEqual([c.flag.id]);
        expect(await store.listForArticle('payouts', 'ko')).toEqual([]);
        expect(
          (await store.listForArticle('payouts'))[1]?.supporters.map((s) => s.personId),
        ).toEqual([ben, ana]);
      }));

    test('an unknown flag is not found and has no history', () =>
      using(async ({ store }) => {
        expect(await store.get('FL-00000000')).toBeUndefined();
        expect(await store.history('FL-00000000')).toEqual([]);
        expect(await store.list({})).toEqual([]);
        expect(await store.countByState({})).toEqual({});
      }));

    test('agents raising one passage at the same moment end with one flag and all of them as supporters', () =>
      using(async ({ store, people }) => {
        const results = await Promise.all(
          people.agents.map((agent, i) =>
            store.raise(newFlag({ ticketRef: `#${i}` }), { actor: agent, at: at(0) }),
          ),
        );
        expect(results.filter((r) => r.outcome === 'opened')).toHaveLength(1);
        expect(results.filter((r) => r.outcome === 'joined')).toHaveLength(
          people.agents.length - 1,
        );
        const flags = await store.list({});
        expect(flags).toHaveLength(1);
        expect(new Set(flags[0]!.supporters.map((s) => s.personId))).toEqual(
          new Set(people.agents),
        );
        expect(await store.history(flags[0]!.id)).toHaveLength(people.agents.length);
      }));
  });
}
