// What the browser tells the service about searches and the contact page, read back from the
// database the service writes (E2E_DATA_DIR, set by playwright.config.ts).
import { expect, test, type Page } from '@playwright/test';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';

type Row = Record<string, unknown>;

function eventsOf(visit: string): Row[] {
  const dir = process.env['E2E_DATA_DIR'];
  if (!dir)
    throw new Error('E2E_DATA_DIR is not set: run the browser tests through playwright.config.ts');
  const db = new DatabaseSync(join(dir, 'tickets.sqlite'), { readOnly: true });
  try {
    return db
      .prepare(
        `SELECT kind, source, locale, query, results, rank, article_id, articles
         FROM reader_events WHERE visit = ? ORDER BY id`,
      )
      .all(visit) as Row[];
  } finally {
    db.close();
  }
}

/** Waits until the visit's stored events include every kind given. */
async function storedEvents(visit: string, kinds: string[]): Promise<Row[]> {
  let rows: Row[] = [];
  await expect
    .poll(
      () => {
        rows = eventsOf(visit);
        return kinds.every((kind) => rows.some((row) => row.kind === kind));
      },
      { timeout: 10_000 },
    )
    .toBe(true);
  return rows;
}

const visitOf = (page: Page) => page.evaluate(() => sessionStorage.getItem('hc-visit') ?? '');

test('a search on the search page and the result opened from it are stored, with its rank', async ({
  page,
}) => {
  await page.goto('/en/search/?q=shipping%20costs');
  await expect(page.locator('#search-results')).toHaveAttribute('data-settled', 'shipping costs');
  const cards = page.locator('[data-search-result]');
  const second = (await cards.nth(1).getAttribute('data-search-result'))!;
  const total = await cards.count();
  const visit = await visitOf(page);
  expect(visit).toMatch(/^[0-9a-f-]{36}$/);
  // No cookie and nothing in localStorage for a reader.
  expect(await page.context().cookies()).toEqual([]);
  expect(await page.evaluate(() => localStorage.length)).toBe(0);

  await cards.nth(1).locator('a').click();
  await page.waitForURL(`**/en/articles/${second}/`);
  const rows = await storedEvents(visit, ['search', 'open']);
  expect(rows.find((row) => row.kind === 'search')).toMatchObject({
    source: 'search',
    locale: 'en',
    query: 'shipping costs',
  });
  expect(Number(rows.find((row) => row.kind === 'search')!.results)).toBeGreaterThanOrEqual(total);
  expect(rows.find((row) => row.kind === 'open')).toMatchObject({
    source: 'search',
    query: 'shipping costs',
    rank: 2,
    article_id: second,
  });
});

test('a settled search that is never clicked is stored once, masked before it is kept', async ({
  page,
}) => {
  await page.goto('/en/search/');
  await page.locator('#search-page-input').fill('refund for lot 12345 anna@example.com');
  await expect(page.locator('#search-results')).toHaveAttribute(
    'data-settled',
    'refund for lot 12345 anna@example.com',
  );
  const visit = await visitOf(page);
  await page.waitForTimeout(1500); // the reader pauses: the query is settled
  await page.goto('/en/'); // leaving the page sends what is queued
  const rows = await storedEvents(visit, ['search']);
  expect(rows.filter((row) => row.kind === 'search')).toEqual([
    expect.objectContaining({ source: 'search', query: 'refund for [lot] [email]' }),
  ]);
});

test('the quick search in the header stores the query and the option opened', async ({ page }) => {
  await page.goto('/en/categories/buying/');
  const box = page.locator('header input[role="combobox"]');
  await box.click();
  await box.pressSequentially('payment methods', { delay: 20 });
  const first = page.locator('header [role="option"][data-article]').first();
  await expect(first).toBeVisible();
  const article = (await first.getAttribute('data-article'))!;
  const visit = await visitOf(page);
  await box.press('ArrowDown');
  await box.press('Enter');
  await page.waitForURL(`**/en/articles/${article}/`);
  const rows = await storedEvents(visit, ['search', 'open']);
  expect(rows.find((row) => row.kind === 'open')).toMatchObject({
    source: 'quick',
    query: 'payment methods',
    rank: 1,
    article_id: article,
  });
  expect(rows.filter((row) => row.kind === 'search').at(-1)).toMatchObject({
    source: 'quick',
    query: 'payment methods',
  });
});

test('the contact page stores the view, the suggestions shown and the one opened', async ({
  page,
}) => {
  await page.goto('/en/contact/');
  await page.locator('#contact-subject').fill('When do I get the money for my sold lot');
  const links = page.locator('[data-suggestions] a[data-article]');
  await expect(links.first()).toBeVisible();
  await expect(page.locator('[data-suggestions]')).toHaveAttribute(
    'data-settled',
    'When do I get the money for my sold lot',
  );
  const shown = await links.evaluateAll((all) =>
    all.map((a) => (a as HTMLElement).dataset['article']!),
  );
  const visit = await visitOf(page);
  await links.first().click();
  await page.waitForURL(`**/articles/${shown[0]}/`);
  const rows = await storedEvents(visit, ['contact-view', 'suggestions-shown', 'search', 'open']);
  expect(rows[0]).toMatchObject({ kind: 'contact-view', source: 'contact', locale: 'en' });
  const suggested = rows.filter((row) => row.kind === 'suggestions-shown').at(-1)!;
  expect(JSON.parse(suggested.articles as string)).toEqual(shown);
  expect(rows.find((row) => row.kind === 'search')).toMatchObject({
    source: 'contact',
    query: 'when do i get the money for my sold lot',
    results: shown.length,
  });
  expect(rows.find((row) => row.kind === 'open')).toMatchObject({
    source: 'contact',
    rank: 1,
    article_id: shown[0],
  });
  expect(rows.some((row) => row.kind === 'ticket-sent')).toBe(false);
});

test('a ticket sent from the contact page is stored as ticket-sent for the visit', async ({
  page,
}) => {
  await page.goto('/en/contact/');
  await page.locator('#contact-email').fill('buyer@example.com');
  await page.locator('#contact-topic').selectOption('payment');
  await page.locator('#contact-subject').fill('Card declined twice');
  await page.locator('#contact-message').fill('My card was declined twice when I paid for a lot.');
  const visit = await visitOf(page);
  await page.locator('.contact-form button[type="submit"]').click();
  await page.waitForURL(/\/en\/contact\/sent\//);
  const rows = await storedEvents(visit, ['contact-view', 'ticket-sent']);
  expect(rows.filter((row) => row.kind === 'ticket-sent')).toHaveLength(1);
});
