// Search as a reader meets it, in headless Chromium against the real service and the build in
// dist/: what the first query on the search page transfers, how soon results follow the last
// keystroke, what a reading page loads before and after the search box is focused, and what the
// search index of each locale weighs. Figures only: these machines are shared and noisy.
//   npm run bench:site                                (runs this after the site figures)
//   node scripts/bench/search-page.ts [--dist <dir>]  on its own, against dist/ or another build,
//     e.g. one of 10,000 pages: CONTENT_DIR=<generated content> DIST_DIR=<dir> npm run build -- public
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { chromium, type Browser, type Page } from '@playwright/test';
import { locales, type Locale } from '../../src/i18n/locales.ts';
import { parseConfigFile, type ConfigProblem } from '../../src/lib/config-file.ts';
import { evaluationSetSchema } from '../../src/search/evaluation.ts';
import { startLocalService } from '../lib/local-service.ts';

const root = join(import.meta.dirname, '..', '..');
export const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
export const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

/** What a static host serving gzip would send: Pagefind's files are compressed already. */
function gzipped(body: Buffer): number {
  return Math.min(body.length, gzipSync(body).length);
}

/**
 * Every response a page received while `act` ran, by URL: the body bytes as sent by the real
 * service (Brotli where the build has a precompressed copy, Pagefind's files as stored, already
 * gzip), which is what a reader transfers; headers are not counted.
 */
export async function transfers(
  page: Page,
  act: () => Promise<void>,
): Promise<Map<string, number>> {
  const sizes = new Map<string, number>();
  const pending: Promise<void>[] = [];
  const onResponse = (response: import('@playwright/test').Response) => {
    pending.push(
      response
        .request()
        .sizes()
        .then((sent) => void sizes.set(new URL(response.url()).pathname, sent.responseBodySize))
        .catch(() => undefined), // redirects have no body
    );
  };
  page.on('response', onResponse);
  await act();
  await page.waitForLoadState('networkidle');
  page.off('response', onResponse);
  await Promise.all(pending);
  return sizes;
}

export const sum = (sizes: Map<string, number>) => [...sizes.values()].reduce((s, n) => s + n, 0);

export function querySet(locale: Locale): string[] {
  const problems: ConfigProblem[] = [];
  const file = join(root, 'tests', 'fixtures', 'search-queries', `${locale}.yaml`);
  const set = parseConfigFile(file, evaluationSetSchema, problems);
  if (!set) throw new Error(problems.map((p) => `${p.file}: ${p.path}: ${p.message}`).join('\n'));
  return set.map((q) => q.query);
}

/**
 * Types the last characters of a query one key every 60 ms (the start of it is pasted, so a run
 * stays short); the time from the last key to the results drawn for the whole query.
 */
async function typeAndTime(page: Page, query: string): Promise<number> {
  return page.evaluate(async (text) => {
    const input = document.querySelector<HTMLInputElement>('#search-page-input')!;
    const results = document.querySelector<HTMLElement>('#search-results')!;
    input.value = '';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    await new Promise((resolve) => setTimeout(resolve, 100));
    const chars = [...text];
    const typed = 6;
    for (let i = Math.max(1, chars.length - typed); i < chars.length; i++) {
      input.value = chars.slice(0, i).join('');
      input.dispatchEvent(new Event('input', { bubbles: true }));
      await new Promise((resolve) => setTimeout(resolve, 60));
    }
    const drawn = new Promise<number>((resolve) => {
      const check = () => {
        if (results.dataset['settled'] !== text) return false;
        // Shown means painted: the frame after the results were put in the page.
        requestAnimationFrame(() => resolve(performance.now()));
        return true;
      };
      const observer = new MutationObserver(() => check() && observer.disconnect());
      observer.observe(results, { attributes: true, attributeFilter: ['data-settled'] });
    });
    input.value = text;
    const lastKey = performance.now();
    input.dispatchEvent(new Event('input', { bubbles: true }));
    return (await drawn) - lastKey;
  }, query);
}

/** Headless Chromium as the benchmarks run it (root, no network). */
export function launchBenchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}

