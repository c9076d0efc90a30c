/**
 * The stores behind sign-in on PostgreSQL, on a pool of their own: one instance of the service,
 * or two for tests that play several instances.
 */
import { openPostgres } from '../../../src/server/store/postgres/database.ts';
import { PostgresPersonStore } from '../../../src/server/store/postgres/people.ts';
import {
  PostgresSessionStore,
  PostgresSignInStore,
} from '../../../src/server/store/postgres/sessions.ts';
import type { AuthStores } from './auth-stores.ts';
import { closing, onTwoInstances } from './postgres-database.ts';

/** One instance of the service: its own pool on the shared database. */
export async function openPostgresAuthStores(url: string): Promise<AuthStores> {
  const pool = await openPostgres({ url });
  return {
    people: new PostgresPersonStore(pool),
    sessions: new PostgresSessionStore(pool),
    signIn: new PostgresSignInStore(pool),
    close: () => pool.end(),
  };
}

/** Two instances on one emptied database, closed after `work` whatever happens. */
export async function withTwoInstances(
  url: string,
  work: (a: AuthStores, b: AuthStores) => Promise<void>,
): Promise<void> {
  await onTwoInstances(url, closing(openPostgresAuthStores), work);
}
