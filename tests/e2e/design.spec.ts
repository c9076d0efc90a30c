import { expect, test, type Page } from '@playwright/test';
import { strings } from './helpers.ts';

// How the help centre is laid out on a phone and on a desk, in light and dark, and on paper.
const phone = { width: 390, height: 844 };

/** Boxes of the visible elements matching `selector` that are smaller than 44 × 44 px. */
async function smallTapTargets(page: Page, selector: string): Promise<string[]> {
  return page.locator(selector).evaluateAll((elements) =>
    elements
      .filter((element) => {
        const box = element.getBoundingClientRect();
        return box.width > 0 && box.height > 0 && getComputedStyle(element).visibility !== 'hidden';
      })
      .map((element) => {
        // A choice's label is its tap target; a link in a list row has the whole row.
        const target =
          element.closest('label') ??
          (element.matches('.article-list a') ? element.closest('li') : null) ??
          element;
        const box = target.getBoundingClientRect();
        return { box, name: `${element.outerHTML.slice(0, 80)} ${box.width}×${box.height}` };
      })
      .filter(({ box }) => box.width < 43.5 || box.height < 43.5)
      .map(({ name }) => name),
  );
}

test.describe('on a phone', () => {
  test.use({ viewport: phone });

  for (const locale of ['en', 'ko'] as const) {
    test(`the header is one compact row that stays on screen (${locale})`, async ({ page }) => {
      await page.goto(`/${locale}/articles/two-step-sign-in/`);
      const header = page.locator('.site-header');
      const before = await header.boundingBox();
      expect(before!.height).toBeLessThanOrEqual(64);
      await page.mouse.wheel(0, 1500);
      await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(1000);
      expect((await header.boundingBox())!.y).toBe(0);
      // The search field becomes a link to the search page.
      const searchLink = page.getByRole('link', { name: strings(locale)['header.search.label'] });
      await expect(searchLink).toBeVisible();
      await expect(searchLink).toHaveAttribute('href', `/${locale}/search/`);
    });
  }

  test('"On this page" comes before the article text, folded', async ({ page }) => {
    await page.goto('/ru/articles/two-step-sign-in/');
    const toc = page.locator('.toc--inline');
    await expect(toc).toBeVisible();
    await expect(page.locator('.toc--aside')).toBeHidden();
    const tocTop = (await toc.boundingBox())!.y;
    const bodyTop = (await page.locator('.prose > p').first().boundingBox())!.y;
    expect(tocTop).toBeLessThan(bodyTop);
    await toc.locator('summary').click();
    await page.locator('.toc--inline a').nth(1).click();
    await expect(page).toHaveURL(/#/);
  });

  test('buttons, fields, choices and menus are at least 44 × 44 px', async ({ page }) => {
    for (const path of ['/en/contact/', '/en/articles/two-step-sign-in/', '/ko/search/?q=bid']) {
      await page.goto(path);
      await page.waitForLoadState('networkidle');
      const small = await smallTapTargets(
        page,
        'button, input:not([type=hidden], [tabindex="-1"]), select, textarea, summary, .site-header a, .site-footer a, .article-list a',
      );
      expect(small, path).toEqual([]);
    }
  });

  test('the home page has one search field', async ({ page }) => {
    await page.goto('/en/');
    await expect(page.locator('input[type=search]')).toHaveCount(1);
    await expect(page.locator('input[type=search]')).toBeVisible();
  });
});

test('the home page has one search field on a desk too', async ({ page }) => {
  await page.goto('/ko/');
  await expect(page.locator('input[type=search]')).toHaveCount(1);
});

test('Korean keeps words whole and the search button on one line', async ({ page }) => {
  await page.setViewportSize(phone);
  await page.goto('/ko/');
  const button = page.getByRole('button', { name: '검색' });
  const lineHeight = await button.evaluate((b) => parseFloat(getComputedStyle(b).lineHeight));
  const { height } = await button.evaluate((b) => {
    const range = document.createRange();
    range.selectNodeContents(b);
    return range.getBoundingClientRect();
  });
  expect(height).toBeLessThan(lineHeight * 1.5);
  await page.goto('/ko/articles/two-step-sign-in/');
  await expect(page.locator('.prose')).toHaveCSS('word-break', 'keep-all');
});

test('the focus ring in the header is white on the blue', async ({ page }) => {
  await page.goto('/en/articles/two-step-sign-in/');
  await page.keyboard.press('Tab'); // skip link
  await page.keyboard.press('Tab'); // brand
  const focused = page.locator('.brand');
  await expect(focused).toBeFocused();
  await expect(focused).toHaveCSS('outline-color', 'rgb(255, 255, 255)');
});

test.describe('with the system set to dark', () => {
  test.use({ colorScheme: 'dark' });

  test('pages turn dark with light text', async ({ page }) => {
    await page.goto('/en/articles/two-step-sign-in/');
    const luminance = (rgb: string) => {
      const [r, g, b] = rgb.match(/\d+/g)!.map(Number) as [number, number, number];
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    const background = await page.evaluate(
      () => getComputedStyle(document.documentElement).backgroundColor,
    );
    const text = await page
      .locator('.prose p')
      .first()
      .evaluate((p) => getComputedStyle(p).color);
    expect(luminance(background)).toBeLessThan(40);
    expect(luminance(text)).toBeGreaterThan(180);
  });
});

test('an article prints without the site around it, with its collapsed answers', async ({
  page,
}) => {
  await page.goto('/en/articles/two-step-sign-in/');
  const answer = page.locator('.prose details').first();
  await expect(answer).not.toHaveAttribute('open', '');
  const hiddenAnswer = answer.locator(':scope > :not(summary)').first();
  await expect(hiddenAnswer).toBeHidden();
  await page.emulateMedia({ media: 'print' });
  for (const selector of ['.site-header', '.site-footer', '.still-need-help', '.helpful', '.toc']) {
    await expect(page.locator(selector).first(), selector).toBeHidden();
  }
  await expect(page.locator('.article h1')).toBeVisible();
  await expect(hiddenAnswer).toBeVisible();
  // A real PDF comes out of it.
  const pdf = await page.pdf({ format: 'A4' });
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
});
