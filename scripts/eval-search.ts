// Search quality as customers meet it: the development query sets in
// tests/fixtures/search-queries/<locale>.yaml run through the search page and through the
// contact-page suggestions of the real build, served by the real service, in headless Chromium.
// Builds nothing: run `npm run build` first.
//   npm run eval:search                         every locale
//   npm run eval:search -- --locale ru,ko       some locales
//   npm run eval:search -- --misses             also list the queries whose first result is not a right answer
//   npm run eval:search -- --surface search     only the search page (or: contact)
//   npm run eval:search -- --dist <dir>         another build (default dist/)
//   npm run eval:search -- --held-out           the held-out sets (search-queries/held-out/), written
//                                               without seeing the development sets, keywords or synonyms:
//                                               run them to check that tuning on the development sets generalises
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium, type Page } from '@playwright/test';
import { isLocale, locales, type Locale } from '../src/i18n/locales.ts';
import { parseConfigFile, type ConfigProblem } from '../src/lib/config-file.ts';
import {
  evaluationSetSchema,
  queryKinds,
  score,
  type EvaluationQuery,
  type QueryOutcome,
} from '../src/search/evaluation.ts';
import { startLocalService } from './lib/local-service.ts';

const root = join(import.meta.dirname, '..');
const { values } = parseArgs({
  options: {
    locale: { type: 'string' },
    misses: { type: 'boolean', default: false },
    surface: { type: 'string' },
    dist: { type: 'string', default: join(root, 'dist') },
    'held-out': { type: 'boolean', default: false },
  },
});
const distDir = resolve(values.dist);
if (!existsSync(join(distDir, 'en', 'index.html')))
  fail(`${distDir} has no build; run npm run build first (eval:search builds nothing)`);
const chosen = (values.locale ?? locales.join(',')).split(',').map((l) => l.trim());
for (const locale of chosen) if (!isLocale(locale)) fail(`"${locale}" is not a locale: use ${locales.join(', ')}`);

const problems: ConfigProblem[] = [];
const sets = new Map<Locale, EvaluationQuery[]>();
for (const locale of chosen as Locale[]) {
  const file = join(root, 'tests', 'fixtures', 'search-queries', ...(values['held-out'] ? ['held-out'] : []), `${locale}.yaml`);
  const set = parseConfigFile(file, evaluationSetSchema, problems);
  if (set) sets.set(locale, set);
}
if (problems.length) fail(problems.map((p) => `${p.file}: ${p.path}: ${p.message}`).join('\n'));

const server = await startLocalService(distDir);
const browser = await chromium.launch({
  executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});
const allSurfaces = { search: searchPage, contact: contactSuggestions } as const;
const surfaces = Object.fromEntries(
  Object.entries(allSurfaces).filter(([name]) => !values.surface || values.surface === name),
);
const results = new Map<string, QueryOutcome[]>();
try {
  for (const [locale, set] of sets) {
    for (const [name, run] of Object.entries(surfaces)) {
      const page = await browser.newPage();
      const outcomes: QueryOutcome[] = [];
      for (const query of set) outcomes.push({ query, ranked: await run(page, server.url, locale, query.query) });
      results.set(`${name}/${locale}`, outcomes);
      await page.close();
    }
  }
} finally {
  await browser.close();
  server.stop();
}
report();

/** The search page as a reader uses it: the query in the URL, the first 10 results read back. */
async function searchPage(page: Page, base: string, locale: Locale, query: string): Promise<string[]> {
  await page.goto(`${base}/${locale}/search/?q=${encodeURIComponent(query)}`);
  // The page marks which query its results are for once they are drawn.
  await page.locator(`#search-results[data-settled="${cssString(query)}"]`).waitFor({ state: 'attached', timeout: 10_000 });
  return page.locator('[data-search-result]').evaluateAll((cards) =>
    cards.slice(0, 10).map((card) => (card as HTMLElement).dataset['searchResult'] ?? ''),
  );
}

/** The contact form: the subject typed, the suggestions shown under it read back. */
async function contactSuggestions(page: Page, base: string, locale: Locale, query: string): Promise<string[]> {
  if (!page.url().includes(`/${locale}/contact/`)) await page.goto(`${base}/${locale}/contact/`);
  const subject = page.locator('#contact-subject');
  await subject.fill('');
  await subject.fill(query);
  await page.locator(`[data-suggestions][data-settled="${cssString(query)}"]`).waitFor({ state: 'attached', timeout: 10_000 });
  return articleIds(await page.locator('[data-suggestions]:not([hidden]) a[data-article]').evaluateAll(hrefsOf));
}

function cssString(text: string): string {
  return text.replace(/["\\]/g, '\\$&');
}

function hrefsOf(links: Element[]): string[] {
  return links.map((a) => new URL((a as HTMLAnchorElement).href).pathname);
}

function articleIds(paths: string[]): string[] {
  return paths.map((path) => /\/articles\/([a-z0-9-]+)\//.exec(path)?.[1] ?? path);
}

function report() {
  const pct = (n: number) => `${Math.round(n * 100)}%`.padStart(5);
  for (const name of Object.keys(surfaces)) {
    console.log(`\n${name === 'search' ? 'search page' : 'contact-page suggestions'}`);
    console.log('locale  queries  MRR@10  recall@5  no result');
    const all: QueryOutcome[] = [];
    for (const locale of sets.keys()) {
      const outcomes = results.get(`${name}/${locale}`) ?? [];
      all.push(...outcomes);
      const s = score(outcomes);
      console.log(`${locale.padEnd(6)}  ${String(s.queries).padStart(7)}  ${s.mrr10.toFixed(2).padStart(6)}  ${pct(s.recall5).padStart(8)}  ${String(s.empty).padStart(9)}`);
    }
    const total = score(all);
    console.log(`${'all'.padEnd(6)}  ${String(total.queries).padStart(7)}  ${total.mrr10.toFixed(2).padStart(6)}  ${pct(total.recall5).padStart(8)}  ${String(total.empty).padStart(9)}`);
    console.log(
      'by kind: ' +
        queryKinds
          .map((kind) => {
            const of = all.filter((o) => o.query.kind === kind);
            return of.length ? `${kind} ${score(of).mrr10.toFixed(2)} (${of.length})` : '';
          })
          .filter(Boolean)
          .join(', '),
    );
    if (values.misses) {
      for (const [key, outcomes] of results) {
        if (!key.startsWith(`${name}/`)) continue;
        for (const o of outcomes) {
          const rank = o.ranked.findIndex((id) => o.query.relevant.includes(id)) + 1;
          if (rank === 1) continue;
          const where = rank === 0 || rank > 10 ? 'miss  ' : `rank ${rank}`;
          console.log(`  ${where} ${key.split('/')[1]} [${o.query.kind}] "${o.query.query}" → ${o.ranked.slice(0, 3).join(', ') || '(nothing)'}; wanted ${o.query.relevant.join(' | ')}`);
        }
      }
    }
  }
}

function fail(message: string): never {
  console.error(`eval:search: ${message}`);
  process.exit(1);
}
