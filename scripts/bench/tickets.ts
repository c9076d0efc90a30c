/**
 * Load test of ticket creation with durable writes (SQLite WAL, synchronous=FULL): starts the
 * real server on loopback with a temp DATA_DIR, posts a bounded number of tickets, and prints
 * tickets per second and p50/p99 latency. Not a test: numbers depend on the machine's disk.
 *   npm run bench:tickets -- [--tickets 2000] [--concurrency 16] [--seconds 60]
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    tickets: { type: 'string', default: '2000' },
    concurrency: { type: 'string', default: '16' },
    seconds: { type: 'string', default: '60' },
  },
});
const total = Math.min(Number(values.tickets), 100_000);
const concurrency = Math.min(Number(values.concurrency), 256);
const maxMs = Math.min(Number(values.seconds), 600) * 1000;
if (![total, concurrency, maxMs].every((n) => Number.isInteger(n) && n > 0)) {
  console.error('--tickets, --concurrency and --seconds must be positive whole numbers');
  process.exit(2);
}

const dataDir = mkdtempSync(join(tmpdir(), 'hb-bench-'));
const server = spawn(process.execPath, ['scripts/serve.ts'], {
  cwd: new URL('../../', import.meta.url).pathname,
  env: {
    ...process.env,
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    // The real build when there is one, so each ticket also gets its suggested articles, as in production.
    DIST_DIR: process.env['DIST_DIR'] ?? new URL('../../dist', import.meta.url).pathname,
    TICKET_RATE_LIMIT_MAX: '10000',
  },
  stdio: ['ignore', 'pipe', 'inherit'],
});

try {
  const url = await new Promise<string>((resolve, reject) => {
    let output = '';
    server.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Help centre running at (\S+)/.exec(output);
      if (match?.[1]) resolve(match[1]);
    });
    server.once('exit', (code) => reject(new Error(`server exited with ${code}:\n${output}`)));
  });

  const latencies: number[] = [];
  const failures = new Map<string, number>();
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < total && performance.now() - started < maxMs) {
      const n = next++;
      const t0 = performance.now();
      try {
        const response = await fetch(`${url}/api/tickets`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({
            locale: 'en',
            email: `bench${n}@example.com`,
            role: n % 2 ? 'buyer' : 'seller',
            topic: n % 10 === 0 ? 'payment-blocked' : 'payment',
            subject: `Benchmark ticket ${n}`,
            message: 'My card payment for lot 1234 failed twice; the bank says nothing is wrong.',
          }),
        });
        await response.arrayBuffer();
        if (response.status === 201) latencies.push(performance.now() - t0);
        else
          failures.set(String(response.status), (failures.get(String(response.status)) ?? 0) + 1);
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        failures.set(reason, (failures.get(reason) ?? 0) + 1);
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const seconds = (performance.now() - started) / 1000;

  latencies.sort((a, b) => a - b);
  const percentile = (p: number) =>
    latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] ?? NaN;
  const db = new DatabaseSync(join(dataDir, 'tickets.sqlite'), { readOnly: true });
  const stored = (db.prepare('SELECT count(*) AS n FROM tickets').get() as { n: number }).n;
  db.close();

  console.log(
    `tickets created: ${latencies.length} of ${total} (concurrency ${concurrency}), stored: ${stored}`,
  );
  console.log(
    `throughput: ${(latencies.length / seconds).toFixed(0)} tickets/s (durable: WAL, synchronous=FULL)`,
  );
  console.log(
    `latency: p50 ${percentile(0.5).toFixed(1)} ms, p99 ${percentile(0.99).toFixed(1)} ms`,
  );
  if (latencies.length < total) console.log(`stopped by the ${maxMs / 1000} s time limit`);
  for (const [reason, count] of failures) console.log(`failed: ${count} × ${reason}`);
} finally {
  if (server.exitCode === null && server.signalCode === null) {
    const exited = new Promise((resolve) => server.once('exit', resolve));
    server.kill('SIGTERM');
    await exited;
  }
  rmSync(dataDir, { recursive: true, force: true });
}
