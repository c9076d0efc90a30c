import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';

const pages = [
  '/{l}/',
  '/{l}/categories/buying/',
  '/{l}/articles/paying-for-lots/',
  '/{l}/search/?q=bid',
  '/{l}/contact/',
];

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`in the ${colorScheme} theme`, () => {
    test.use({ colorScheme });
    for (const locale of ['en', 'ru', 'ko']) {
      for (const template of pages) {
        defineAxeTest(template.replace('{l}', locale));
      }
    }
  });
}

function defineAxeTest(path: string): void {
  test(`has no serious or critical accessibility violations on ${path}`, async ({ page }) => {
    await page.goto(path);
    await page.waitForLoadState('networkidle');
    const { violations } = await new AxeBuilder({ page }).analyze();
    const serious = violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map(
        (v) =>
          `${v.id}: ${v.help} (${v.nodes
            .map((n) => n.target.join(' '))
            .slice(0, 3)
            .join(', ')})`,
      );
    expect(serious).toEqual([]);
  });
}

test('shows a visible focus ring on links and buttons', async ({ page }) => {
  await page.goto('/en/');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
  expect(outline).not.toBe('none');
});
