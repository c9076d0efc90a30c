import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteStores } from '../../../src/server/store/sqlite/index.ts';
import { seedSqlitePeople } from './feedback-fixtures.ts';
import { describeProposalStore } from './proposal-store.contract.ts';

describeProposalStore('SQLite', async () => {
  const stores = openSqliteStores({ dataDir: mkdtempSync(join(tmpdir(), 'hc-proposal-store-')) });
  return {
    store: stores.proposals,
    people: await seedSqlitePeople(stores.people),
    close: () => stores.close(),
  };
});
