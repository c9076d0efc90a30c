import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { locales } from '../../src/i18n/locales.ts';
import { distDir, strings } from './helpers.ts';

/** Runs a search on the locale's search page and returns the article ids shown, in order. */
async function search(page: Page, locale: string, query: string): Promise<string[]> {
  await page.goto(`/${locale}/search/?q=${encodeURIComponent(query)}`);
  await expect(page.locator('#search-results')).toHaveAttribute('data-settled', query, {
    timeout: 10_000,
  });
  return page
    .locator('[data-search-result]')
    .evaluateAll((cards) => cards.map((card) => (card as HTMLElement).dataset['searchResult']!));
}

test('builds one Pagefind index per language', () => {
  const entry = JSON.parse(
    readFileSync(join(distDir, 'pagefind', 'pagefind-entry.json'), 'utf8'),
  ) as { languages: Record<string, { page_count: number }> };
  for (const locale of locales) {
    expect(
      entry.languages[locale]?.page_count,
      `pages indexed for ${locale}`,
    ).toBeGreaterThanOrEqual(20);
  }
});

test('answers a full question although no article has every word of it', async ({ page }) => {
  const found = await search(page, 'en', 'When will I get the money for my sold lot?');
  expect(found.slice(0, 3)).toContain('payouts');
});

test('a verb Pagefind does not know is not matched by a tiny part of it (내나요 is not 내, "my")', async ({
  page,
}) => {
  const found = await search(page, 'ko', '배송비는 누가 내나요');
  expect(found[0]).toBe('shipping-costs');
  expect(found.slice(0, 3)).not.toContain('account-taken-over');
});

for (const query of ['결제를', '결제는', '결제', '카드로 결제할 수 있나요']) {
  test(`finds the Korean payment articles for ${query}`, async ({ page }) => {
    const found = await search(page, 'ko', query);
    expect(
      found.slice(0, 3).some((id) => id === 'paying-for-lots' || id === 'payment-methods'),
      found.join(' '),
    ).toBe(true);
  });
}

test('matches ё and е both ways in Russian, with inflected forms', async ({ page }) => {
  for (const query of ['счет', 'счёт', 'платеж', 'платёж', 'платежа']) {
    expect((await search(page, 'ru', query)).length, query).toBeGreaterThan(0);
  }
  expect(await search(page, 'ru', 'доставки')).toContain('shipping-costs');
});

test('keeps Latin product names searchable in Russian', async ({ page }) => {
  expect((await search(page, 'ru', 'PayPal')).slice(0, 3)).toContain('payment-methods');
});

test('finds an article not yet translated by its summary title, marked as English', async ({
  page,
}) => {
  const found = await search(page, 'nl', 'douane');
  expect(found[0]).toBe('customs-and-import-duties');
  const card = page.locator('[data-search-result="customs-and-import-duties"]');
  await expect(card.locator('h2')).toContainText('Douane');
  await expect(card.locator('.badge')).toHaveText(strings('nl')['search.inEnglish']!);
  await expect(card.locator('a')).toHaveAttribute('hreflang', 'en');
});

test('never puts English text into another language’s Pagefind index', async ({ page }) => {
  await page.goto('/nl/search/');
  const total = await page.evaluate(async () => {
    const pagefind = await import('/pagefind/pagefind.js' as string);
    await pagefind.options({ noWorker: true });
    const { results } = await pagefind.search('ivory');
    return results.length;
  });
  expect(total).toBe(0);
});

