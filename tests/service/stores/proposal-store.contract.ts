/**
 * What every ProposalStore promises, whatever the database: run by proposal-store.sqlite.test.ts
 * and proposal-store.postgres.test.ts against a real SQLite file and a real PostgreSQL server.
 */
import { describe, expect, test } from 'vitest';
import { revisionOf } from '../../../src/lib/revision.ts';
import type {
  NewProposal,
  ProposalPatch,
  ProposalStore,
  ReviewFilter,
} from '../../../src/server/store/types.ts';
import type { FeedbackPeople } from './feedback-fixtures.ts';
import { at } from './flag-store.contract.ts';

export interface ProposalStoreFixture {
  store: ProposalStore;
  people: FeedbackPeople;
  close(): Promise<void>;
}

export type OpenProposalStore = () => Promise<ProposalStoreFixture>;

const BASE = '---\ntitle: Payouts\n---\n\nPayouts arrive within 1–2 business days.\n';
const TEXT = BASE.replace('1–2', '3');

export function newProposal(authorId: string, overrides: Partial<NewProposal> = {}): NewProposal {
  return {
    kind: 'edit',
    articleId: 'payouts',
    locale: 'en',
    baseRevision: revisionOf(BASE),
    baseText: BASE,
    sourceRevision: null,
    text: TEXT,
    title: 'Payouts',
    note: 'Three days since November.',
    flagIds: ['FL-7K2M9Q0Z'],
    state: 'draft',
    authorId,
    ...overrides,
  };
}

export function patch(overrides: Partial<ProposalPatch> = {}): ProposalPatch {
  return {
    text: TEXT.replace('3', 'three'),
    title: 'Payouts, in words',
    note: null,
    sourceRevision: 'cccccccccccc',
    flagIds: ['FL-7K2M9Q0Z', 'FL-AAAAAAAA'],
    ...overrides,
  };
}

