import { expect, test, type Page } from '@playwright/test';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import type { Locale } from '../../src/i18n/locales.ts';
import { signInWithLink, strings } from './helpers.ts';

/** The votes the server stored for an article page (read-only, beside the running server). */
function storedVotes(articleId: string, locale: Locale): Array<Record<string, unknown>> {
  const dataDir = process.env['E2E_DATA_DIR'];
  if (!dataDir) throw new Error('E2E_DATA_DIR is not set: run through playwright.config.ts');
  const db = new DatabaseSync(join(dataDir, 'tickets.sqlite'), { readOnly: true });
  try {
    return db
      .prepare('SELECT * FROM votes WHERE article_id = ? AND locale = ? ORDER BY id')
      .all(articleId, locale) as Array<Record<string, unknown>>;
  } finally {
    db.close();
  }
}

async function revisionOn(page: Page): Promise<string> {
  return page.locator('[data-helpful-ask] input[name="revision"]').inputValue();
}

test.describe('with scripts', () => {
  test('"yes" thanks the reader in place, without leaving the page, and stores the vote', async ({
    page,
  }) => {
    const t = strings('en');
    await page.goto('/en/articles/paying-for-lots/');
    const navigations: string[] = [];
    page.on('framenavigated', (frame) => navigations.push(frame.url()));
    const widget = page.locator('[data-helpful]');
    await expect(widget.getByRole('heading', { name: t['helpful.heading'] })).toBeVisible();
    await widget.getByRole('button', { name: t['helpful.yes'], exact: true }).click();
    await expect(widget.locator('#helpful-thanks')).toBeVisible();
    await expect(widget.locator('[data-helpful-status]')).toHaveText(t['helpful.thanks']!);
    await expect(widget.locator('[data-helpful-ask]')).toBeHidden();
    await expect(widget).toBeFocused();
    expect(navigations).toEqual([]);
    expect(page.url()).toMatch(/\/en\/articles\/paying-for-lots\/$/);
    const revision = await revisionOn(page);
    expect(storedVotes('paying-for-lots', 'en')).toEqual([
      expect.objectContaining({ helpful: 1, revision, audience: 'public' }),
    ]);
  });

  test('"no" asks why in place, then stores the reason and comment with the same vote', async ({
    page,
  }) => {
    const t = strings('ko');
    await page.goto('/ko/articles/payment-methods/');
    const navigations: string[] = [];
    page.on('framenavigated', (frame) => navigations.push(frame.url()));
    const widget = page.locator('[data-helpful]');
    await widget.getByRole('button', { name: t['helpful.no'], exact: true }).click();
    const why = widget.locator('[data-helpful-why]');
    await expect(why).toBeVisible();
    await expect(why.getByRole('radio').first()).toBeFocused();
    await expect
      .poll(() => storedVotes('payment-methods', 'ko'))
      .toEqual([expect.objectContaining({ helpful: 0, reason: null })]);
    await why.getByLabel(t['helpful.reason.missing-information']!).check();
    await why
      .getByLabel(t['helpful.comment.label']!)
      .fill('카드 결제를 어떻게 하나요? <b>굵게</b>');
    await why.getByRole('button', { name: t['helpful.send'] }).click();
    await expect(widget.locator('#helpful-thanks')).toBeVisible();
    await expect(why).toBeHidden();
    await expect(widget.locator('[data-helpful-status]')).toHaveText(t['helpful.thanks']!);
    expect(navigations).toEqual([]);
    expect(storedVotes('payment-methods', 'ko')).toEqual([
      expect.objectContaining({
        helpful: 0,
        reason: 'missing-information',
        comment: '카드 결제를 어떻게 하나요? <b>굵게</b>',
      }),
    ]);
  });

  test('a refusal is shown in the reader’s language and the answer can be sent again', async ({
    page,
  }) => {
    const t = strings('ru');
    let refuse = true;
    await page.route('**/api/votes', (route) =>
      refuse
        ? route.fulfill({
            status: 429,
            contentType: 'application/problem+json',
            body: JSON.stringify({ type: '/problems/rate-limited', status: 429, errors: [] }),
          })
        : route.continue(),
    );
    await page.goto('/ru/articles/seller-fees/');
    const widget = page.locator('[data-helpful]');
    const yes = widget.getByRole('button', { name: t['helpful.yes'], exact: true });
    await yes.click();
    await expect(widget.getByRole('alert')).toHaveText(t['helpful.error.rateLimited']!);
    await expect(yes).toBeVisible();
    refuse = false;
    await yes.click();
    await expect(widget.locator('#helpful-thanks')).toBeVisible();
    await expect(widget.getByRole('alert')).toBeHidden();
  });

  test('loads nothing more than its loader until the reader reaches for it', async ({ page }) => {
    const scripts: string[] = [];
    page.on('request', (request) => {
      if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
    });
    const island = () => scripts.some((path) => /\/_astro\/vote\.[\w-]+\.js$/.test(path));
    await page.goto('/en/articles/seller-fees/');
    await page.waitForLoadState('networkidle');
    expect(scripts.some((path) => path.includes('WasThisHelpful'))).toBe(true);
    expect(island()).toBe(false);
    await page.locator('[data-helpful] button').first().hover();
    await expect.poll(island).toBe(true);
  });

  test('an agent votes on the agents’ help centre, and a lead sees the tally there', async ({
    page,
  }) => {
    const t = strings('en');
    await signInWithLink(page, 'lena.lead@hammerbid.test', '/agents/en/articles/fraud-signals/');
    const widget = page.locator('[data-helpful]');
    await widget.getByRole('button', { name: t['helpful.yes'], exact: true }).click();
    await expect(widget.locator('#helpful-thanks')).toBeVisible();
    expect(storedVotes('fraud-signals', 'en')).toEqual([
      expect.objectContaining({ helpful: 1, audience: 'internal' }),
    ]);
    await page.reload();
    const tally = page.locator('[data-helpful-tally]');
    await expect(tally.getByRole('heading', { name: t['helpful.tally.heading'] })).toBeVisible();
    await expect(tally.locator('[data-tally-counts]')).toHaveText(
      t['helpful.tally.counts']!.replace('{{yes}}', '1').replace('{{no}}', '0'),
    );
  });
});

