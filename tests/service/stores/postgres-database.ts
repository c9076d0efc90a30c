/**
 * PostgreSQL for the store tests, in one place: a throwaway database per test file
 * (`usePostgresServer`), emptied before a store opens on it (the stores migrate on open, so
 * dropping the tables is enough), two instances of the service on one database
 * (`onTwoInstances`), and pools as the service's instances open them (`useStoreDatabase`).
 */
import { afterAll, afterEach, beforeAll } from 'vitest';
import pg from 'pg';
import { openPostgres } from '../../../src/server/store/postgres/database.ts';
import { startPostgres, type RunningPostgres } from '../postgres-cluster.ts';

export interface PostgresServer {
  /** postgres://… of this file's database; read it inside tests and hooks, once it has started. */
  readonly url: string;
}

/** Starts a server (or uses TEST_DATABASE_URL) with a database `name` before the file's tests. */
export function usePostgresServer(name: string): PostgresServer {
  let server: RunningPostgres | undefined;
  beforeAll(async () => {
    server = await startPostgres(name);
  });
  afterAll(async () => {
    await server?.stop();
  });
  return {
    get url() {
      if (!server) throw new Error('the PostgreSQL server has not started');
      return server.url;
    },
  };
}

/** A plain connection for `work`, ended after it whatever happens. */
export async function withClient<T>(
  url: string,
  work: (client: pg.Client) => Promise<T>,
): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Drops every table, so the next store or pool opened migrates an empty database. */
export async function emptyDatabase(url: string): Promise<void> {
  await withClient(url, (client) =>
    client.query('DROP SCHEMA public CASCADE; CREATE SCHEMA public'),
  );
}

/** One instance of the service (a pool, migrated on open) on an emptied database. */
export async function freshPool(url: string): Promise<pg.Pool> {
  await emptyDatabase(url);
  return openPostgres({ url });
}

/** How a test opens one instance of the service on a database, and closes it. */
export interface Instances<T> {
  open(url: string): Promise<T>;
  close(instance: T): Promise<void>;
}

/** Instances that are a pool each. */
export const pools: Instances<pg.Pool> = {
  open: (url) => openPostgres({ url }),
  close: (pool) => pool.end(),
};

/** Instances that close themselves. */
export function closing<T extends { close(): Promise<void> }>(
  open: (url: string) => Promise<T>,
): Instances<T> {
  return { open, close: (instance) => instance.close() };
}

/** Two instances on one emptied database, both closed after `work` whatever happens. */
export async function onTwoInstances<T>(
  url: string,
  instances: Instances<T>,
  work: (a: T, b: T) => Promise<void>,
): Promise<void> {
  await emptyDatabase(url);
  const opened: T[] = [];
  try {
    opened.push(await instances.open(url));
    opened.push(await instances.open(url));
    await work(opened[0]!, opened[1]!);
  } finally {
    await Promise.all(opened.map((instance) => instances.close(instance)));
  }
}

export interface StoreDatabase {
  /** A pool on an emptied database (the pool migrates it again on open). */
  freshPool(): Promise<pg.Pool>;
  /** One more instance on the same data. */
  anotherPool(): Promise<pg.Pool>;
  /** Runs one statement outside every pool (a look at the tables as they are). */
  query(sql: string, values?: unknown[]): Promise<pg.QueryResult>;
  /** A plain connection, for holding locks or a transaction open in a test. */
  connect(): Promise<pg.Client>;
  /** Ends every pool opened so far; runs after each test too, so a failed test leaves none open. */
  endPools(): Promise<void>;
}

/** The file's database with pools as the service's instances open them. */
export function useStoreDatabase(name: string): StoreDatabase {
  const server = usePostgresServer(name);
  const opened: pg.Pool[] = [];
  const endPools = async () => {
    await Promise.all(opened.splice(0).map((pool) => pool.end()));
  };
  afterEach(endPools);
  const anotherPool = async () => {
    const pool = await openPostgres({ url: server.url });
    opened.push(pool);
    return pool;
  };
  return {
    async freshPool() {
      await emptyDatabase(server.url);
      return anotherPool();
    },
    anotherPool,
    query: (sql, values) => withClient(server.url, (client) => client.query(sql, values)),
    async connect() {
      const client = new pg.Client({ connectionString: server.url });
      await client.connect();
      return client;
    },
    endPools,
  };
}
