/**
 * Every store of the service on one SQLite file (node:sqlite), for a single machine. The stores
 * share one connection; each write is its own durable transaction.
 */
import type { Stores } from '../types.ts';
import type { DatabaseSync } from 'node:sqlite';
import { openDatabase, type SqliteOptions } from './database.ts';
import { SqliteFlagStore } from './flags.ts';
import { SqlitePersonStore } from './people.ts';
import { SqliteProposalStore } from './proposals.ts';
import { SqliteSessionStore, SqliteSignInStore } from './sessions.ts';
import { SqliteTranslationTaskStore, SqliteVerificationStore } from './tasks.ts';
import { SqliteTicketStore, type SqliteStoreOptions } from './tickets.ts';
import { SqliteDeliveryStore } from './deliveries.ts';
import { SqliteVoteStore } from './votes.ts';
import { SqliteSaltStore } from './salts.ts';
import { SqliteReaderEventStore } from './reader-events.ts';
import { SqliteReportStore } from './reports.ts';
import { generateReference } from '../../tickets/reference.ts';

export { openSqliteTicketStore } from './tickets.ts';

export function openSqliteStores(options: SqliteStoreOptions): Stores {
  return sqliteStoresOn(openDatabase(options), options);
}

/**
 * The stores on a database already opened with openDatabase; tests keep the connection to
 * provoke real faults on it (`PRAGMA max_page_count` fills the disk the way a full one does).
 */
export function sqliteStoresOn(
  db: DatabaseSync,
  options: Omit<SqliteStoreOptions, keyof SqliteOptions> = {},
): Stores {
  const closeDatabase = () => {
    if (db.isOpen) db.close();
  };
  const tickets = new SqliteTicketStore(
    db,
    options.newReference ?? (() => generateReference()),
    closeDatabase,
    options.deliveryTargets,
  );
  return {
    tickets,
    people: new SqlitePersonStore(db),
    sessions: new SqliteSessionStore(db),
    signIn: new SqliteSignInStore(db),
    flags: new SqliteFlagStore(db),
    proposals: new SqliteProposalStore(db),
    translationTasks: new SqliteTranslationTaskStore(db),
    verifications: new SqliteVerificationStore(db),
    deliveries: new SqliteDeliveryStore(db),
    votes: new SqliteVoteStore(db),
    salts: new SqliteSaltStore(db),
    readerEvents: new SqliteReaderEventStore(db),
    reports: new SqliteReportStore(db),
    // The ticket store flushes its group-commit queue first, then closes the shared file.
    close: () => tickets.close(),
  };
}
