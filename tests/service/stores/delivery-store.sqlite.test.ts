import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteStores } from '../../../src/server/store/sqlite/index.ts';
import { describeDeliveryStore } from './delivery-store.contract.ts';

describeDeliveryStore('SQLite', async () => {
  const stores = openSqliteStores({
    dataDir: mkdtempSync(join(tmpdir(), 'hc-delivery-store-')),
    deliveryTargets: ['email', 'webhook'],
  });
  return { deliveries: stores.deliveries, tickets: stores.tickets, close: () => stores.close() };
});
