import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { instantOf, localMoment } from '../../src/lib/zoned-clock.ts';
import { strings } from './helpers.ts';

// The service quotes with the real clock; the browser's clock is pinned around that quote so that
// "today" and "tomorrow" are certain, whatever time the tests run at.

async function quotedDue(request: APIRequestContext, locale: string): Promise<string> {
  const response = await request.get(`/api/sla/quote?locale=${locale}&priority=normal`);
  return ((await response.json()) as { firstReply: { dueAt: string } }).firstReply.dueAt;
}

/** A minute past midnight of the due date in `zone` (so the due time is "today"), or a day before. */
function pinnedBefore(dueAt: string, zone: string, daysBefore: 0 | 1): number {
  return instantOf(localMoment(Date.parse(dueAt), zone).epochDay - daysBefore, 1, zone);
}

const clock = (instant: string, timeZone: string) =>
  new Intl.DateTimeFormat('en-GB', {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone,
  }).format(new Date(instant));

async function fillForm(page: Page, subject: string) {
  await page.locator('#contact-email').fill('buyer@example.com');
  await page.locator('#contact-topic').selectOption('payment');
  await page.locator('#contact-subject').fill(subject);
  await page.locator('#contact-message').fill('My card payment for lot 4411 was declined twice.');
}

async function send(page: Page) {
  await page.locator('.contact-form button[type="submit"]').click();
  await expect(page).toHaveURL(/\/contact\/sent\/\?ref=HB-/);
}

test.describe('a reader in Seoul', () => {
  test.use({ timezoneId: 'Asia/Seoul', locale: 'en-GB' });

  test('sees the quote, the confirmation and the hours in Korean time, with the team’s beside it', async ({
    page,
    request,
  }) => {
    const dueAt = await quotedDue(request, 'en');
    await page.clock.setFixedTime(pinnedBefore(dueAt, 'Asia/Seoul', 0));
    await page.goto('/en/contact/');

    const quote = page.locator('[data-quote]');
    await expect(quote).toContainText(
      `today at ${clock(dueAt, 'Asia/Seoul')} Korean Standard Time`,
    );
    await expect(quote).toContainText(/Central European (Standard|Summer) Time for our team\)/);

    // The table is rewritten in Seoul time, and Monday evening in Amsterdam is Tuesday night here.
    const zone = page.locator('[data-hours-zone]');
    await expect(zone).toContainText('your time zone, Korean Standard Time');
    await expect(zone).toContainText('Our team works in Central European Time');
    const email = page.locator('[data-channel="email"]');
    await expect(email.locator('tr[data-weekday="2"] td')).toHaveText(
      /^00:00–0[34]:00, 1[56]:00–24:00$/,
    );
    await expect(email.locator('tr[data-weekday="7"] td')).toHaveText('Closed');
    await expect(email.locator('.channel__status')).toContainText('Korean Standard Time');

    await fillForm(page, 'Payment declined');
    await send(page);
    const due = page.locator('[data-ticket-due]');
    await expect(due).toContainText(`today at ${clock(dueAt, 'Asia/Seoul')} Korean Standard Time`);
    await expect(due).toContainText(/Central European (Standard|Summer) Time for our team/);
  });

  test('reads the table in the team’s zone, named, without scripts', async ({ browser }) => {
    const context = await browser.newContext({
      javaScriptEnabled: false,
      timezoneId: 'Asia/Seoul',
    });
    const page = await context.newPage();
    await page.goto('/ko/contact/');
    await expect(page.locator('[data-hours-zone]')).toHaveText('운영 시간 기준: 중부유럽 시간');
    await expect(page.locator('[data-channel="email"] tr[data-weekday="1"] td')).toHaveText(
      '08:00–20:00',
    );
    await page.locator('#contact-email').fill('buyer@example.com');
    await page.locator('#contact-topic').selectOption('payment');
    await page.locator('#contact-subject').fill('스크립트 없이');
    await page.locator('#contact-message').fill('스크립트를 끈 브라우저에서 문의를 보냅니다.');
    await page.locator('.contact-form button[type="submit"]').click();
    // The server cannot know the reader's zone, so it names the team's.
    await expect(page.locator('[data-ticket-due]')).toContainText('중부유럽');
    await context.close();
  });
});

test.describe('a reader in Moscow', () => {
  test.use({ timezoneId: 'Europe/Moscow', locale: 'ru-RU' });

  test('is told "tomorrow" in Russian, in Moscow time', async ({ page, request }) => {
    const dueAt = await quotedDue(request, 'ru');
    await page.clock.setFixedTime(pinnedBefore(dueAt, 'Europe/Moscow', 1) + 12 * 3_600_000);
    await page.goto('/ru/contact/');
    const quote = page.locator('[data-quote]');
    await expect(quote).toContainText(
      `завтра в ${clock(dueAt, 'Europe/Moscow')} Москва, стандартное время`,
    );
    await expect(quote).toContainText('у нашей команды');
    await expect(page.locator('[data-hours-zone]')).toContainText('Москва, стандартное время');
  });

  test('gives the topic and the subject different labels', async ({ page }) => {
    await page.goto('/ru/contact/');
    const topic = await page.locator('label[for="contact-topic"]').textContent();
    const subject = await page.locator('label[for="contact-subject"]').textContent();
    expect(topic).not.toContain('Тема');
    expect(subject).toBe('Тема обращения');
  });
});

