/**
 * The readers' stores (events and reports) on a fresh database of either dialect, with a way to
 * read and write their tables in plain SQL: shared by the reader-event and report store suites.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openPostgres } from '../../../src/server/store/postgres/database.ts';
import { PostgresReaderEventStore } from '../../../src/server/store/postgres/reader-events.ts';
import { PostgresReportStore } from '../../../src/server/store/postgres/reports.ts';
import { openDatabase } from '../../../src/server/store/sqlite/database.ts';
import { sqliteStoresOn } from '../../../src/server/store/sqlite/index.ts';
import type { ReaderData, Rows } from './reader-event-store.contract.ts';

/** The stores on a new SQLite file, with the connection kept to read the tables. */
export async function openSqliteReaderData(): Promise<ReaderData> {
  const db = openDatabase({ dataDir: mkdtempSync(join(tmpdir(), 'hc-reader-events-')) });
  const stores = sqliteStoresOn(db);
  return {
    events: stores.readerEvents,
    reports: stores.reports,
    sql: async (text) => db.prepare(text).all() as Rows,
    close: () => stores.close(),
  };
}

/** The stores on their own pool (one instance of the service) on the database at `url`. */
export async function openPostgresReaderData(url: string): Promise<ReaderData> {
  const pool = await openPostgres({ url });
  return {
    events: new PostgresReaderEventStore(pool),
    reports: new PostgresReportStore(pool),
    sql: async (text) => (await pool.query(text)).rows as Rows,
    close: () => pool.end(),
  };
}
