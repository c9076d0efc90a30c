import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { databaseFile } from '../../../src/server/store/sqlite/database.ts';
import { openSqliteStores } from '../../../src/server/store/sqlite/index.ts';
import type { Stores } from '../../../src/server/store/types.ts';
import { describeSaltStore } from './salt-store.contract.ts';

// Another instance is another connection to the same file, as another process would open it.
describeSaltStore('SQLite', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'hc-salt-store-'));
  const opened: Stores[] = [openSqliteStores({ dataDir })];
  return {
    salts: opened[0]!.salts,
    async anotherInstance() {
      const stores = openSqliteStores({ dataDir });
      opened.push(stores);
      return stores.salts;
    },
    async storedDays() {
      const db = new DatabaseSync(databaseFile({ dataDir }), { readOnly: true });
      try {
        return db
          .prepare('SELECT day FROM daily_salts ORDER BY day')
          .all()
          .map((row) => row.day as string);
      } finally {
        db.close();
      }
    },
    async close() {
      for (const stores of opened.splice(0)) await stores.close();
    },
  };
});
