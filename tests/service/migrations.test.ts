/**
 * Upgrading a database the service already wrote: each migration on top of real rows, as a
 * running help centre meets it, not only on an empty file.
 */
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { describe, expect, test } from 'vitest';
import { migrations } from '../../src/server/store/sqlite/migrations.ts';
import { openSqliteStores } from '../../src/server/store/sqlite/index.ts';
import { tempDir } from './helpers.ts';

/** A database file as the service left it at `version`, with a lead and their session. */
function databaseAt(version: number): string {
  const dir = tempDir('upgrade');
  const db = new DatabaseSync(join(dir, 'tickets.sqlite'));
  db.exec('PRAGMA foreign_keys = ON');
  db.exec(
    'CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL) STRICT',
  );
  for (const migration of migrations.filter((m) => m.version <= version)) {
    db.exec('BEGIN');
    db.exec(migration.sql);
    db.prepare('INSERT INTO schema_migrations VALUES (?, ?, ?)').run(
      migration.version,
      migration.name,
      '2026-11-01T00:00:00.000Z',
    );
    db.exec('COMMIT');
  }
  db.prepare(
    `INSERT INTO people (id, email, name, role, created_at, updated_at)
     VALUES ('p1', 'lena@hammerbid.test', 'Lena', 'lead', '2026-11-01', '2026-11-01')`,
  ).run();
  db.prepare(
    `INSERT INTO sessions (id_hash, person_id, method, created_at, last_seen_at, expires_at)
     VALUES ('hash', 'p1', 'email-link', '2026-11-01', '2026-11-01', '2026-11-02')`,
  ).run();
  db.close();
  return dir;
}

describe('migration 5: the manager role', () => {
  test('keeps every person and session, allows "manager", and still enforces the links', async () => {
    const dir = databaseAt(4);
    const stores = openSqliteStores({ dataDir: dir });
    expect((await stores.people.list()).map((p) => [p.email, p.role])).toEqual([
      ['lena@hammerbid.test', 'lead'],
    ]);
    await stores.close();

    const db = new DatabaseSync(join(dir, 'tickets.sqlite'));
    db.exec('PRAGMA foreign_keys = ON');
    expect(db.prepare('SELECT count(*) AS n FROM sessions').get()).toEqual({ n: 1 });
    expect(db.prepare('PRAGMA foreign_key_check').all()).toEqual([]);
    db.prepare(`UPDATE people SET role = 'manager'`).run();
    expect(() =>
      db
        .prepare(
          `INSERT INTO sessions (id_hash, person_id, method, created_at, last_seen_at, expires_at)
           VALUES ('other', 'nobody', 'email-link', 'x', 'x', 'x')`,
        )
        .run(),
    ).toThrow(/FOREIGN KEY/);
    expect(() => db.prepare(`UPDATE people SET role = 'owner'`).run()).toThrow(/CHECK/);
    db.close();
  });
});
