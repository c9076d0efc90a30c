import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteStores } from '../../../src/server/store/sqlite/index.ts';
import { describeTranslationTaskStore } from './translation-task-store.contract.ts';

describeTranslationTaskStore('SQLite', async () => {
  const stores = openSqliteStores({ dataDir: mkdtempSync(join(tmpdir(), 'hc-task-store-')) });
  return { tasks: stores.translationTasks, close: () => stores.close() };
});
