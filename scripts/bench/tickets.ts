/**
 * Load test of ticket creation with durable writes: starts the real server (or several) on
 * loopback, posts a bounded number of tickets spread over the instances, and prints tickets per
 * second and p50/p99 latency, beside this machine's fsync rate for comparison. With PostgreSQL
 * it starts a throwaway server (as the tests do). Not a test: numbers depend on the machine.
 *   npm run bench:tickets -- [--tickets 2000] [--concurrency 16] [--seconds 60]
 *                            [--database sqlite|postgres] [--instances 1] [--kill-one]
 *                            [--dist <build>]   e.g. a generated site of 10,000 pages
 *                            [--warmup 500]     tickets sent first and not measured
 * --kill-one SIGKILLs one instance half-way; clients retry on the others with the same
 * Idempotency-Key, and at the end every acknowledged reference is looked up in the database.
 */
import type { ChildProcess } from 'node:child_process';
import { closeSync, fdatasyncSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { startPostgres, type RunningPostgres } from '../../tests/service/postgres-cluster.ts';
import { startLocalService } from '../lib/local-service.ts';

const { values } = parseArgs({
  options: {
    tickets: { type: 'string', default: '2000' },
    concurrency: { type: 'string', default: '16' },
    seconds: { type: 'string', default: '60' },
    database: { type: 'string', default: 'sqlite' },
    instances: { type: 'string', default: '1' },
    'kill-one': { type: 'boolean', default: false },
    dist: { type: 'string' },
    warmup: { type: 'string', default: '500' },
  },
});
const total = Math.min(Number(values.tickets), 100_000);
const concurrency = Math.min(Number(values.concurrency), 256);
const maxMs = Math.min(Number(values.seconds), 600) * 1000;
const instances = Math.min(Number(values.instances), 16);
const warmup = Math.min(Number(values.warmup), 100_000);
const database = values.database;
if (![total, concurrency, maxMs, instances].every((n) => Number.isInteger(n) && n > 0)) {
  console.error(
    '--tickets, --concurrency, --seconds and --instances must be positive whole numbers',
  );
  process.exit(2);
}
if (database !== 'sqlite' && database !== 'postgres') {
  console.error('--database must be sqlite or postgres');
  process.exit(2);
}
if (database === 'sqlite' && instances > 1) {
  console.error('SQLite is one machine, one instance: use --database postgres for --instances > 1');
  process.exit(2);
}
if (values['kill-one'] && instances < 2) {
  console.error('--kill-one needs --instances 2 or more');
  process.exit(2);
}

const root = new URL('../../', import.meta.url).pathname;
const dataDir = mkdtempSync(join(tmpdir(), 'hb-bench-'));
let postgres: RunningPostgres | undefined;
const servers: ChildProcess[] = [];

/** fdatasync calls per second on a 4 KiB append, in the temp folder: the disk's durable-write budget. */
function fsyncsPerSecond(): number {
  const fd = openSync(join(dataDir, 'fsync-probe'), 'w');
  const block = Buffer.alloc(4096, 1);
  let count = 0;
  const started = performance.now();
  while (performance.now() - started < 1500) {
    writeSync(fd, block);
    fdatasyncSync(fd);
    count++;
  }
  closeSync(fd);
  return count / ((performance.now() - started) / 1000);
}

function startInstance(
  env: Record<string, string>,
): Promise<{ url: string; child: ChildProcess; startedInMs: number }> {
  return startLocalService(values.dist ?? process.env['DIST_DIR'] ?? join(root, 'dist'), {
    dataDir,
    // All load comes from one address: at most 10,000 a second, far above what is measured.
    env: { TICKET_RATE_LIMIT_MAX: '10000', TICKET_RATE_LIMIT_WINDOW_SECONDS: '1', ...env },
  }).then((service) => {
    servers.push(service.child);
    return service;
  });
}

try {
  const fsyncs = fsyncsPerSecond();
  const env: Record<string, string> = {};
  if (database === 'postgres') {
    postgres = await startPostgres('bench');
    env['DATABASE_URL'] = postgres.url;
  }
  const running = await Promise.all(Array.from({ length: instances }, () => startInstance(env)));
  const startTimes = running.map((instance) => instance.startedInMs.toFixed(0));
  const alive = running.map(() => true);

  const latencies: number[] = [];
  const acknowledged: string[] = [];
  const failures = new Map<string, number>();
  let next = 0;
  let killedAt: number | undefined;
  // node:http with kept-alive connections rather than fetch: the load comes from this process on
  // the same cores as the service, and fetch spent about as much CPU per request as the service.
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  const post = (instance: number, n: number) =>
    new Promise<{ status: number; json(): Promise<unknown> }>((resolve, reject) => {
      const body = JSON.stringify({
        locale: 'en',
        email: `bench${n}@example.com`,
        role: n % 2 ? 'buyer' : 'seller',
        topic: n % 10 === 0 ? 'payment-blocked' : 'payment',
        subject: `Benchmark ticket ${n}`,
        message: 'My card payment for lot 1234 failed twice; the bank says nothing is wrong.',
      });
      const sent = request(
        `${running[instance]!.url}/api/tickets`,
        {
          method: 'POST',
          agent,
          headers: {
            'Content-Type': 'application/json',
            'Content-Length': Buffer.byteLength(body),
            'Idempotency-Key': `bench-${n}`,
          },
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('error', reject);
          response.on('end', () =>
            resolve({
              status: response.statusCode ?? 0,
              json: async () => JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown,
            }),
          );
        },
      );
      sent.on('error', reject);
      sent.end(body);
    });
  const worker = async () => {
    while (next < total && performance.now() - started < maxMs) {
      const n = next++;
      if (values['kill-one'] && killedAt === undefined && n >= total / 2) {
        killedAt = n;
        alive[0] = false;
        running[0]!.child.kill('SIGKILL');
      }
      const t0 = performance.now();
      // Round robin over the live instances; a request cut by the kill is retried elsewhere.
      for (let attempt = 0; attempt < instances; attempt++) {
        const candidates = alive.flatMap((up, i) => (up ? [i] : []));
        const instance = candidates[(n + attempt) % candidates.length]!;
        try {
          const response = await post(instance, n);
          const body = (await response.json()) as { reference?: string };
          if (response.status === 201 || response.status === 200) {
            latencies.push(performance.now() - t0);
            if (body.reference) acknowledged.push(body.reference);
          } else {
            failures.set(String(response.status), (failures.get(String(response.status)) ?? 0) + 1);
          }
          break;
        } catch (error) {
          if (alive[instance] && attempt === instances - 1) {
            const reason = error instanceof Error ? error.message : String(error);
            failures.set(reason, (failures.get(reason) ?? 0) + 1);
          }
        }
      }
    }
  };
  // Warm-up, not measured: the first requests of a fresh process pay for compiling its code and
  // for loading the search indexes in the background; the figures are for the service warm.
  if (warmup > 0 && !values['kill-one']) {
    let warmNext = 0;
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (warmNext < warmup) {
          const n = total + warmNext++;
          await (await post(n % instances, n)).json();
        }
      }),
    );
    while ((await pendingSuggestions()) > 0) await new Promise((r) => setTimeout(r, 100));
  }
  const started = performance.now();
  await Promise.all(Array.from({ length: concurrency }, worker));
  const seconds = (performance.now() - started) / 1000;

  latencies.sort((a, b) => a - b);
  const percentile = (p: number) =>
    latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] ?? NaN;
  const loadEnded = performance.now();
  const stored = await storedReferences();
  // Suggested articles are found after each commit, in the background: how long they trail.
  while ((await pendingSuggestions()) > 0 && performance.now() - loadEnded < 120_000)
    await new Promise((resolve) => setTimeout(resolve, 100));
  const pendingLeft = await pendingSuggestions();
  const trailSeconds = (performance.now() - loadEnded) / 1000;
  const lost = acknowledged.filter((reference) => !stored.has(reference));

  const where =
    database === 'postgres'
      ? `PostgreSQL, ${instances} instance${instances > 1 ? 's' : ''}`
      : 'SQLite WAL, synchronous=FULL';
  console.log(`database: ${where}; this machine's disk: ${fsyncs.toFixed(0)} fsyncs/s`);
  console.log(`service start (spawn to listening): ${startTimes.join(', ')} ms`);
  console.log(
    `tickets acknowledged: ${acknowledged.length} of ${total} (concurrency ${concurrency}), stored: ${acknowledged.length - lost.length}`,
  );
  console.log(`throughput: ${(latencies.length / seconds).toFixed(0)} tickets/s (durable)`);
  console.log(
    `latency: p50 ${percentile(0.5).toFixed(1)} ms, p99 ${percentile(0.99).toFixed(1)} ms`,
  );
  console.log(
    pendingLeft === 0
      ? `suggested articles: all found ${trailSeconds.toFixed(1)} s after the last ticket was acknowledged`
      : `suggested articles: ${pendingLeft} tickets still pending after ${trailSeconds.toFixed(0)} s`,
  );
  if (killedAt !== undefined)
    console.log(
      `one instance SIGKILLed at ticket ${killedAt}: ${lost.length} acknowledged tickets missing from the database`,
    );
  if (latencies.length < total) console.log(`stopped by the ${maxMs / 1000} s time limit`);
  for (const [reason, count] of failures) console.log(`failed: ${count} × ${reason}`);
} finally {
  await Promise.all(
    servers.map((server) => {
      if (server.exitCode !== null || server.signalCode !== null) return undefined;
      const exited = new Promise((resolve) => server.once('exit', resolve));
      server.kill('SIGTERM');
      return exited;
    }),
  );
  await postgres?.stop();
  rmSync(dataDir, { recursive: true, force: true });
}

async function pendingSuggestions(): Promise<number> {
  const sql = 'SELECT count(*) AS n FROM tickets WHERE suggestions_pending';
  if (postgres) {
    const client = new pg.Client({ connectionString: postgres.url });
    await client.connect();
    const { rows } = await client.query<{ n: string }>(`${sql} = true`);
    await client.end();
    return Number(rows[0]!.n);
  }
  const db = new DatabaseSync(join(dataDir, 'tickets.sqlite'), { readOnly: true });
  const row = db.prepare(`${sql} = 1`).get() as { n: number };
  db.close();
  return row.n;
}

async function storedReferences(): Promise<Set<string>> {
  if (postgres) {
    const client = new pg.Client({ connectionString: postgres.url });
    await client.connect();
    const { rows } = await client.query<{ reference: string }>('SELECT reference FROM tickets');
    await client.end();
    return new Set(rows.map((row) => row.reference));
  }
  const db = new DatabaseSync(join(dataDir, 'tickets.sqlite'), { readOnly: true });
  const rows = db.prepare('SELECT reference FROM tickets').all() as Array<{ reference: string }>;
  db.close();
  return new Set(rows.map((row) => row.reference));
}
