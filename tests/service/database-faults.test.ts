// Database faults provoked for real on the service's own SQLite connection (in-process app): a
// full disk through `PRAGMA max_page_count` (SQLite then fails writes with SQLITE_FULL exactly as
// on a full disk), a write lock held by another connection past the busy timeout. The service
// answers 503 with Retry-After, the health check names the fault, and the first request after the
// fault goes succeeds without a restart.
import { DatabaseSync } from 'node:sqlite';
import { afterAll, describe, expect, test } from 'vitest';
import { createApp } from '../../src/server/app.ts';
import type { Logger } from '../../src/server/log.ts';
import { problemTypes } from '../../src/server/problem.ts';
import {
  databaseFile,
  inTransaction,
  openDatabase,
} from '../../src/server/store/sqlite/database.ts';
import { sqliteStoresOn } from '../../src/server/store/sqlite/index.ts';
import { loadSupportConfig } from '../../src/server/support/load.ts';
import { tempDir, ticket } from './helpers.ts';

const dataDir = tempDir('faults');
const db = openDatabase({ dataDir, busyTimeoutMs: 100 });
const stores = sqliteStoresOn(db);
const logged: string[] = [];
const log: Logger = {
  info: (message) => logged.push(message),
  warn: (message) => logged.push(message),
  error: (message, error) =>
    logged.push(error instanceof Error ? `${message}: ${error.stack}` : message),
};
const app = createApp({
  stores,
  support: loadSupportConfig(),
  rateLimit: { max: 100_000, windowSeconds: 600 },
  log,
});
afterAll(() => stores.close());

const unlimitedPages = (db.prepare('PRAGMA max_page_count').get() as { max_page_count: number })
  .max_page_count;

/** No page beyond those the file has: the next write that needs one fails with SQLITE_FULL. */
function fillTheDisk(): void {
  const { page_count } = db.prepare('PRAGMA page_count').get() as { page_count: number };
  db.exec(`PRAGMA max_page_count = ${page_count}`);
}

function freeSomeSpace(): void {
  db.exec(`PRAGMA max_page_count = ${unlimitedPages}`);
}

async function postTicket(subject: string): Promise<Response> {
  return app.request('http://help.test/api/tickets', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(ticket({ subject })),
  });
}

const health = async () => app.request('http://help.test/api/health');

function storedSubjects(): string[] {
  return (db.prepare('SELECT subject FROM tickets').all() as Array<{ subject: string }>).map(
    (row) => row.subject,
  );
}

async function expectDatabaseUnavailable(response: Response): Promise<Record<string, unknown>> {
  expect(response.status).toBe(503);
  expect(response.headers.get('content-type')).toBe('application/problem+json');
  expect(response.headers.get('retry-after')).toBe('30');
  const body = (await response.json()) as Record<string, unknown>;
  expect(body.type).toBe(problemTypes.databaseUnavailable);
  expect(JSON.stringify(body)).not.toContain(dataDir);
  return body;
}

describe('a full disk', () => {
  test('tickets get 503 with Retry-After, nothing refused is stored, and the health check says "full"', async () => {
    expect((await health()).status).toBe(200);
    fillTheDisk();
    try {
      const acknowledged: string[] = [];
      let refused: Response | undefined;
      for (let i = 0; i < 500 && !refused; i++) {
        const response = await postTicket(`Disk filling ${i}`);
        if (response.status === 201) acknowledged.push(`Disk filling ${i}`);
        else refused = response;
      }
      expect(refused).toBeDefined();
      await expectDatabaseUnavailable(refused!);
      await expectDatabaseUnavailable(await postTicket('Still full'));

      const checked = await health();
      const body = await expectDatabaseUnavailable(checked);
      expect(body).toMatchObject({ database: 'full', detail: expect.stringMatching(/full/) });

      const stored = storedSubjects();
      for (const subject of acknowledged) expect(stored).toContain(subject);
      expect(stored).not.toContain('Still full');
      expect(logged.join('\n')).toMatch(/POST \/api\/tickets: answered 503, .*disk .* is full/);
      expect(logged.join('\n')).not.toMatch(/^\s+at /m);
    } finally {
      freeSomeSpace();
    }
  });

  test('the first ticket after space returns is stored, and the health check turns green', async () => {
    fillTheDisk();
    for (let i = 0; i < 500; i++) if ((await postTicket(`Until full ${i}`)).status !== 201) break;
    await expectDatabaseUnavailable(await health());
    freeSomeSpace();

    const first = await postTicket('First after the disk was freed');
    expect(first.status).toBe(201);
    const { reference } = (await first.json()) as { reference: string };
    expect((await app.request(`http://help.test/api/tickets/${reference}`)).status).toBe(200);
    expect(storedSubjects()).toContain('First after the disk was freed');
    expect(await (await health()).json()).toEqual({ status: 'ok', database: 'ok' });
    expect(logged).toContain('health check: the database takes writes again');
  });
});

describe('a write lock held by another process', () => {
  test('past the busy timeout tickets get 503 and the health check says "busy"; reads still work', async () => {
    const created = await postTicket('Before the lock');
    const { reference } = (await created.json()) as { reference: string };
    const other = new DatabaseSync(databaseFile({ dataDir }));
    other.exec('BEGIN EXCLUSIVE');
    try {
      await expectDatabaseUnavailable(await postTicket('During the lock'));
      expect(await (await health()).json()).toMatchObject({ database: 'busy' });
      expect((await app.request(`http://help.test/api/tickets/${reference}`)).status).toBe(200);
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
    expect((await postTicket('After the lock')).status).toBe(201);
    expect((await health()).status).toBe(200);
  });
});

describe('a transaction whose COMMIT fails', () => {
  test('is rolled back, so the shared connection takes the next write', async () => {
    // A deferred foreign key is checked at COMMIT, and SQLite leaves the transaction open then.
    expect(() =>
      inTransaction(db, () => {
        db.exec('PRAGMA defer_foreign_keys = ON');
        db.prepare(
          'INSERT INTO idempotency_keys (key, fingerprint, ticket_id, created_at) VALUES (?, ?, ?, ?)',
        ).run('orphan', 'x', 'no-such-ticket', new Date().toISOString());
      }),
    ).toThrow(/FOREIGN KEY/);
    expect(db.isTransaction).toBe(false);
    expect((await postTicket('After a failed commit')).status).toBe(201);
  });
});

describe('the health check', () => {
  test('proves a durable write, keeping one row however often it runs', async () => {
    for (let i = 0; i < 5; i++) expect((await health()).status).toBe(200);
    const rows = db.prepare('SELECT count(*) AS n FROM health_checks').get() as { n: number };
    expect(rows.n).toBe(1);
  });
});
