import { expect, test } from '@playwright/test';

// What readers see, compared with reviewed screenshots (tests/e2e/screenshots.spec.ts-snapshots/):
// four pages in en, ru and ko, on a desk (1280 px) and a phone (390 px), light and dark. After a
// deliberate visual change run `npx playwright test tests/e2e/screenshots.spec.ts
// --update-snapshots`, open the new images and commit them with the change.
const pages = {
  home: '/{l}/',
  article: '/{l}/articles/two-step-sign-in/',
  search: '/{l}/search/?q={q}',
  contact: '/{l}/contact/',
} as const;
const queries = { en: 'shipping', ru: 'доставка', ko: '배송' } as const;
const sizes = {
  desk: { width: 1280, height: 900 },
  phone: { width: 390, height: 844 },
} as const;

for (const colorScheme of ['light', 'dark'] as const) {
  for (const [size, viewport] of Object.entries(sizes)) {
    test.describe(`${size}, ${colorScheme}`, () => {
      // One zone and one instant, so times on the page are the same on every run.
      test.use({ viewport, colorScheme, timezoneId: 'Europe/Amsterdam' });
      for (const locale of ['en', 'ru', 'ko'] as const) {
        for (const [name, template] of Object.entries(pages)) {
          test(`${name} in ${locale} looks as reviewed`, async ({ page }) => {
            await page.clock.setFixedTime(new Date('2026-12-01T10:00:00+01:00'));
            await page.goto(
              template.replace('{l}', locale).replace('{q}', encodeURIComponent(queries[locale])),
            );
            await page.waitForLoadState('networkidle');
            if (name === 'search') await expect(page.locator('.result-card').first()).toBeVisible();
            await expect(page).toHaveScreenshot(`${name}-${locale}-${size}-${colorScheme}.png`, {
              animations: 'disabled',
              // What the service answers depends on the real clock on the server.
              mask: [page.locator('[data-quote], .channel__status, [data-channels] .hours')],
              maxDiffPixelRatio: 0.01,
            });
          });
        }
      }
    });
  }
}
