// The database file in a bad state, against the real server: read-only files left behind by a
// crash, garbage where the database should be, a folder in its place, a file the server's user
// cannot read. Read-only for real needs a server that is not root (root writes whatever the
// mode): as root the server runs as nobody through setpriv, otherwise plain modes do it.
import { chmodSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { problemTypes } from '../../src/server/problem.ts';
import { postJson, runUntilExit, startServer, tempDir, ticket } from './helpers.ts';

const asRoot = process.getuid?.() === 0;
const asNobody = ['setpriv', '--reuid=nobody', '--regid=nogroup', '--clear-groups'];

/** A folder another user can read (temp folders are the creator's alone). */
function sharedDir(prefix: string): string {
  const dir = tempDir(prefix);
  chmodSync(dir, 0o755);
  return dir;
}

const noStack = /^\s+at /m;

describe('a database the server may read but not write', () => {
  test('starts with a warning; health and tickets answer 503 "read-only" with Retry-After, reads still work', async () => {
    const dataDir = sharedDir('readonly-data');
    const first = await startServer({ dataDir });
    const created = await (await postJson(first, ticket())).json();
    // A crash leaves the write-ahead log and its index behind, owned by the user that ran it.
    await first.stop('SIGKILL');
    for (const name of readdirSync(dataDir)) chmodSync(join(dataDir, name), 0o644);
    if (!asRoot) {
      for (const name of readdirSync(dataDir)) chmodSync(join(dataDir, name), 0o444);
      chmodSync(dataDir, 0o555);
    }

    const server = await startServer({
      dataDir,
      distDir: sharedDir('readonly-dist'),
      ...(asRoot ? { runUnder: asNobody } : {}),
    });
    try {
      const health = await fetch(`${server.url}/api/health`);
      expect(health.status).toBe(503);
      expect(health.headers.get('content-type')).toBe('application/problem+json');
      expect(health.headers.get('retry-after')).toBe('30');
      const body = await health.json();
      expect(body).toMatchObject({ type: problemTypes.databaseUnavailable, database: 'read-only' });
      expect(JSON.stringify(body)).not.toContain(dataDir);

      const refused = await postJson(server, ticket({ subject: 'While read-only' }));
      expect(refused.status).toBe(503);
      expect(refused.headers.get('retry-after')).toBe('30');
      expect((await refused.json()).type).toBe(problemTypes.databaseUnavailable);

      expect((await fetch(`${server.url}/api/tickets/${created.reference}`)).status).toBe(200);
      expect(server.output()).toContain(
        `warning: ${join(dataDir, 'tickets.sqlite')} does not take writes: the database is ` +
          'read-only; check the owner and permissions',
      );
      expect(server.output()).not.toMatch(noStack);
    } finally {
      await server.stop();
      chmodSync(dataDir, 0o755);
    }
  });
});

describe('starting on a database file that cannot be opened', () => {
  test('garbage bytes stop it with the path and "restore it from backup or move it aside", exit 1, no stack', async () => {
    const dataDir = tempDir('garbage-data');
    writeFileSync(join(dataDir, 'tickets.sqlite'), Buffer.alloc(8192, 0x5a));
    const { code, output } = await runUntilExit({ DATA_DIR: dataDir });
    expect(code).toBe(1);
    expect(output).toContain(
      `${join(dataDir, 'tickets.sqlite')}: the file is not a SQLite database`,
    );
    expect(output).toMatch(/restore it from backup or move it aside/);
    expect(output).not.toMatch(noStack);
    expect(output).not.toMatch(/Help centre running/);
  });

  test('a folder in its place stops it with the path and what to do, exit 1, no stack', async () => {
    const dataDir = tempDir('folder-data');
    mkdirSync(join(dataDir, 'tickets.sqlite'));
    const { code, output } = await runUntilExit({ DATA_DIR: dataDir });
    expect(code).toBe(1);
    expect(output).toContain(
      `${join(dataDir, 'tickets.sqlite')}: this is a folder, not a database file; move it aside`,
    );
    expect(output).not.toMatch(noStack);
  });

  test('a file its user cannot read stops it with "check the owner and permissions", exit 1, no stack', async () => {
    const dataDir = sharedDir('unreadable-data');
    writeFileSync(join(dataDir, 'tickets.sqlite'), '');
    chmodSync(join(dataDir, 'tickets.sqlite'), 0o000);
    const { code, output } = await runUntilExit(
      { DATA_DIR: dataDir, DIST_DIR: sharedDir('unreadable-dist') },
      asRoot ? { runUnder: asNobody } : {},
    );
    expect(code).toBe(1);
    expect(output).toContain(
      `${join(dataDir, 'tickets.sqlite')}: cannot open it; check the owner and permissions`,
    );
    expect(output).toMatch(/-wal and -shm files/);
    expect(output).not.toMatch(noStack);
  });
});
