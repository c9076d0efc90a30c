import { expect, test, type Page } from '@playwright/test';
import type { Locale } from '../../src/i18n/locales.ts';
import { strings, textBefore } from './helpers.ts';

const cases: Array<{ locale: Locale; query: string; subject: string; message: string }> = [
  {
    locale: 'en',
    query: 'payment declined',
    subject: 'Payment for my lot',
    message: 'My card payment for lot 4411 was declined twice today.',
  },
  {
    locale: 'ru',
    query: 'оплата счёта',
    subject: 'Оплата счета',
    message: 'Не проходит оплата счёта за лот 4411, карта отклонена.',
  },
  {
    locale: 'ko',
    query: '결제를',
    subject: '결제를 못 했어요',
    message: '경매품 4411의 결제를 두 번 시도했지만 카드가 거절되었습니다.',
  },
];

async function fillForm(page: Page, subject: string, message: string, topic = 'payment') {
  await page.locator('#contact-email').fill('buyer@example.com');
  await page.locator('#contact-topic').selectOption(topic);
  await page.locator('#contact-subject').fill(subject);
  await page.locator('#contact-message').fill(message);
}

test('suggests an article that exists only in English, under its Russian title and marked', async ({
  page,
}) => {
  await page.goto('/ru/contact/');
  await page.locator('#contact-subject').fill('таможня берет пошлину за лот');
  const suggestion = page.locator('[data-suggestions] li', {
    has: page.locator('a[data-article="customs-and-import-duties"]'),
  });
  await expect(suggestion).toBeVisible();
  await expect(suggestion.locator('a')).toHaveAttribute('hreflang', 'en');
  await expect(suggestion.locator('.badge')).toHaveText(strings('ru')['search.inEnglish']!);
});

for (const { locale, query, subject, message } of cases) {
  test(`opens a ticket in ${locale} that carries the reader's context and says when we answer`, async ({
    page,
  }) => {
    await page.goto(`/${locale}/contact/?article=paying-for-lots&q=${encodeURIComponent(query)}`);
    const context = page.locator('[data-context]');
    await expect(context).toBeVisible();
    await expect(context).toContainText(query);
    // The service names the article the reader came from, in their language.
    const title = (
      await (await page.request.get(`/${locale}/articles/paying-for-lots/`)).text()
    ).match(/<h1[^>]*>([^<]+)<\/h1>/)![1]!;
    await expect(context).toContainText(title.trim());
    // Suggestions from the compact index, before and while the subject is typed.
    await page.locator('#contact-subject').fill(subject);
    await expect(page.locator('[data-suggestions] a').first()).toBeVisible();
    expect(await page.locator('[data-suggestions] a').count()).toBeLessThanOrEqual(5);
    // The quote, in the reader's language.
    await expect(page.locator('[data-quote]')).toContainText(
      textBefore(locale, 'contact.quote.normal'),
    );
    // Which channels are open, from the service.
    await expect(page.locator('[data-channel="email"] .channel__status')).not.toBeEmpty();

    await fillForm(page, subject, message);
    const [response] = await Promise.all([
      page.waitForResponse(
        (r) => r.url().endsWith('/api/tickets') && r.request().method() === 'POST',
      ),
      page.locator('.contact-form button[type="submit"]').click(),
    ]);
    expect(response.status()).toBe(201);
    const sent = JSON.parse(response.request().postData() ?? '{}') as Record<string, unknown>;
    expect(sent).toMatchObject({ locale, articleId: 'paying-for-lots', searchQuery: query });
    expect((sent['suggestedArticles'] as string[]).length).toBeGreaterThan(0);

    await expect(page).toHaveURL(new RegExp(`/${locale}/contact/sent/\\?ref=HB-[0-9A-Z]{8}$`));
    const reference = new URL(page.url()).searchParams.get('ref')!;
    await expect(page.locator('[data-ticket-reference]')).toHaveText(reference);
    await expect(page.locator('[data-ticket-due]')).toContainText(
      textBefore(locale, 'contact.sent.due'),
    );
  });
}

