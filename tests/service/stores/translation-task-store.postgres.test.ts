import { describe, expect, test } from 'vitest';
import { PostgresTranslationTaskStore } from '../../../src/server/store/postgres/tasks.ts';
import { useStoreDatabase } from './postgres-database.ts';
import { describeTranslationTaskStore, lead, newTask } from './translation-task-store.contract.ts';

const database = useStoreDatabase('translation_tasks');

describeTranslationTaskStore('PostgreSQL', async () => ({
  tasks: new PostgresTranslationTaskStore(await database.freshPool()),
  close: database.endPools,
}));

describe('translation tasks with several instances on one PostgreSQL database', () => {
  test('changes to one article accepted on two instances at once leave one open task per locale', async () => {
    const a = new PostgresTranslationTaskStore(await database.freshPool());
    const b = new PostgresTranslationTaskStore(await database.anotherPool());
    await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        (i % 2 ? a : b).open(
          // Opposite locale orders on the two instances: they must not wait on each other forever.
          i % 2 ? [newTask('nl'), newTask('de')] : [newTask('de'), newTask('nl')],
          lead(`2026-12-01T09:00:${String(i).padStart(2, '0')}.000Z`),
        ),
      ),
    );
    const { rows } = await database.query(
      `SELECT locale, state, count(*)::int AS n FROM translation_tasks
       GROUP BY locale, state ORDER BY locale, state`,
    );
    expect(rows).toEqual([
      { locale: 'de', state: 'open', n: 1 },
      { locale: 'de', state: 'superseded', n: 11 },
      { locale: 'nl', state: 'open', n: 1 },
      { locale: 'nl', state: 'superseded', n: 11 },
    ]);
    const superseded = await database.query(
      `SELECT count(*)::int AS n FROM translation_tasks
       WHERE state = 'superseded' AND closed_at IS NOT NULL AND closed_by = 'person-lead'`,
    );
    expect(superseded.rows[0].n).toBe(22);
    await database.endPools();
  });

  test('the schema itself refuses a second open task for an article and locale', async () => {
    const tasks = new PostgresTranslationTaskStore(await database.freshPool());
    await tasks.open([newTask('nl')], lead('2026-12-01T09:00:00.000Z'));
    await expect(
      database.query(
        `INSERT INTO translation_tasks (id, article_id, locale, source_revision, state, created_at)
         VALUES ('TT-SECOND00', 'paying-for-lots', 'nl', 'cccccccccccc', 'open', 'x')`,
      ),
    ).rejects.toMatchObject({ code: '23505', constraint: 'translation_tasks_one_open' });
    await database.endPools();
  });
});
