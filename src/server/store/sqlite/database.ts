/**
 * The service's one SQLite file (node:sqlite), shared by every store on one machine: WAL, and
 * `synchronous=FULL` so a commit is on disk before anyone is told it happened. Migrations run at
 * open, each in its own transaction, and are recorded in `schema_migrations`.
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { DatabaseOpenError } from '../faults.ts';
import { openingAdvice } from './faults.ts';
import { migrations, type Migration } from './migrations.ts';
import type { Row } from '../rows/columns.ts';

export type { Row };

export interface SqliteOptions {
  /** Folder of the database file; created when missing. */
  dataDir: string;
  /** Default `tickets.sqlite` (the name predates the other stores; kept so data stays put). */
  fileName?: string;
  /** How long a writer waits for another process's lock before failing. Default 5000 ms. */
  busyTimeoutMs?: number;
}

export function databaseFile(options: SqliteOptions): string {
  return resolve(join(options.dataDir, options.fileName ?? 'tickets.sqlite'));
}

/**
 * Opens the file and brings its schema up to date. Throws DatabaseOpenError, naming the file and
 * what to do, when it cannot be opened (garbage, a folder, no permission, a full or read-only
 * disk). A read-only file whose schema is current opens: reads work and GET /api/health says so.
 */
export function openDatabase(options: SqliteOptions): DatabaseSync {
  const file = databaseFile(options);
  let db: DatabaseSync | undefined;
  try {
    mkdirSync(options.dataDir, { recursive: true });
    db = new DatabaseSync(file);
    db.exec('PRAGMA journal_mode = WAL');
    db.exec('PRAGMA synchronous = FULL');
    db.exec('PRAGMA foreign_keys = ON');
    db.exec(`PRAGMA busy_timeout = ${Math.trunc(options.busyTimeoutMs ?? 5000)}`);
    migrate(db, file);
    return db;
  } catch (error) {
    if (db?.isOpen) db.close();
    if (error instanceof DatabaseOpenError) throw error;
    const advice = openingAdvice(error, file);
    throw advice ? new DatabaseOpenError(file, advice, error) : error;
  }
}

function migrate(db: DatabaseSync, file: string): void {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL) STRICT`);
  const known = migrations.at(-1)?.version ?? 0;
  for (const migration of migrations) {
    // Only outside a transaction can foreign keys be turned off.
    if (migration.rebuildsTables) db.exec('PRAGMA foreign_keys = OFF');
    try {
      applyOnce(db, migration);
    } finally {
      if (migration.rebuildsTables) db.exec('PRAGMA foreign_keys = ON');
    }
  }
  const newest = db.prepare('SELECT max(version) AS version FROM schema_migrations').get() as Row;
  if (typeof newest.version === 'number' && newest.version > known) {
    throw new DatabaseOpenError(
      file,
      `the database schema is at version ${newest.version}, but this code knows ` +
        `migrations up to ${known}. Run the newer version of the service, or point DATA_DIR at ` +
        'another folder.',
    );
  }
}

function applyOnce(db: DatabaseSync, migration: Migration): void {
  inTransaction(db, () => {
    // Checked inside the write lock: two processes starting together apply each step once.
    const applied = db
      .prepare('SELECT 1 FROM schema_migrations WHERE version = ?')
      .get(migration.version);
    if (applied) return;
    db.exec(migration.sql);
    if (migration.rebuildsTables) {
      const broken = db.prepare('PRAGMA foreign_key_check').all();
      if (broken.length > 0)
        throw new Error(
          `migration ${migration.version} (${migration.name}) would leave ${broken.length} rows ` +
            `pointing at nothing (${JSON.stringify(broken.slice(0, 3))}); nothing was changed.`,
        );
    }
    db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(
      migration.version,
      migration.name,
      new Date().toISOString(),
    );
  });
}

/** Runs work in one write transaction; IMMEDIATE takes the lock up front, so reads inside see
 * what the writes will be based on. Rolls back on any error. */
export function inTransaction<T>(db: DatabaseSync, work: () => T): T {
  db.exec('BEGIN IMMEDIATE');
  try {
    const result = work();
    db.exec('COMMIT');
    return result;
  } catch (error) {
    rollBack(db);
    throw error;
  }
}

/**
 * Ends a failed transaction so the shared connection takes the next one. SQLite rolls some back
 * by itself (SQLITE_FULL, SQLITE_IOERR); a refused COMMIT (SQLITE_BUSY, a deferred foreign key)
 * leaves it open. A ROLLBACK that fails too must not hide the error the caller is about to see.
 */
function rollBack(db: DatabaseSync): void {
  if (!db.isTransaction) return;
  try {
    db.exec('ROLLBACK');
  } catch {
    // The caller rethrows the first error; the connection stays usable once the disk answers.
  }
}

/**
 * JSON columns: arrays and objects are stored as text and checked with json_valid(); they are
 * read back with jsonColumn (../rows/columns.ts), as PostgreSQL's are.
 */
export const json = {
  write: (value: unknown): string => JSON.stringify(value),
};
