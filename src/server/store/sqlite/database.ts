/**
 * The service's one SQLite file (node:sqlite), shared by every store on one machine: WAL, and
 * `synchronous=FULL` so a commit is on disk before anyone is told it happened. Migrations run at
 * open, each in its own transaction, and are recorded in `schema_migrations`.
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { migrations, type Migration } from './migrations.ts';

export type Row = Record<string, unknown>;

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

export function openDatabase(options: SqliteOptions): DatabaseSync {
  mkdirSync(options.dataDir, { recursive: true });
  const file = databaseFile(options);
  const db = new DatabaseSync(file);
  db.exec('PRAGMA journal_mode = WAL');
  db.exec('PRAGMA synchronous = FULL');
  db.exec('PRAGMA foreign_keys = ON');
  db.exec(`PRAGMA busy_timeout = ${Math.trunc(options.busyTimeoutMs ?? 5000)}`);
  migrate(db, file);
  return db;
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
    db.close();
    throw new Error(
      `${file}: the database schema is at version ${newest.version}, but this code knows ` +
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
    if (db.isTransaction) db.exec('ROLLBACK');
    throw error;
  }
}

/** JSON columns: arrays and objects are stored as text and checked with json_valid(). */
export const json = {
  write: (value: unknown): string => JSON.stringify(value),
  read: <T>(value: unknown, fallback: T): T =>
    typeof value === 'string' ? (JSON.parse(value) as T) : fallback,
};
