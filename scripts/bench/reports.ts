/**
 * Readers' events and the leads' reports at the support team's scale. Not a test: it prints.
 *   1. Ingestion: batches of 20 events posted to /api/events over loopback HTTP (the real app,
 *      its validation, masking and durable writes), with `--concurrency` clients.
 *   2. Reports: a month with `--events` raw events (default 1,000,000), the team's ticket rate
 *      (16,000 a week) with first replies, visitors and votes; then the hourly rollup of those
 *      days and the report of the last four weeks, all languages and one.
 *   npm run bench:reports -- [--events 1000000] [--tickets-per-week 16000] [--batches 3000]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { serve } from '@hono/node-server';
import { createApp } from '../../src/server/app.ts';
import { contentRepository } from '../../src/server/content/repository.ts';
import { silentLogger } from '../../src/server/log.ts';
import { reportFor } from '../../src/server/reports/service.ts';
import { openSqliteStores } from '../../src/server/store/sqlite/index.ts';
import { loadSupportConfig } from '../../src/server/support/load.ts';
import { seedReportData } from './report-data.ts';

const { values } = parseArgs({
  options: {
    events: { type: 'string', default: '1000000' },
    'tickets-per-week': { type: 'string', default: '16000' },
    batches: { type: 'string', default: '3000' },
    concurrency: { type: 'string', default: '8' },
  },
});
const eventsTotal = Number(values.events);
const ticketsPerDay = Math.round(Number(values['tickets-per-week']) / 7);
const batches = Number(values.batches);
const concurrency = Number(values.concurrency);
const today = '2026-11-30';
const content = contentRepository(new URL('../../content', import.meta.url).pathname);
const support = loadSupportConfig();
const ms = (start: number) => performance.now() - start;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const percentile = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(p * xs.length) - 1)]!;

// 1. Ingestion over HTTP.
{
  const dataDir = mkdtempSync(join(tmpdir(), 'hb-bench-events-'));
  const stores = openSqliteStores({ dataDir });
  const app = createApp({
    stores,
    support,
    content,
    log: silentLogger,
    eventRateLimit: { max: 1_000_000_000, windowSeconds: 60 },
  });
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise((resolve) => server.once('listening', resolve));
  const { port } = server.address() as { port: number };
  const body = (n: number) =>
    JSON.stringify({
      events: Array.from({ length: 20 }, (_, i) => ({
        kind: i % 4 === 3 ? 'open' : 'search',
        source: 'search',
        locale: 'en',
        visit: `bench-visit-${n}`,
        query: `shipping cost to lot ${n} for buyer${i}@example.com`,
        ...(i % 4 === 3 ? { rank: 1, articleId: 'shipping-costs' } : { results: i % 5 }),
      })),
    });
  let next = 0;
  let accepted = 0;
  const latencies: number[] = [];
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < batches) {
        const n = next++;
        const t0 = performance.now();
        const response = await fetch(`http://127.0.0.1:${port}/api/events`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Origin: `http://127.0.0.1:${port}` },
          body: body(n),
        });
        const answer = (await response.json()) as { accepted?: number };
        if (response.status !== 202)
          throw new Error(`batch ${n}: ${response.status} ${JSON.stringify(answer)}`);
        accepted += answer.accepted ?? 0;
        latencies.push(performance.now() - t0);
      }
    }),
  );
  const seconds = ms(started) / 1000;
  console.log(
    'Event ingestion (POST /api/events over loopback HTTP, batches of 20, durable writes)',
  );
  console.log(
    `  ${batches} batches, ${accepted} events in ${seconds.toFixed(1)} s, ${concurrency} clients`,
  );
  console.log(
    `  ${Math.round(accepted / seconds)} events/s, ${Math.round(batches / seconds)} batches/s`,
  );
  console.log(
    `  batch latency p50 ${median(latencies).toFixed(1)} ms, p99 ${percentile(latencies, 0.99).toFixed(1)} ms`,
  );
  server.close();
  await stores.close();
  rmSync(dataDir, { recursive: true, force: true });
}

// 2. Reports over a month of data.
{
  const dataDir = mkdtempSync(join(tmpdir(), 'hb-bench-reports-'));
  const stores = openSqliteStores({ dataDir });
  const seedStart = performance.now();
  const seeded = await seedReportData(stores, support, {
    dataDir,
    today,
    days: 28,
    ticketsPerDay,
    eventsTotal,
    visitorsPerDay: 20_000,
    votesPerDay: 300,
  });
  console.log('\nReports over 28 days');
  console.log(
    `  seeded ${seeded.tickets} tickets, ${seeded.events} raw events, ${seeded.visitors} visitor marks, ${seeded.votes} votes in ${(ms(seedStart) / 1000).toFixed(1)} s`,
  );
  let start = performance.now();
  const rollup = await stores.readerEvents.rollup(today);
  console.log(
    `  hourly rollup, first run (${rollup.days.length} days to compute): ${ms(start).toFixed(0)} ms`,
  );
  start = performance.now();
  await stores.readerEvents.rollup(today);
  console.log(
    `  hourly rollup, next run (no new day; the last day is kept): ${ms(start).toFixed(0)} ms`,
  );

  const now = () => new Date(`${today}T12:00:00Z`);
  const deps = { stores, support, content, now };
  const time = async (label: string, request: Parameters<typeof reportFor>[0]) => {
    const runs: number[] = [];
    let rows = 0;
    for (let i = 0; i < 5; i++) {
      const t0 = performance.now();
      const report = await reportFor(request, deps);
      runs.push(ms(t0));
      rows = Object.values(report.tables).reduce((sum, table) => sum + table.rows.length, 0);
    }
    console.log(
      `  report, ${label}: median ${median(runs).toFixed(0)} ms of 5 (min ${Math.min(...runs).toFixed(0)}, max ${Math.max(...runs).toFixed(0)}), ${rows} rows`,
    );
  };
  await time('4 weeks, every language and team', { weeks: 4, locale: null, team: null });
  await time('4 weeks, ru / email-ru', { weeks: 4, locale: 'ru', team: 'email-ru' });
  await time('1 week, every language and team', { weeks: 1, locale: null, team: null });
  await stores.close();
  rmSync(dataDir, { recursive: true, force: true });
}