test('says when suggestions are unavailable, and the form still sends', async ({ page }) => {
  await page.route('**/api/suggestions?**', (route) => route.abort('connectionrefused'));
  await page.goto('/en/contact/?article=payouts');
  await fillForm(page, 'Where is my payout', 'My payout for lot 4411 has not arrived yet.');
  await expect(page.locator('[data-suggestions-unavailable]')).toHaveText(
    strings('en')['contact.suggestions.unavailable']!,
  );
  await expect(page.locator('[data-suggestions]')).toBeHidden();
  const [response] = await Promise.all([
    page.waitForResponse(
      (r) => r.url().endsWith('/api/tickets') && r.request().method() === 'POST',
    ),
    page.locator('.contact-form button[type="submit"]').click(),
  ]);
  expect(response.status()).toBe(201);
  // The article the reader came from still travels with the ticket, unnamed.
  expect(JSON.parse(response.request().postData() ?? '{}')).toMatchObject({ articleId: 'payouts' });
  await expect(page).toHaveURL(/\/en\/contact\/sent\//);
});

test('the contact page carries no list of articles, however many there are', async ({ page }) => {
  const html = await (await page.request.get('/en/contact/')).text();
  expect(html).not.toContain('data-articles');
  expect(html).not.toContain('paying-for-lots');
});

test('quotes the urgent target for an urgent topic', async ({ page }) => {
  await page.goto('/en/contact/');
  await page.locator('#contact-topic').selectOption('account-taken-over');
  await expect(page.locator('[data-quote]')).toContainText(
    textBefore('en', 'contact.quote.urgent'),
  );
});

test('never makes a second ticket when the first answer is lost and the visitor sends again', async ({
  page,
}) => {
  await page.goto('/en/contact/');
  await fillForm(page, 'Lost answer', 'The network dropped the answer to my first request.');
  let firstReference = '';
  // The service gets and stores the first request, but the browser never sees the answer.
  await page.route('**/api/tickets', async (route) => {
    const response = await route.fetch();
    firstReference = ((await response.json()) as { reference: string }).reference;
    await route.abort('connectionreset');
    await page.unroute('**/api/tickets');
  });
  await page.locator('.contact-form button[type="submit"]').click();
  await expect(page.locator('.error-summary')).toContainText(
    strings('en')['contact.errors.network']!,
  );
  expect(firstReference).toMatch(/^HB-/);
  await page.locator('.contact-form button[type="submit"]').click();
  await expect(page).toHaveURL(new RegExp(`ref=${firstReference}$`));
});

test('sends once when the button is clicked twice', async ({ page }) => {
  await page.goto('/en/contact/');
  await fillForm(page, 'Double click', 'I clicked the send button twice in a row.');
  const posts: string[] = [];
  page.on('request', (r) => {
    if (r.url().endsWith('/api/tickets') && r.method() === 'POST')
      posts.push(r.headers()['idempotency-key'] ?? '');
  });
  await page.locator('.contact-form button[type="submit"]').dblclick();
  await expect(page).toHaveURL(/\/en\/contact\/sent\//);
  expect(new Set(posts).size).toBe(1);
});

test('keeps what the visitor typed when they leave and come back', async ({ page }) => {
  await page.goto('/de/contact/');
  await page.locator('#contact-subject').fill('Versandkosten zu hoch');
  await page
    .locator('#contact-message')
    .fill('Die Versandkosten für mein Los sind höher als angegeben.');
  await page.waitForTimeout(500); // the draft is saved shortly after typing stops
  await page.reload();
  await expect(page.locator('#contact-subject')).toHaveValue('Versandkosten zu hoch');
  await expect(page.locator('.draft-note')).toBeVisible();
});

test('explains each invalid field in the reader’s language and moves focus to the summary', async ({
  page,
}) => {
  await page.goto('/fr/contact/');
  await page.locator('#contact-email').fill('not-an-email');
  await page.locator('.contact-form button[type="submit"]').click();
  const summary = page.locator('.error-summary');
  await expect(summary).toBeFocused();
  await expect(summary).toContainText(strings('fr')['contact.errors.email']!);
  await expect(page.locator('#contact-email')).toHaveAttribute('aria-invalid', 'true');
});

test('works without scripts: the form posts and the confirmation shows the reference and due time', async ({
  browser,
}) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/ko/contact/');
  await fillForm(page, '스크립트 없이 보내기', '스크립트를 끈 브라우저에서 문의를 보냅니다.');
  await page.locator('.contact-form button[type="submit"]').click();
  await expect(page).toHaveURL(/\/ko\/contact\/sent\/\?ref=HB-/);
  await expect(page.locator('[data-ticket-reference]')).toHaveText(/^HB-[0-9A-Z]{8}$/);
  await expect(page.locator('[data-ticket-due]')).toBeVisible();
  // Back to the form and send again: the page's own key makes the service return the same ticket.
  const reference = await page.locator('[data-ticket-reference]').textContent();
  await page.goBack();
  await expect(page.locator('#contact-subject')).toHaveValue('스크립트 없이 보내기');
  await page.locator('.contact-form button[type="submit"]').click();
  await expect(page.locator('[data-ticket-reference]')).toHaveText(reference!);
  await context.close();
});