export function describeProposalStore(database: string, open: OpenProposalStore): void {
  describe(`the proposal store on ${database}`, () => {
    async function using(work: (fixture: ProposalStoreFixture) => Promise<void>): Promise<void> {
      const fixture = await open();
      try {
        await work(fixture);
      } finally {
        await fixture.close();
      }
    }

    test('creates a draft at version 1 with every field as given and a "created" step', () =>
      using(async ({ store, people }) => {
        const [ana] = people.agents;
        const created = await store.create(newProposal(ana!), { actor: ana!, at: at(0) });
        const { state: _state, ...given } = newProposal(ana!);
        expect(created).toEqual({
          ...given,
          id: expect.stringMatching(/^PR-[0-9A-HJKMNP-TV-Z]{8}$/),
          state: 'draft',
          version: 1,
          createdAt: at(0),
          updatedAt: at(0),
          reviewerId: null,
          commitSha: null,
          mergeStatus: null,
          releaseId: null,
        });
        expect(await store.get(created.id)).toEqual(created);
        expect(await store.history(created.id)).toEqual([
          {
            at: at(0),
            actor: ana,
            action: 'created',
            from: null,
            to: 'draft',
            revision: revisionOf(BASE),
            detail: { kind: 'edit', textRevision: revisionOf(TEXT) },
          },
        ]);
      }));

    test('a proposal created submitted records both steps; a new article keeps its empty fields', () =>
      using(async ({ store, people }) => {
        const [ana] = people.agents;
        const created = await store.create(
          newProposal(ana!, {
            kind: 'new-article',
            locale: 'ko',
            baseRevision: null,
            baseText: null,
            note: null,
            flagIds: [],
            title: '결제 방법 ✓',
            state: 'submitted',
          }),
          { actor: ana!, at: at(0) },
        );
        expect(created).toMatchObject({
          state: 'submitted',
          version: 1,
          baseRevision: null,
          baseText: null,
          note: null,
          flagIds: [],
          title: '결제 방법 ✓',
        });
        expect((await store.history(created.id)).map((h) => [h.action, h.from, h.to])).toEqual([
          ['created', null, 'draft'],
          ['submitted', 'draft', 'submitted'],
        ]);
      }));

    test('saves an edit based on the current version and counts the version up', () =>
      using(async ({ store, people }) => {
        const [ana] = people.agents;
        const { id } = await store.create(newProposal(ana!), { actor: ana!, at: at(0) });
        const saved = await store.update(id, 1, patch(), { actor: ana!, at: at(1) });
        expect(saved).toEqual({
          outcome: 'saved',
          proposal: expect.objectContaining({
            ...patch(),
            version: 2,
            updatedAt: at(1),
            createdAt: at(0),
          }),
        });
        const again = await store.update(id, 2, patch({ note: 'Again' }), {
          actor: ana!,
          at: at(2),
        });
        expect(again).toMatchObject({ outcome: 'saved', proposal: { version: 3, note: 'Again' } });
        expect(await store.get(id)).toMatchObject({ version: 3, note: 'Again', baseText: BASE });
        const history = await store.history(id);
        expect(history.slice(1)).toEqual([
          {
            at: at(1),
            actor: ana,
            action: 'edited',
            from: null,
            to: null,
            revision: revisionOf(BASE),
            detail: { version: 2, textRevision: revisionOf(patch().text) },
          },
          expect.objectContaining({
            action: 'edited',
            detail: expect.objectContaining({ version: 3 }),
          }),
        ]);
      }));

    test('refuses an edit based on an older version and changes nothing', () =>
      using(async ({ store, people }) => {
        const [ana] = people.agents;
        const { id } = await store.create(newProposal(ana!), { actor: ana!, at: at(0) });
        await store.update(id, 1, patch(), { actor: ana!, at: at(1) });
        const stale = await store.update(id, 1, patch({ title: 'Other window' }), {
          actor: ana!,
          at: at(2),
        });
        expect(stale).toMatchObject({
          outcome: 'stale',
          proposal: { version: 2, title: 'Payouts, in words', updatedAt: at(1) },
        });
        expect(await store.update(id, 7, patch(), { actor: ana!, at: at(2) })).toMatchObject({
          outcome: 'stale',
        });
        expect(await store.get(id)).toMatchObject({ version: 2, title: 'Payouts, in words' });
        expect(await store.history(id)).toHaveLength(2);
      }));

    test('refuses an edit once it left draft or changes-requested; an unknown proposal is not found', () =>
      using(async ({ store, people }) => {
        const [ana] = people.agents;
        const lead = { actor: people.lead, at: at(2) };
        const { id } = await store.create(newProposal(ana!, { state: 'submitted' }), {
          actor: ana!,
          at: at(0),
        });
        expect(await store.update(id, 1, patch(), { actor: ana!, at: at(1) })).toMatchObject({
          outcome: 'wrong-state',
          proposal: { state: 'submitted', version: 1 },
        });
        await store.transition(id, ['submitted'], 'changes-requested', lead);
        expect(await store.update(id, 2, patch(), { actor: ana!, at: at(3) })).toMatchObject({
          outcome: 'saved',
          proposal: { version: 3 },
        });
        await store.transition(id, ['changes-requested'], 'withdrawn', { actor: ana!, at: at(4) });
        expect(await store.update(id, 4, patch(), { actor: ana!, at: at(5) })).toMatchObject({
          outcome: 'wrong-state',
          proposal: { state: 'withdrawn' },
        });
        expect(await store.update('PR-00000000', 1, patch(), { actor: ana!, at: at(5) })).toEqual({
          outcome: 'not-found',
        });
      }));

    test('moves between states only from those given, recording the lead who sent it back or declined it', () =>
      using(async ({ store, people }) => {
        const [ana] = people.agents;
        const lead = people.lead;
        const { id } = await store.create(newProposal(ana!), { actor: ana!, at: at(0) });
        const submitted = await store.transition(id, ['draft', 'changes-requested'], 'submitted', {
          actor: ana!,
          at: at(1),
        });
        expect(submitted).toMatchObject({
          outcome: 'saved',
          proposal: { state: 'submitted', version: 2, updatedAt: at(1), reviewerId: null },
        });
        expect(
          await store.transition(id, ['draft'], 'submitted', { actor: ana!, at: at(2) }),
        ).toMatchObject({ outcome: 'wrong-state', proposal: { state: 'submitted', version: 2 } });
        const sentBack = await store.transition(id, ['submitted'], 'changes-requested', {
          actor: lead,
          at: at(3),
          comment: 'Say which days.',
        });
        expect(sentBack).toMatchObject({
          proposal: { state: 'changes-requested', reviewerId: lead },
        });
        await store.transition(id, ['changes-requested'], 'submitted', { actor: ana!, at: at(4) });
        const declined = await store.transition(id, ['submitted'], 'declined', {
          actor: people.agents[1]!,
          at: at(5),
          comment: 'Not now.',
        });
        expect(declined).toMatchObject({
          proposal: { state: 'declined', version: 5, reviewerId: people.agents[1] },
        });
        expect(
          await store.transition('PR-00000000', ['draft'], 'submitted', { actor: ana!, at: at(6) }),
        ).toEqual({ outcome: 'not-found' });
        const history = await store.history(id);
        expect(history.map((h) => [h.action, h.from, h.to, h.detail])).toEqual([
          ['created', null, 'draft', { kind: 'edit', textRevision: revisionOf(TEXT) }],
          ['submitted', 'draft', 'submitted', {}],
          ['changes-requested', 'submitted', 'changes-requested', { comment: 'Say which days.' }],
          ['submitted', 'changes-requested', 'submitted', {}],
          ['declined', 'submitted', 'declined', { comment: 'Not now.' }],
        ]);
        expect(history.every((h) => h.revision === revisionOf(BASE))).toBe(true);
      }));

    test('accepts only a submitted proposal, with its commit, merge and final text', () =>
      using(async ({ store, people }) => {
        const [ana] = people.agents;
        const details = {
          commitSha: 'abc123',
          mergeStatus: 'merged',
          text: `${TEXT}\nMerged.\n`,
          revision: revisionOf(`${TEXT}\nMerged.\n`),
        };
        const draft = await store.create(newProposal(ana!), { actor: ana!, at: at(0) });
        expect(
          await store.accept(draft.id, details, { actor: people.lead, at: at(1) }),
        ).toMatchObject({ outcome: 'wrong-state', proposal: { state: 'draft' } });
        await store.transition(draft.id, ['draft'], 'submitted', { actor: ana!, at: at(2) });
        const accepted = await store.accept(draft.id, details, { actor: people.lead, at: at(3) });
        expect(accepted).toMatchObject({
          outcome: 'saved',
          proposal: {
            state: 'accepted',
            text: details.text,
            reviewerId: people.lead,
            commitSha: 'abc123',
            mergeStatus: 'merged',
            version: 3,
            updatedAt: at(3),
          },
        });
        expect(
          await store.accept(draft.id, details, { actor: people.lead, at: at(4) }),
        ).toMatchObject({ outcome: 'wrong-state', proposal: { state: 'accepted' } });
        expect(
          await store.accept('PR-00000000', details, { actor: people.lead, at: at(4) }),
        ).toEqual({ outcome: 'not-found' });
        expect((await store.history(draft.id)).at(-1)).toEqual({
          at: at(3),
          actor: people.lead,
          action: 'accepted',
          from: 'submitted',
          to: 'accepted',
          revision: details.revision,
          detail: { commit: 'abc123', merge: 'merged' },
        });
      }));

    test('marks the accepted proposals of a release published and leaves the others', () =>
      using(async ({ store, people }) => {
        const [ana] = people.agents;
        const make = async (accept: boolean) => {
          const { id } = await store.create(newProposal(ana!, { state: 'submitted' }), {
            actor: ana!,
            at: at(0),
          });
          if (accept)
            await store.accept(
              id,
              { commitSha: 'c', mergeStatus: 'clean', text: TEXT, revision: revisionOf(TEXT) },
              { actor: people.lead, at: at(1) },
            );
          return id;
        };
        const first = await make(true);
        const second = await make(true);
        const pending = await make(false);
        const change = { actor: 'release', at: at(5) };
        expect(
          await store.markPublished([first, pending, second, first, 'PR-00000000'], 'r-1', change),
        ).toBe(2);
        expect(await store.get(first)).toMatchObject({
          state: 'published',
          releaseId: 'r-1',
          updatedAt: at(5),
        });
        expect(await store.get(pending)).toMatchObject({ state: 'submitted', releaseId: null });
        expect((await store.history(second)).at(-1)).toMatchObject({
          actor: 'release',
          action: 'published',
          from: 'accepted',
          to: 'published',
          detail: { release: 'r-1' },
        });
        expect((await store.history(first)).filter((h) => h.action === 'published')).toHaveLength(
          1,
        );
        expect(await store.markPublished([first, second], 'r-2', change)).toBe(0);
        expect(await store.markPublished([], 'r-3', change)).toBe(0);
        expect((await store.get(second))?.releaseId).toBe('r-1');
      }));

    test('lists proposals for leads by filter, by last change; counts them; an author’s newest first', () =>
      using(async ({ store, people }) => {
        const [ana, ben] = people.agents;
        const make = async (author: string, minute: number, overrides: Partial<NewProposal>) =>
          (await store.create(newProposal(author, overrides), { actor: author, at: at(minute) }))
            .id;
        const a = await make(ana!, 0, { state: 'submitted' });
        const b = await make(ben!, 10, { locale: 'nl', articleId: 'payment-methods' });
        const c = await make(ana!, 20, { state: 'submitted' });
        // Changed last, though created first.
        await store.transition(a, ['submitted'], 'changes-requested', {
          actor: people.lead,
          at: at(30),
        });
        const ids = async (filter: ReviewFilter) => (await store.list(filter)).map((p) => p.id);
        expect(await ids({})).toEqual([b, c, a]);
        expect(await ids({ states: ['submitted', 'draft'] })).toEqual([b, c]);
        expect(await ids({ states: [] })).toEqual([b, c, a]);
        expect(await ids({ locale: 'en' })).toEqual([c, a]);
        expect(await ids({ articleIds: ['payment-methods', 'nothing'] })).toEqual([b]);
        expect(await ids({ articleIds: [] })).toEqual([]);
        expect(await ids({ createdBefore: at(10) })).toEqual([a]);
        expect(await store.countByState({})).toEqual({
          draft: 1,
          submitted: 1,
          'changes-requested': 1,
        });
        expect(await store.countByState({ locale: 'en', createdBefore: at(20) })).toEqual({
          'changes-requested': 1,
        });
        expect(await store.countByState({ articleIds: [] })).toEqual({});
        expect((await store.listByAuthor(ana!)).map((p) => p.id)).toEqual([a, c]);
        expect((await store.listByAuthor(ben!)).map((p) => p.id)).toEqual([b]);
        expect(await store.listByAuthor(people.lead)).toEqual([]);
        expect(await store.get('PR-00000000')).toBeUndefined();
        expect(await store.history('PR-00000000')).toEqual([]);
      }));

    test('of edits sent together on one version, exactly one is saved and the rest are stale', () =>
      using(async ({ store, people }) => {
        const [ana] = people.agents;
        const { id } = await store.create(newProposal(ana!), { actor: ana!, at: at(0) });
        const results = await Promise.all(
          Array.from({ length: 8 }, (_, i) =>
            store.update(id, 1, patch({ title: `Window ${i}` }), { actor: ana!, at: at(1) }),
          ),
        );
        expect(results.filter((r) => r.outcome === 'saved')).toHaveLength(1);
        expect(results.filter((r) => r.outcome === 'stale')).toHaveLength(7);
        expect((await store.get(id))?.version).toBe(2);
        expect(await store.history(id)).toHaveLength(2);
      }));
  });
}