test('indexes article text only, not navigation, notices or the contact box', async ({ page }) => {
  await page.goto('/ko/search/');
  // Pagefind's engine and metadata come as Brotli of what they hold, which its script reads too.
  const engine = page.waitForResponse((response) =>
    /\/wasm\.[a-z]+\.pagefind$/.test(response.url()),
  );
  const metadata = page.waitForResponse((response) => /\.pf_meta$/.test(response.url()));
  const contents = await page.evaluate(async () => {
    const pagefind = await import('/pagefind/pagefind.js' as string);
    await pagefind.options({ noWorker: true });
    const { results } = await pagefind.search('결제');
    return Promise.all(
      results
        .slice(0, 5)
        .map(async (r: { data(): Promise<{ content: string }> }) => (await r.data()).content),
    );
  });
  expect(contents.length).toBeGreaterThan(0);
  for (const response of [await engine, await metadata])
    expect(await response.headerValue('content-encoding')).toBe('br');
  const chrome = [
    'article.stillNeedHelp.body',
    'breadcrumbs.home',
    'article.related',
    'header.search.placeholder',
    'footer.contact',
  ];
  for (const content of contents) {
    for (const key of chrome) expect(content).not.toContain(strings('ko')[key]!);
  }
});

test('draws result cards with a trail and the matched words marked, and puts the query in the title', async ({
  page,
}) => {
  await search(page, 'en', 'payment methods');
  const first = page.locator('[data-search-result]').first();
  await expect(first.locator('.result-card__trail')).toContainText('›');
  await expect(first.locator('.result-card__excerpt mark').first()).toBeVisible();
  await expect(page).toHaveTitle(/payment methods/);
});

test('a result matched by its keywords alone shows its description, fetched with its neighbours', async ({
  page,
}) => {
  const index = JSON.parse(readFileSync(join(distDir, 'search', 'en.json'), 'utf8')) as {
    docs: { id: string[]; description?: string[] };
  };
  const full = JSON.parse(readFileSync(join(distDir, 'search', 'en.full.json'), 'utf8')) as {
    docs: { id: string[]; description: string[] };
  };
  // The browser's index holds no descriptions: they come with the cards that show them.
  expect(index.docs.description).toBeUndefined();
  const description = full.docs.description[full.docs.id.indexOf('account-taken-over')]!;
  expect(JSON.stringify(index)).not.toContain(JSON.stringify(description));

  const fetched: string[] = [];
  page.on('request', (request) => fetched.push(new URL(request.url()).pathname));
  // "hijack" is a keyword of the article, and in no article's text: no passage to show.
  const found = await search(page, 'en', 'hijack');
  expect(found[0]).toBe('account-taken-over');
  await expect(page.locator('[data-search-result] .result-card__excerpt').first()).toHaveText(
    description,
  );
  expect(
    fetched.filter((path) => /^\/search\/en\.descriptions\.[0-9a-f]+\.\d+\.json$/.test(path)),
  ).toHaveLength(1);
});

test('counts results with the plural form of the language', async ({ page }) => {
  await search(page, 'ru', 'оплата');
  // The count is of every result, shown ten at a time: read the total through "show more".
  while (await page.locator('[data-more]').isVisible()) await page.locator('[data-more]').click();
  const total = await page.locator('[data-search-result]').count();
  expect(total).toBeGreaterThan(1);
  const form = new Intl.PluralRules('ru').select(total);
  const expected = (strings('ru')[`search.resultCount_${form}`] ?? '').replace(
    '{{count}}',
    String(total),
  );
  await expect(page.locator('[data-count]')).toHaveText(expected);
});

test('filters by category and audience with counts, offering no filter that would show nothing', async ({
  page,
}) => {
  const all = await search(page, 'en', 'payment');
  const chips = page.locator('[data-filter="category"] label');
  expect(await chips.count()).toBeGreaterThan(2);
  for (const text of await chips.allTextContents()) expect(text).not.toMatch(/\(0\)/);
  const selling = chips.filter({ hasText: 'Selling' });
  const count = Number(/\((\d+)\)/.exec((await selling.textContent()) ?? '')?.[1]);
  await selling.click();
  await expect(page.locator('[data-search-result]')).toHaveCount(Math.min(count, 10));
  expect(count).toBeLessThan(all.length);
  // Back to every category: the audience filter counts what the category filter leaves.
  await chips.filter({ hasText: /^All/ }).click();
  await page.locator('[data-filter="audience"] label', { hasText: 'Buyers' }).click();
  for (const id of await page
    .locator('[data-search-result]')
    .evaluateAll((c) => c.map((e) => (e as HTMLElement).dataset['searchResult']))) {
    expect(id).not.toBe('seller-fees');
  }
});

