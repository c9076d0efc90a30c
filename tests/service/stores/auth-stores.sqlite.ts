/** The stores behind sign-in on a fresh SQLite file per open. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteStores } from '../../../src/server/store/sqlite/index.ts';
import type { AuthStores } from './auth-stores.ts';

export async function openSqliteAuthStores(): Promise<AuthStores> {
  const stores = openSqliteStores({ dataDir: mkdtempSync(join(tmpdir(), 'hc-auth-stores-')) });
  return {
    people: stores.people,
    sessions: stores.sessions,
    signIn: stores.signIn,
    close: () => stores.close(),
  };
}
