import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteStores } from '../../../src/server/store/sqlite/index.ts';
import { describeVerificationStore } from './verification-store.contract.ts';

describeVerificationStore('SQLite', async () => {
  const stores = openSqliteStores({
    dataDir: mkdtempSync(join(tmpdir(), 'hc-verification-store-')),
  });
  return {
    verifications: stores.verifications,
    async addPerson(email) {
      const added = await stores.people.add(
        { email, role: 'lead' },
        { actor: 'admin', at: '2026-10-01T09:00:00.000Z' },
      );
      return added.person.id;
    },
    close: () => stores.close(),
  };
});