test.describe('a reader in London', () => {
  test.use({ timezoneId: 'Europe/London', locale: 'en-GB' });

  test('sees the hours an hour earlier, in United Kingdom time', async ({ page, request }) => {
    const dueAt = await quotedDue(request, 'en');
    await page.clock.setFixedTime(pinnedBefore(dueAt, 'Europe/London', 1) + 9 * 3_600_000);
    await page.goto('/en/contact/');
    await expect(page.locator('[data-hours-zone]')).toContainText(
      'your time zone, United Kingdom Time',
    );
    await expect(page.locator('[data-channel="phone"] tr[data-weekday="1"] td')).toHaveText(
      '08:00–16:00',
    );
    // The page asks for its own quote a moment later: read the instant it got, so a minute
    // passing between the two asks cannot fail the test.
    const quote = page.locator('[data-quote]');
    await expect(quote).toHaveAttribute('data-due-at', /Z$/);
    const shownDue = (await quote.getAttribute('data-due-at'))!;
    expect(Date.parse(shownDue) - Date.parse(dueAt)).toBeLessThan(5 * 60_000);
    await expect(quote).toContainText(
      new RegExp(
        `tomorrow at ${clock(shownDue, 'Europe/London')} (Greenwich Mean|British Summer) Time`,
      ),
    );
  });
});

test.describe('a reader in Amsterdam', () => {
  test.use({ timezoneId: 'Europe/Amsterdam' });

  test('is given one zone, the team’s, as their clocks agree', async ({ page }) => {
    await page.goto('/en/contact/');
    await expect(page.locator('[data-quote]')).toContainText(
      /Central European (Standard|Summer) Time/,
    );
    await expect(page.locator('[data-quote]')).not.toContainText('for our team');
    await expect(page.locator('[data-hours-zone]')).toHaveText(
      'Opening hours in Central European Time.',
    );
  });
});

for (const viewport of [
  { width: 1280, height: 900 },
  { width: 390, height: 844 },
]) {
  test(`keeps the subject field still while suggestions appear (${viewport.width}×${viewport.height})`, async ({
    page,
  }) => {
    await page.setViewportSize(viewport);
    await page.goto('/en/contact/');
    const subject = page.locator('#contact-subject');
    // Where a reader would have it: in the middle of the window, as on a tap into the field.
    await subject.evaluate((field) => field.scrollIntoView({ block: 'center' }));
    await subject.click();
    const before = await subject.boundingBox();
    await subject.pressSequentially('payment declined', { delay: 20 });
    await expect(page.locator('[data-suggestions] a').first()).toBeVisible();
    const after = await subject.boundingBox();
    expect(after).toEqual(before);
    expect(after!.y).toBeGreaterThanOrEqual(0);
    expect(after!.y + after!.height).toBeLessThanOrEqual(viewport.height);
  });
}

test('shows the phone number as a link that dials it, and no phone for Korean', async ({
  page,
}) => {
  await page.goto('/en/contact/');
  const link = page.locator('[data-channel="phone"] a[data-phone]');
  await expect(link).toHaveText('+44 20 7946 0321');
  await expect(link).toHaveAttribute('href', 'tel:+442079460321');
  await page.goto('/ko/contact/');
  await expect(page.locator('[data-channel="phone"] a[href^="tel:"]')).toHaveCount(0);
  await expect(page.locator('[data-channel="phone"]')).toContainText('이 페이지의 문의 양식');
});

test('says a request was already sent when the reader comes Back to the filled form', async ({
  page,
}) => {
  await page.goto('/en/contact/');
  await fillForm(page, 'Sent once already');
  await send(page);
  const reference = new URL(page.url()).searchParams.get('ref')!;
  await page.goBack();
  await expect(page.locator('#contact-subject')).toHaveValue('Sent once already');
  const note = page.locator('[data-sent-note]');
  await expect(note).toBeVisible();
  await expect(note).toContainText(`You already sent this request today at`);
  await expect(note).toContainText(`(reference ${reference})`);
  await expect(note.locator('a')).toHaveText(strings('en')['contact.sent.againLink']!);
  await expect(note.locator('a')).toHaveAttribute('href', `/en/contact/sent/?ref=${reference}`);
  expect(await page.evaluate(() => localStorage.getItem('hc-contact-draft:en'))).toBeNull();
  // A new request typed in the same tab is no longer "already sent".
  await page.locator('#contact-subject').fill('Another question');
  await page.reload();
  await expect(note).toBeHidden();
});
