import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteStores } from '../../../src/server/store/sqlite/index.ts';
import { describeVoteStore } from './vote-store.contract.ts';

describeVoteStore('SQLite', async () => {
  const stores = openSqliteStores({ dataDir: mkdtempSync(join(tmpdir(), 'hc-vote-store-')) });
  return { votes: stores.votes, close: () => stores.close() };
});
