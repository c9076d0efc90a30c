/**
 * The service's PostgreSQL database, for several instances behind a load balancer: a pool per
 * instance, migrations applied at start under an advisory lock (instances starting together
 * wait for each other and apply each step once), and transactions that are committed, with
 * PostgreSQL's default synchronous_commit, before anyone is told.
 */
import pg from 'pg';
import { postgresMigrations, type PostgresMigration } from './migrations.ts';
import type { Row } from '../rows/columns.ts';

export type { Row };

/** One number for "this service's migrations", so other users of the database are not blocked. */
const MIGRATION_LOCK = 7_204_113_906;

export interface PostgresOptions {
  /** postgres://user:password@host:5432/database */
  url: string;
  /** Connections per instance. Default 10. */
  maxConnections?: number;
}

export async function openPostgres(options: PostgresOptions): Promise<pg.Pool> {
  const pool = new pg.Pool({
    connectionString: options.url,
    max: options.maxConnections ?? 10,
    // bigint columns (paused_ms, ids) hold values far below 2^53: read them as numbers.
    types: {
      getTypeParser: (oid: number, format?: 'text' | 'binary') =>
        oid === 20 ? (value: string) => Number(value) : pg.types.getTypeParser(oid, format),
    },
    // A query waits at most this long for a connection, then fails as "unavailable" (503).
    connectionTimeoutMillis: 5_000,
  });
  // An idle connection the server closed (restart, failover) is dropped by the pool and the next
  // query opens a new one; without a listener the 'error' event would stop the process.
  pool.on('error', () => {});
  try {
    await migrate(pool, postgresMigrations);
  } catch (error) {
    await pool.end();
    throw error;
  }
  return pool;
}

export async function migrate(
  pool: pg.Pool,
  migrations: readonly PostgresMigration[],
): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version integer PRIMARY KEY, name text NOT NULL, applied_at text NOT NULL)`);
    const applied = new Set(
      (await client.query<{ version: number }>('SELECT version FROM schema_migrations')).rows.map(
        (row) => row.version,
      ),
    );
    const known = migrations.at(-1)?.version ?? 0;
    const newest = Math.max(0, ...applied);
    if (newest > known) {
      throw new Error(
        `the database schema is at version ${newest}, but this code knows migrations up to ` +
          `${known}. Run the newer version of the service, or point DATABASE_URL at another database.`,
      );
    }
    for (const migration of migrations) {
      if (applied.has(migration.version)) continue;
      await client.query('BEGIN');
      try {
        await client.query(migration.sql);
        await client.query(
          'INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)',
          [migration.version, migration.name, new Date().toISOString()],
        );
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      }
    }
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => {});
    client.release();
  }
}

/** Runs work in one transaction on one connection; rolls back on any error. */
export async function inTransaction<T>(
  pool: pg.Pool,
  work: (client: pg.PoolClient) => Promise<T>,
): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

/** PostgreSQL's code for a unique constraint that refused a row. */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  const e = error as { code?: string; constraint?: string } | undefined;
  return e?.code === '23505' && (constraint === undefined || e.constraint === constraint);
}