export async function benchSearch(dist = join(root, 'dist')): Promise<void> {
  const service = await startLocalService(dist);
  let browser: Browser | undefined;
  try {
    browser = await launchBenchBrowser();
    console.log(
      '\nsearch page, first query (fresh browser, bytes as the service sends them), then three follow-up queries:',
    );
    for (const locale of locales) {
      const context = await browser.newContext();
      const page = await context.newPage();
      const [query] = querySet(locale);
      const sizes = await transfers(page, async () => {
        await page.goto(`${service.url}/${locale}/search/?q=${encodeURIComponent(query!)}`);
        await page.locator(`#search-results[data-settled]`).waitFor({ state: 'attached' });
      });
      const search = [...sizes].filter(([path]) => /\/(search|pagefind)\//.test(path));
      // Follow-ups: the next queries of the set typed into the same page.
      const followUps: number[] = [];
      for (const next of querySet(locale).slice(1, 4)) {
        const more = await transfers(page, async () => {
          await page.locator('#search-page-input').fill(next);
          await page
            .locator(`#search-results[data-settled="${next.replace(/["\\]/g, '\\$&')}"]`)
            .waitFor({ state: 'attached' });
        });
        followUps.push(sum(more));
      }
      console.log(
        `  ${locale}: ${kb(sum(sizes))} in ${sizes.size} requests (of which search index and Pagefind ${kb(search.reduce((s, [, n]) => s + n, 0))} in ${search.length}); ` +
          `follow-ups ${followUps.map(kb).join(', ')}`,
      );
      await context.close();
    }

    console.log(
      '\nsearch page, last keystroke to results shown (median of 20 queries, their last keys typed at 60 ms a key):',
    );
    for (const locale of locales) {
      const page = await browser.newPage();
      await page.goto(`${service.url}/${locale}/search/`);
      const queries = querySet(locale).slice(0, 20);
      await typeAndTime(page, queries[0]!); // loads the index; not counted
      const times: number[] = [];
      for (const query of queries) times.push(await typeAndTime(page, query));
      console.log(
        `  ${locale}: median ${median(times).toFixed(0)} ms, slowest ${Math.max(...times).toFixed(0)} ms`,
      );
      await page.close();
    }

    console.log('\nreading page, search code before and after the search box is focused:');
    for (const locale of ['en', 'ru', 'ko'] as const) {
      const context = await browser.newContext();
      const page = await context.newPage();
      // The index files, Pagefind, and the chunks of the search engine and the combobox.
      const isSearchCode = (path: string) =>
        /\/(search|pagefind)\//.test(path) || /engine|combobox/i.test(path);
      const before = await transfers(page, async () => {
        await page.goto(`${service.url}/${locale}/articles/payouts/`);
      });
      const searchBefore = [...before].filter(([path]) => isSearchCode(path));
      const after = await transfers(page, async () => {
        await page.locator('header input[role="combobox"]').focus();
        await page.locator('header input[role="combobox"]').pressSequentially('pay');
        await page.locator('header [role="listbox"] [role="option"]').first().waitFor();
      });
      console.log(
        `  ${locale}: ${kb(searchBefore.reduce((s, [, n]) => s + n, 0))} of search code before focus (page ${kb(sum(before))}); ` +
          `${kb(sum(after))} in ${after.size} requests after focus and a first quick query`,
      );
      await context.close();
    }
  } finally {
    await browser?.close();
    service.stop();
  }

  // The browser's index grows with the number of articles; Pagefind's text index is split in
  // chunks and a query loads only the chunks of its words, so it grows far less.
  console.log('\nsearch index per locale (what the browser loads first):');
  for (const locale of locales) {
    const body = readFileSync(join(dist, 'search', `${locale}.json`));
    // Format 3 stores one list per property; earlier builds, one object per article.
    const stored = (JSON.parse(body.toString()) as { docs: { id: unknown[] } | unknown[] }).docs;
    const docs = Array.isArray(stored) ? stored.length : stored.id.length;
    const brotli = brotliCompressSync(body).length;
    console.log(
      `  ${locale}: ${docs} articles, ${kb(body.length)} (gzip ${kb(gzipped(body))}, brotli ${kb(brotli)}, ${(brotli / docs).toFixed(0)} B an article)`,
    );
  }
}

if (import.meta.main) {
  const { values } = parseArgs({
    options: { dist: { type: 'string', default: join(root, 'dist') } },
  });
  await benchSearch(resolve(values.dist));
}
