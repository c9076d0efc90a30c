import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { migrations as allMigrations } from '../../src/server/store/sqlite/migrations.ts';
import { describe, expect, test } from 'vitest';
import {
  postJson,
  readDatabase,
  removeDir,
  repoRoot,
  runUntilExit,
  startServer,
  tempDir,
  ticket,
} from './helpers.ts';

describe('starting the server', () => {
  test('a broken support configuration stops it with the file and field, exit code 1, no stack', async () => {
    const supportDir = tempDir('support');
    cpSync(join(repoRoot, 'content/support'), supportDir, { recursive: true });
    const teams = join(supportDir, 'teams.yaml');
    writeFileSync(
      teams,
      readFileSync(teams, 'utf8').replace('schedule: phone,', 'schedule: phnoe,'),
    );
    try {
      const { code, output } = await runUntilExit({ SUPPORT_DIR: supportDir });
      expect(code).toBe(1);
      expect(output).toMatch(/teams\.yaml: teams\[\d+\]\.schedule: .*phnoe/);
      expect(output).not.toMatch(/^\s+at /m);
      expect(output).not.toMatch(/Help centre running/);
    } finally {
      removeDir(supportDir);
    }
  });

  test('an invalid setting stops it with the variable named', async () => {
    const { code, output } = await runUntilExit({ PORT: 'eighty' });
    expect(code).toBe(1);
    expect(output).toMatch(/PORT="eighty": PORT must be a whole number from 0 to 65535/);
    expect(output).not.toMatch(/^\s+at /m);
  });

  test('migrations are recorded once and a restart keeps the tickets', async () => {
    const first = await startServer();
    const created = await (await postJson(first, ticket())).json();
    expect(await first.stop()).toBe(0);
    const second = await startServer({ dataDir: first.dataDir });
    try {
      expect((await fetch(`${second.url}/api/tickets/${created.reference}`)).status).toBe(200);
      const migrations = readDatabase(second.dataDir, (db) =>
        db.prepare('SELECT version FROM schema_migrations').all(),
      );
      expect(migrations).toEqual(allMigrations.map(({ version }) => ({ version })));
      const journal = readDatabase(second.dataDir, (db) => db.prepare('PRAGMA journal_mode').get());
      expect(journal).toEqual({ journal_mode: 'wal' });
    } finally {
      await second.stop();
      removeDir(second.dataDir);
    }
  });
});

describe('stopping the server', () => {
  test('SIGTERM lets running requests finish, closes the database and exits 0', async () => {
    const server = await startServer();
    const requests = Array.from({ length: 30 }, (_, i) =>
      postJson(server, ticket({ subject: `Before shutdown ${i}` })).then(
        async (response) => ({ status: response.status, body: await response.json() }),
        () => undefined,
      ),
    );
    // Signal while the rest are still in flight.
    await Promise.race(requests);
    const exitCode = await server.stop('SIGTERM');
    const answered = (await Promise.all(requests)).filter((result) => result !== undefined);
    expect(exitCode).toBe(0);
    expect(answered.length).toBeGreaterThan(0);
    expect(server.output()).toMatch(/SIGTERM: finishing running requests/);
    // A closed SQLite database checkpoints and removes its write-ahead log.
    expect(existsSync(join(server.dataDir, 'tickets.sqlite-wal'))).toBe(false);
    const stored = readDatabase(server.dataDir, (db) =>
      db
        .prepare('SELECT reference FROM tickets')
        .all()
        .map((row) => row.reference),
    );
    for (const result of answered) {
      expect(result.status).toBe(201);
      expect(stored).toContain(result.body.reference);
    }
    removeDir(server.dataDir);
  });
});