test('a word nothing contains finds nothing, not the short words inside it', async ({ page }) => {
  expect(await search(page, 'ru', 'абракадабра')).toEqual([]);
});

test('leads a search that finds nothing to the contact page, carrying the query', async ({
  page,
}) => {
  expect(await search(page, 'en', 'xqzzyv')).toEqual([]);
  await expect(page.locator('[data-none]')).toBeVisible();
  await expect(page.locator('[data-none-title]')).toContainText('xqzzyv');
  await expect(page.locator('#search-contact')).toHaveAttribute('href', '/en/contact/?q=xqzzyv');
});

test('quick search: ↓ and ↑ move through the results, Enter opens the active one', async ({
  page,
}) => {
  await page.goto('/fr/categories/buying/');
  const input = page.locator('#site-search');
  await input.fill('paiement');
  const options = page.locator('#site-search-results [role="option"]');
  await expect(options.first()).toBeVisible();
  await expect(input).toHaveAttribute('aria-expanded', 'true');
  await expect(page.locator('.search-box--header [data-search-status]')).not.toBeEmpty();
  await input.press('ArrowDown');
  await expect(input).toHaveAttribute('aria-activedescendant', 'site-search-results-0');
  await input.press('ArrowDown');
  await expect(input).toHaveAttribute('aria-activedescendant', 'site-search-results-1');
  await input.press('ArrowUp');
  await expect(options.first()).toHaveAttribute('aria-selected', 'true');
  await expect(input).toBeFocused();
  const href = await options.first().getAttribute('href');
  await input.press('Enter');
  await expect(page).toHaveURL(new RegExp(`${href}$`));
});

test('quick search: Escape closes the list, a second Escape empties the field', async ({
  page,
}) => {
  await page.goto('/en/categories/buying/');
  const input = page.locator('#site-search');
  await input.fill('bidding');
  await expect(page.locator('#site-search-results [role="option"]').first()).toBeVisible();
  await input.press('Escape');
  await expect(input).toHaveAttribute('aria-expanded', 'false');
  await expect(page.locator('.search-box--header .quick-results')).toBeHidden();
  await input.press('Escape');
  await expect(input).toHaveValue('');
});

test('quick search: Enter without an active result opens the search page with the query', async ({
  page,
}) => {
  await page.goto('/en/categories/buying/');
  await page.locator('#site-search').fill('refund');
  await page.locator('#site-search').press('Enter');
  await expect(page).toHaveURL(/\/en\/search\/\?q=refund$/);
});

test('quick search offers contact support, with the query, when nothing fits', async ({ page }) => {
  await page.goto('/de/categories/buying/');
  const input = page.locator('#site-search');
  await input.fill('xqzzyv');
  const contact = page.locator('#site-search-results [role="option"]');
  await expect(contact).toHaveCount(1);
  await expect(contact).toHaveAttribute('href', '/de/contact/?q=xqzzyv');
  await input.press('ArrowDown');
  await input.press('Enter');
  await expect(page).toHaveURL(/\/de\/contact\/\?q=xqzzyv$/);
});

test('the home page search box gives instant results too', async ({ page }) => {
  await page.goto('/ru/');
  await page.locator('#home-search').fill('таможня');
  const first = page.locator('#home-search-results [role="option"]').first();
  await expect(first).toHaveAttribute('href', '/ru/articles/customs-and-import-duties/');
  await expect(first.locator('.badge')).toHaveText(strings('ru')['search.inEnglish']!);
});

test('reading pages load no search code before a search field is focused', async ({ page }) => {
  const requests: string[] = [];
  page.on('request', (request) => requests.push(new URL(request.url()).pathname));
  await page.goto('/ko/articles/payment-methods/');
  await page.waitForLoadState('networkidle');
  const searchRequests = () =>
    requests.filter((path) => /^\/(search|pagefind)\/|combobox|engine/.test(path));
  expect(searchRequests()).toEqual([]);
  await page.locator('#site-search').focus();
  await expect.poll(() => searchRequests().length).toBeGreaterThan(0);
});
