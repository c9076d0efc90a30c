import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteTicketStore } from '../../../src/server/store/sqlite/index.ts';
import { describeTicketStore } from './ticket-store.contract.ts';

describeTicketStore('SQLite', async (options = {}) =>
  openSqliteTicketStore({ dataDir: mkdtempSync(join(tmpdir(), 'hc-ticket-store-')), ...options }),
);
