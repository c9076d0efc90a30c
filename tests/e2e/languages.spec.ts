import { expect, test, type Page } from '@playwright/test';
import { strings } from './helpers.ts';

/**
 * What readers of one language see of the others: English fallback text marked as English, a
 * language menu that says where a page exists only in English, search engines pointed at the
 * English original of an untranslated page, and a 404 in the reader's language.
 */

/** List entries (titles, section headings) whose text has no letter of the page's script. */
async function unmarkedEnglish(page: Page, selector: string): Promise<string[]> {
  return page.locator(selector).evaluateAll((items) =>
    items
      .filter(
        (item) =>
          /[A-Za-z]/.test(item.textContent ?? '') && !/[А-Яа-яЁё]/.test(item.textContent ?? ''),
      )
      .filter((item) => item.closest('[lang]')?.getAttribute('lang') !== 'en')
      .map((item) => item.textContent ?? ''),
  );
}

test('marks English text and English pages in the Russian category, section and related lists', async ({
  page,
}) => {
  for (const path of [
    '/ru/categories/buying/',
    '/ru/sections/paying/',
    '/ru/articles/paying-for-lots/',
  ]) {
    await page.goto(path);
    expect(await unmarkedEnglish(page, '.article-list li > a'), path).toEqual([]);
    expect(await unmarkedEnglish(page, 'main h2, nav.breadcrumbs a'), path).toEqual([]);
  }
  // A summary translation: Russian title, English text behind the link, said so in Russian.
  await page.goto('/ru/sections/paying/');
  const item = page.locator('.article-list li', {
    has: page.locator('a[href="/ru/articles/invoices-and-vat/"]'),
  });
  await expect(item.locator('a')).toHaveAttribute('hreflang', 'en');
  await expect(item.locator('.badge')).toHaveAttribute('lang', 'ru');
  await expect(item.locator('.badge')).toHaveText(strings('ru')['search.inEnglish']!);
});

test('the language menu says in which languages an article exists only in English', async ({
  page,
}) => {
  await page.goto('/ru/articles/invoices-and-vat/');
  const menu = page.locator('details.language-switcher');
  await menu.locator('summary').click();
  const dutch = menu.getByRole('link', {
    name: `Nederlands (${strings('nl')['languageSwitcher.inEnglish']})`,
  });
  await expect(dutch).toBeVisible();
  await expect(dutch).toHaveAttribute('href', '/nl/articles/invoices-and-vat/');
  await expect(menu.getByRole('link', { name: 'English', exact: true })).toBeVisible();

  await page.goto('/ru/articles/how-bidding-works/');
  await page.locator('details.language-switcher summary').click();
  await expect(page.locator('details.language-switcher [data-english-only]')).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Nederlands', exact: true }).first()).toBeVisible();
});

test('the language menu closes on Escape, back on its button, and on a click elsewhere', async ({
  page,
}) => {
  await page.goto('/de/articles/how-bidding-works/');
  const menu = page.locator('details.language-switcher');
  const summary = menu.locator('summary');
  await summary.click();
  await expect(menu).toHaveAttribute('open', '');
  await menu.getByRole('link', { name: 'Français' }).focus();
  // The script arrives on the first toggle; Escape works once it has.
  await expect(async () => {
    if (!(await menu.evaluate((d) => (d as HTMLDetailsElement).open))) await summary.click();
    await page.keyboard.press('Escape');
    await expect(menu).not.toHaveAttribute('open', '', { timeout: 200 });
  }).toPass({ timeout: 5_000 });
  await expect(summary).toBeFocused();

  await summary.click();
  await expect(menu).toHaveAttribute('open', '');
  await page.locator('main h1').click();
  await expect(menu).not.toHaveAttribute('open', '');
});

test('switching language on the search page keeps what was searched', async ({ page }) => {
  await page.goto('/en/search/?q=invoice');
  await page.locator('details.language-switcher summary').click();
  const dutch = page.locator('details.language-switcher a[hreflang="nl"]');
  await expect(dutch).toHaveAttribute('href', '/nl/search/?q=invoice');
  await dutch.click();
  await expect(page).toHaveURL(/\/nl\/search\/\?q=invoice$/);
});

test('an untranslated article points search engines at its English original', async ({
  page,
  request,
}) => {
  await page.goto('/nl/articles/invoices-and-vat/');
  await expect(page.locator('link[rel="canonical"]')).toHaveAttribute(
    'href',
    /\/en\/articles\/invoices-and-vat\/$/,
  );
  await expect(page.locator('link[rel="alternate"][hreflang="nl"]')).toHaveCount(0);
  await page.goto('/en/articles/invoices-and-vat/');
  await expect(page.locator('link[rel="alternate"][hreflang="nl"]')).toHaveCount(0);
  await expect(page.locator('link[rel="alternate"][hreflang="en"]')).toHaveCount(1);
  // A translated article keeps its own canonical link and every language.
  await page.goto('/nl/articles/how-bidding-works/');
  await expect(page.locator('link[rel="canonical"]')).toHaveAttribute(
    'href',
    /\/nl\/articles\/how-bidding-works\/$/,
  );
  await expect(page.locator('link[rel="alternate"][hreflang]')).toHaveCount(9);

  const sitemap = await (await request.get('/sitemap-0.xml')).text();
  expect(sitemap).toContain('/en/articles/invoices-and-vat/</loc>');
  expect(sitemap).not.toContain('/nl/articles/invoices-and-vat/</loc>');
  expect(sitemap).toContain('/nl/articles/how-bidding-works/</loc>');
});

test.describe('a Korean browser', () => {
  test.use({ locale: 'ko-KR', extraHTTPHeaders: { 'Accept-Language': 'ko-KR,ko;q=0.9,en;q=0.5' } });

  test('gets the 404 page in Korean for an unknown address outside any language', async ({
    page,
  }) => {
    const response = await page.goto('/no-such-page/');
    expect(response?.status()).toBe(404);
    await expect(page.locator('html')).toHaveAttribute('lang', 'ko');
    await expect(page.locator('main h1')).toHaveText(strings('ko')['notFound.title']!);
  });

  test('gets the static root 404 page (for static hosts) in Korean from its script', async ({
    page,
  }) => {
    await page.goto('/404.html');
    await expect(page.locator('[data-not-found] h1')).toHaveText(strings('ko')['notFound.title']!);
    await expect(page.locator('[data-not-found]')).toHaveAttribute('lang', 'ko');
    await expect(page.locator('[data-not-found] a')).toHaveAttribute('href', '/ko/');
  });
});

test('Russian search excerpts keep ё, though the search folds it', async ({ page }) => {
  // Typed without ё, as most people type Russian: the articles say "счёт".
  await page.goto('/ru/search/?q=' + encodeURIComponent('счет'));
  const marks = page.locator('.result-card__excerpt mark');
  await expect(marks.filter({ hasText: /счёт/i }).first()).toBeVisible();
  // "счета" (bills) has no ё; "счет" alone would be the folded "счёт".
  await expect(marks.filter({ hasText: /^\s*счет[^а-яё]*$/i })).toHaveCount(0);
});