test.describe('without scripts', () => {
  test.use({ javaScriptEnabled: false });

  test('the form posts, and the page comes back at the reason form, then at thanks', async ({
    page,
  }) => {
    const t = strings('ru');
    await page.goto('/ru/articles/paying-for-lots/');
    const widget = page.locator('[data-helpful]');
    await expect(widget.locator('#helpful-why')).toBeHidden();
    await widget.getByRole('button', { name: t['helpful.no'], exact: true }).click();
    await page.waitForURL(/\/ru\/articles\/paying-for-lots\/#helpful-why$/);
    const why = widget.locator('#helpful-why');
    await expect(why).toBeVisible();
    await expect(widget.locator('[data-helpful-ask]')).toBeHidden();
    await why.getByLabel(t['helpful.reason.unclear']!).check();
    await why.getByLabel(t['helpful.comment.label']!).fill('Не понял, где ввести номер карты.');
    await why.getByRole('button', { name: t['helpful.send'] }).click();
    await page.waitForURL(/#helpful-thanks$/);
    await expect(widget.locator('#helpful-thanks')).toBeVisible();
    await expect(widget.locator('#helpful-thanks')).toHaveText(t['helpful.thanks']!);
    await expect(why).toBeHidden();
    const revision = await revisionOn(page);
    expect(storedVotes('paying-for-lots', 'ru')).toEqual([
      expect.objectContaining({
        helpful: 0,
        reason: 'unclear',
        comment: 'Не понял, где ввести номер карты.',
        revision,
      }),
    ]);
  });

  test('"yes" comes back with the thanks shown', async ({ page }) => {
    const t = strings('de');
    await page.goto('/de/articles/paying-for-lots/');
    await page
      .locator('[data-helpful]')
      .getByRole('button', { name: t['helpful.yes'], exact: true })
      .click();
    await page.waitForURL(/#helpful-thanks$/);
    await expect(page.locator('#helpful-thanks')).toBeVisible();
    expect(storedVotes('paying-for-lots', 'de')).toEqual([expect.objectContaining({ helpful: 1 })]);
  });
});
