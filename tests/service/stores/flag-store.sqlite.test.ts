import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteStores } from '../../../src/server/store/sqlite/index.ts';
import { seedSqlitePeople } from './feedback-fixtures.ts';
import { describeFlagStore } from './flag-store.contract.ts';

describeFlagStore('SQLite', async () => {
  const stores = openSqliteStores({ dataDir: mkdtempSync(join(tmpdir(), 'hc-flag-store-')) });
  return {
    store: stores.flags,
    people: await seedSqlitePeople(stores.people),
    close: () => stores.close(),
  };
});
