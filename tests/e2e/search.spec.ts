import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { locales } from '../../src/i18n/locales.ts';
import { distDir, strings } from './helpers.ts';

/** Runs a search on the locale's search page and returns the result links. */
async function search(page: Page, locale: string, query: string) {
  await page.goto(`/${locale}/search/?q=${encodeURIComponent(query)}`);
  const results = page.locator('.pagefind-ui__result-link');
  await expect(results.first()).toBeVisible({ timeout: 10_000 });
  return results;
}

async function hrefs(page: Page) {
  return page
    .locator('.pagefind-ui__result-link')
    .evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
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

for (const query of ['결제를', '결제는', '결제']) {
  test(`finds the Korean payment articles for ${query}`, async ({ page }) => {
    await search(page, 'ko', query);
    const found = await hrefs(page);
    expect(
      found.some((href) => /^\/ko\/articles\/(paying-for-lots|payment-methods)\/$/.test(href)),
      found.join(' '),
    ).toBe(true);
  });
}

test('finds the Korean shipping-cost article for 배송비는 and for the bare noun', async ({
  page,
}) => {
  for (const query of ['배송비는', '배송비']) {
    await search(page, 'ko', query);
    expect(await hrefs(page)).toContain('/ko/articles/shipping-costs/');
  }
});

test('matches ё and е both ways in Russian, with inflected forms', async ({ page }) => {
  // The Russian articles write ё (счёт, платёж); readers often type е.
  for (const query of ['счет', 'счёт', 'платеж', 'платёж', 'платежа']) {
    await search(page, 'ru', query);
    expect((await hrefs(page)).length, query).toBeGreaterThan(0);
  }
  await search(page, 'ru', 'доставки');
  expect(await hrefs(page)).toContain('/ru/articles/shipping-costs/');
});

test('keeps Latin product names searchable in Russian', async ({ page }) => {
  await search(page, 'ru', 'PayPal');
  expect(await hrefs(page)).toContain('/ru/articles/payment-methods/');
});

test('finds an article that exists only in English from another locale, marked as English', async ({
  page,
}) => {
  // "ivory" appears only in the English text of prohibited-items, which is not translated into Dutch.
  await search(page, 'nl', 'ivory');
  const titles = page.locator('.pagefind-ui__result-title');
  await expect(titles.first()).toContainText(strings('nl')['search.inEnglish']!);
  expect(await hrefs(page)).toContain('/nl/articles/prohibited-items/');
});

test('never puts English fallback text into another language’s index', async ({ page }) => {
  await page.goto('/nl/search/');
  const total = await page.evaluate(async () => {
    const pagefind = await import('/pagefind/pagefind.js' as string);
    await pagefind.init();
    const { results } = await pagefind.search('ivory');
    return results.length;
  });
  expect(total).toBe(0);
});

test('indexes article text only, not navigation, notices or the contact box', async ({ page }) => {
  await page.goto('/ko/search/');
  const contents = await page.evaluate(async () => {
    const pagefind = await import('/pagefind/pagefind.js' as string);
    await pagefind.init();
    const { results } = await pagefind.search('결제');
    return Promise.all(
      results
        .slice(0, 5)
        .map(async (r: { data(): Promise<{ content: string }> }) => (await r.data()).content),
    );
  });
  expect(contents.length).toBeGreaterThan(0);
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

test('offers a category filter and sub-results', async ({ page }) => {
  await search(page, 'en', 'payment');
  await expect(
    page.locator('.pagefind-ui__filter-name', { hasText: strings('en')['search.categoryFilter']! }),
  ).toBeVisible();
  await expect(page.locator('.pagefind-ui__result-nested').first()).toBeVisible();
});

test('shows quick results under the header search field as the reader types', async ({ page }) => {
  await page.goto('/fr/');
  await page.locator('#site-search').fill('paiement');
  const quick = page.locator('.quick-results a[href^="/fr/articles/"]');
  await expect(quick.first()).toBeVisible();
  await page.locator('#site-search').press('ArrowDown');
  await expect(quick.first()).toBeFocused();
});

test('takes the search query along to the contact form', async ({ page }) => {
  await search(page, 'en', 'refund');
  await expect(page.locator('#search-contact')).toHaveAttribute('href', '/en/contact/?q=refund');
});
