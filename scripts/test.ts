// `npm test`: everything that proves the help centre works, in the order a failure is cheapest:
// type checks, a real build, unit and service tests (the edge tests serve that build), then
// browser tests against it.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureChromium } from './lib/chromium.ts';

const bin = (name: string) => join(import.meta.dirname, '..', 'node_modules', '.bin', name);
const reports = mkdtempSync(join(tmpdir(), 'hc-test-'));
const totals = { passed: 0, failed: 0, skipped: 0 };

function step(title: string, command: string, args: string[], env: Record<string, string> = {}) {
  console.log(`\n▶ ${title}`);
  const started = performance.now();
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  if (result.status !== 0) {
    console.error(`✖ ${title} failed after ${seconds} s (exit ${result.status ?? result.signal})`);
    finish(1);
  }
  console.log(`✔ ${title} (${seconds} s)`);
}

function countFrom(
  file: string,
  read: (json: any) => { passed: number; failed: number; skipped: number },
) {
  if (!existsSync(file)) return;
  const counts = read(JSON.parse(readFileSync(file, 'utf8')));
  totals.passed += counts.passed;
  totals.failed += counts.failed;
  totals.skipped += counts.skipped;
}

function finish(code: number): never {
  countFrom(join(reports, 'vitest.json'), (j) => ({
    passed: j.numPassedTests ?? 0,
    failed: j.numFailedTests ?? 0,
    skipped: (j.numPendingTests ?? 0) + (j.numTodoTests ?? 0),
  }));
  countFrom(join(reports, 'playwright.json'), (j) => ({
    passed: j.stats?.expected ?? 0,
    failed: (j.stats?.unexpected ?? 0) + (j.stats?.flaky ?? 0),
    skipped: j.stats?.skipped ?? 0,
  }));
  rmSync(reports, { recursive: true, force: true });
  console.log(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
  process.exit(code);
}

const chromium = ensureChromium();
// Content collection types first: tsc reads them from .astro/, which a fresh clone lacks.
step('Generate content types: astro sync', bin('astro'), ['sync']);
step('Type check: astro check', bin('astro'), ['check', '--minimumSeverity', 'warning']);
step('Type check: tsc', bin('tsc'), ['--noEmit', '-p', 'tsconfig.json']);
step('Build both help centres (public and agents’)', process.execPath, [
  join(import.meta.dirname, 'build.ts'),
]);
step('Unit and service tests: vitest', bin('vitest'), [
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${join(reports, 'vitest.json')}`,
]);
step('Browser tests: playwright', bin('playwright'), ['test'], {
  CHROMIUM_PATH: chromium,
  PLAYWRIGHT_JSON_OUTPUT_NAME: join(reports, 'playwright.json'),
});
finish(0);
