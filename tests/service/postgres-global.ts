/**
 * Vitest global setup: one throwaway PostgreSQL server for the whole run (the store contract
 * suites each create their own database on it), unless TEST_DATABASE_URL names one already.
 * Test workers inherit TEST_DATABASE_URL from here.
 */
import { startPostgres } from './postgres-cluster.ts';

export default async function startSharedPostgres(): Promise<(() => Promise<void>) | undefined> {
  if (process.env['TEST_DATABASE_URL']) return undefined;
  const server = await startPostgres('shared');
  process.env['TEST_DATABASE_URL'] = server.url;
  return () => server.stop();
}
