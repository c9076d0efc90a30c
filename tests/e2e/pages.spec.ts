import { expect, test } from '@playwright/test';
import { locales, localeInfo } from '../../src/i18n/locales.ts';
import { readTranslationStatus } from '../../src/lib/translation-status.ts';
import { strings, textBefore } from './helpers.ts';
import { join } from 'node:path';

const status = readTranslationStatus(join(import.meta.dirname, '..', '..', 'content'));
const publicArticles = status.filter((a) => a.visibility === 'public');

test.describe('every locale', () => {
  for (const locale of locales) {
    test(`serves a home page in ${locale} with its categories and promoted articles`, async ({
      page,
    }) => {
      await page.goto(`/${locale}/`);
      await expect(page.locator('html')).toHaveAttribute('lang', localeInfo[locale].tag);
      await expect(page.locator('h1')).toHaveText(strings(locale)['home.title']!);
      await expect(page.locator('[aria-labelledby="categories-heading"] .card')).toHaveCount(4);
      await expect(page.locator('.article-list--cards .card').first()).toBeVisible();
      await expect(page.locator('link[rel="alternate"][hreflang]')).toHaveCount(9); // 8 locales + x-default
      await expect(page.locator('link[rel="canonical"]')).toHaveAttribute(
        'href',
        new RegExp(`/${locale}/$`),
      );
    });

    test(`serves a 404 page in ${locale} for an unknown address`, async ({ page }) => {
      const response = await page.goto(`/${locale}/articles/no-such-article/`);
      expect(response?.status()).toBe(404);
      await expect(page.locator('html')).toHaveAttribute('lang', localeInfo[locale].tag);
      await expect(page.locator('h1')).toHaveText(strings(locale)['notFound.title']!);
    });
  }
});

test('has at least 20 translated articles in every locale and 30 in English', () => {
  expect(publicArticles.length).toBeGreaterThanOrEqual(30);
  for (const locale of locales) {
    const translated = publicArticles.filter((a) => a.states[locale] !== 'missing').length;
    expect(translated, `translated articles in ${locale}`).toBeGreaterThanOrEqual(20);
  }
});

test('shows a translated article in its language, with the text marked in that language', async ({
  page,
}) => {
  await page.goto('/de/articles/how-bidding-works/');
  await expect(page.locator('html')).toHaveAttribute('lang', 'de');
  await expect(page.locator('article')).toHaveAttribute('lang', 'de');
  await expect(page.locator('.notice')).toHaveCount(0);
  await expect(page.locator('article h1')).not.toHaveText('How bidding works');
});

test('serves an untranslated article in English under the reader’s locale, with a notice in their language', async ({
  page,
}) => {
  // Every untranslated article of the sample has a summary translation: title and description in
  // the reader's language, the text still English.
  const untranslated = publicArticles.find((a) => a.states.ko === 'summary');
  expect(untranslated, 'some article has only a summary translation into Korean').toBeTruthy();
  await page.goto(`/ko/articles/${untranslated!.id}/`);
  await expect(page.locator('html')).toHaveAttribute('lang', 'ko');
  await expect(page.locator('article')).toHaveAttribute('lang', 'en');
  await expect(page.locator('article h1')).toHaveAttribute('lang', 'ko');
  await expect(page.locator('.notice--fallback')).toContainText(
    textBefore('ko', 'notice.untranslated.body'),
  );
  // The page chrome stays Korean.
  await expect(page.locator('.still-need-help h2')).toHaveText(
    strings('ko')['article.stillNeedHelp.heading']!,
  );
});

test('tells the reader when the English original changed after the translation was made', async ({
  page,
}) => {
  const outdated = publicArticles.flatMap((a) =>
    locales.filter((l) => a.states[l] === 'outdated').map((l) => ({ id: a.id, locale: l })),
  );
  expect(outdated.length, 'at least one translation is deliberately out of date').toBeGreaterThan(
    0,
  );
  const { id, locale } = outdated[0]!;
  await page.goto(`/${locale}/articles/${id}/`);
  await expect(page.locator('article')).toHaveAttribute('lang', localeInfo[locale].tag);
  await expect(page.locator('.notice--outdated')).toContainText(
    strings(locale)['notice.outdated.title']!,
  );
  await expect(page.locator('.notice--outdated a')).toHaveAttribute('href', `/en/articles/${id}/`);
});

test('switches language on the same article, category and section', async ({ page }) => {
  await page.goto('/en/articles/paying-for-lots/');
  await page.locator('.language-switcher summary').click();
  await page.locator('.language-switcher a[hreflang="ru"]').click();
  await expect(page).toHaveURL(/\/ru\/articles\/paying-for-lots\/$/);
  await page.goto('/fr/categories/selling/');
  await page.locator('.language-switcher summary').click();
  await page.locator('.language-switcher a[hreflang="ko"]').click();
  await expect(page).toHaveURL(/\/ko\/categories\/selling\/$/);
});

test('article pages carry breadcrumbs, related articles and a contact link with the article', async ({
  page,
}) => {
  await page.goto('/it/articles/paying-for-lots/');
  await expect(page.locator('nav.breadcrumbs li')).toHaveCount(3);
  await expect(page.locator('.related li').first()).toBeVisible();
  await expect(page.locator('.still-need-help a')).toHaveAttribute(
    'href',
    '/it/contact/?article=paying-for-lots',
  );
  await expect(page.locator('article time')).toHaveAttribute('datetime', /^\d{4}-\d{2}-\d{2}$/);
});

test('sends the visitor of / to the best locale for their browser languages', async ({
  browser,
}) => {
  const context = await browser.newContext({ locale: 'ru-RU' });
  const page = await context.newPage();
  await page.goto('/');
  await expect(page).toHaveURL(/\/ru\/$/);
  await context.close();
});

test('offers plain links to every locale on / when scripts are off', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, extraHTTPHeaders: {} });
  const page = await context.newPage();
  const response = await page.request.get('/index.html');
  expect(response.status()).toBe(200);
  await page.setContent(await response.text());
  await expect(page.locator('main a[hreflang]')).toHaveCount(8);
  await context.close();
});

test('reaches the content with the skip link and the keyboard', async ({ page }) => {
  await page.goto('/en/articles/payment-methods/');
  await page.keyboard.press('Tab');
  await expect(page.locator('.skip-link')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('main')).toBeFocused();
});

test('turns tabs into a keyboard-operable tab list', async ({ page }) => {
  await page.goto('/en/articles/payment-methods/');
  const tabs = page.locator('[role="tab"]');
  expect(await tabs.count()).toBeGreaterThan(1);
  await tabs.first().focus();
  await page.keyboard.press('ArrowRight');
  await expect(tabs.nth(1)).toBeFocused();
  await expect(tabs.nth(1)).toHaveAttribute('aria-selected', 'true');
  await expect(page.locator('[role="tabpanel"]:visible')).toHaveCount(1);
});
