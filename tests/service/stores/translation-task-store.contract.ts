/**
 * What every TranslationTaskStore promises, whatever the database: run by
 * translation-task-store.sqlite.test.ts and translation-task-store.postgres.test.ts.
 */
import { describe, expect, test } from 'vitest';
import type { Locale } from '../../../src/i18n/locales.ts';
import type { TranslationTask, TranslationTaskStore } from '../../../src/server/store/types.ts';

export interface OpenTranslationTaskStore {
  (): Promise<{ tasks: TranslationTaskStore; close(): Promise<void> }>;
}

type NewTask = Parameters<TranslationTaskStore['open']>[0][number];

export function newTask(locale: Locale, overrides: Partial<NewTask> = {}): NewTask {
  return {
    articleId: 'paying-for-lots',
    locale,
    sourceRevision: 'bbbbbbbbbbbb',
    previousSourceRevision: 'aaaaaaaaaaaa',
    changedBlocks: [
      { change: 'removed', kind: 'paragraph', text: '−Betaal binnen 3 dagen.' },
      { change: 'added', kind: 'paragraph', text: '+Pay within 5 days ✓' },
    ],
    proposalId: 'PR-AAAAAAAA',
    ...overrides,
  };
}

export const lead = (at: string) => ({ actor: 'person-lead', at });

export function describeTranslationTaskStore(database: string, open: OpenTranslationTaskStore) {
  describe(`the translation task store on ${database}`, () => {
    test('opens a task per locale with every field as given, open and not closed', async () => {
      const { tasks, close } = await open();
      try {
        const opened = await tasks.open(
          [newTask('nl'), newTask('ko', { previousSourceRevision: null, proposalId: null })],
          lead('2026-12-01T09:00:00.000Z'),
        );
        expect(opened).toEqual([
          {
            ...newTask('nl'),
            id: expect.stringMatching(/^TT-[0-9A-Z]{8}$/),
            state: 'open',
            createdAt: '2026-12-01T09:00:00.000Z',
            closedAt: null,
            closedBy: null,
          },
          {
            ...newTask('ko', { previousSourceRevision: null, proposalId: null }),
            id: expect.stringMatching(/^TT-[0-9A-Z]{8}$/),
            state: 'open',
            createdAt: '2026-12-01T09:00:00.000Z',
            closedAt: null,
            closedBy: null,
          },
        ]);
        expect(opened[0]!.id).not.toBe(opened[1]!.id);
        expect(await tasks.listOpen()).toEqual(opened);
        expect(await tasks.open([], lead('2026-12-01T10:00:00.000Z'))).toEqual([]);
      } finally {
        await close();
      }
    });

    test('lists open tasks oldest first, those opened together in the order given, by locale when asked', async () => {
      const { tasks, close } = await open();
      try {
        await tasks.open([newTask('nl', { articleId: 'later' })], lead('2026-12-02T09:00:00.000Z'));
        await tasks.open(
          ['ru', 'de', 'nl'].map((locale) => newTask(locale as Locale)),
          lead('2026-12-01T09:00:00.000Z'),
        );
        const all = await tasks.listOpen();
        expect(all.map((t) => [t.articleId, t.locale])).toEqual([
          ['paying-for-lots', 'ru'],
          ['paying-for-lots', 'de'],
          ['paying-for-lots', 'nl'],
          ['later', 'nl'],
        ]);
        expect((await tasks.listOpen('nl')).map((t) => t.articleId)).toEqual([
          'paying-for-lots',
          'later',
        ]);
        expect(await tasks.listOpen('fr')).toEqual([]);
      } finally {
        await close();
      }
    });

    test('a newer English change supersedes the open task of the same article and locale only', async () => {
      const { tasks, close } = await open();
      try {
        const [first] = await tasks.open([newTask('nl')], lead('2026-12-01T09:00:00.000Z'));
        await tasks.open([newTask('de')], lead('2026-12-01T09:30:00.000Z'));
        const [second] = await tasks.open(
          [
            newTask('nl', {
              sourceRevision: 'cccccccccccc',
              previousSourceRevision: 'bbbbbbbbbbbb',
            }),
          ],
          lead('2026-12-01T10:00:00.000Z'),
        );
        const open = await tasks.listOpen();
        expect(open.map((t) => [t.locale, t.sourceRevision])).toEqual([
          ['de', 'bbbbbbbbbbbb'],
          ['nl', 'cccccccccccc'],
        ]);
        expect(open.map((t) => t.id)).not.toContain(first!.id);
        expect(second!.id).not.toBe(first!.id);
      } finally {
        await close();
      }
    });

    test('completing closes the open task of the article in that locale and counts it', async () => {
      const { tasks, close } = await open();
      try {
        await tasks.open([newTask('nl'), newTask('de')], lead('2026-12-01T09:00:00.000Z'));
        await tasks.open([newTask('nl', { articleId: 'other' })], lead('2026-12-01T09:00:00.000Z'));
        expect(
          await tasks.complete('paying-for-lots', 'nl', lead('2026-12-01T11:00:00.000Z')),
        ).toBe(1);
        expect(
          await tasks.complete('paying-for-lots', 'nl', lead('2026-12-01T12:00:00.000Z')),
        ).toBe(0);
        expect(
          await tasks.complete('no-such-article', 'nl', lead('2026-12-01T12:00:00.000Z')),
        ).toBe(0);
        expect((await tasks.listOpen()).map((t) => [t.articleId, t.locale])).toEqual([
          ['paying-for-lots', 'de'],
          ['other', 'nl'],
        ]);
        // A task opened after completion is open again.
        await tasks.open([newTask('nl')], lead('2026-12-01T13:00:00.000Z'));
        expect(await tasks.listOpen('nl')).toHaveLength(2);
      } finally {
        await close();
      }
    });

    test('eight changes to one article accepted at once leave exactly one open task per locale', async () => {
      const { tasks, close } = await open();
      try {
        const opened = await Promise.all(
          Array.from({ length: 8 }, (_, i) =>
            tasks.open(
              [newTask('nl', { sourceRevision: `rev-${i}` }), newTask('de')],
              lead(`2026-12-01T09:00:0${i}.000Z`),
            ),
          ),
        );
        const open = await tasks.listOpen();
        expect(open.map((t) => t.locale).sort()).toEqual(['de', 'nl']);
        const ids = opened.flat().map((t: TranslationTask) => t.id);
        expect(new Set(ids).size).toBe(16);
      } finally {
        await close();
      }
    });
  });
}
