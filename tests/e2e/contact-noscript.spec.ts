// The contact form in a browser without scripts, when the service refuses what was sent: the
// reader is back on the contact page of their language with everything they typed and what to fix.
import { expect, test } from '@playwright/test';
import type { Locale } from '../../src/i18n/locales.ts';
import { strings } from './helpers.ts';

test.use({ javaScriptEnabled: false });

const cases: Array<{ locale: Locale; name: string; subject: string; message: string }> = [
  {
    locale: 'ko',
    name: '김민지 "<b>민지</b>"',
    subject: '정산금이 <script>아직</script> 안 들어왔어요',
    message:
      '경매품 4411의 판매 대금이 "일주일" 넘게 들어오지 않았습니다.\n확인 부탁드립니다 & 감사합니다.',
  },
  {
    locale: 'ru',
    name: "Мин Джи '<i>'",
    subject: 'Выплата <script>не пришла</script>',
    message:
      'Выплата за лот 4411 не пришла уже неделю.\nПроверьте, пожалуйста: "срочно" & спасибо.',
  },
];

for (const { locale, name, subject, message } of cases) {
  test(`in ${locale}, an address without a full domain comes back explained, with the text kept, and the fixed form is sent`, async ({
    page,
  }) => {
    const t = strings(locale);
    await page.goto(`/${locale}/contact/`);
    const builtTitle = await page.title();
    await page.locator('#contact-email').fill('minji@gmail');
    await page.locator('#contact-name').fill(name);
    await page.locator('input[name="role"][value="seller"]').check();
    await page.locator('#contact-topic').selectOption('payouts');
    await page.locator('#contact-subject').fill(subject);
    await page.locator('#contact-message').fill(message);
    await page.locator('.contact-form button[type="submit"]').click();

    // The same page, in the reader's language, saying what to fix.
    await expect(page).toHaveTitle(t['contact.errors.pageTitle']!.replace('{{title}}', builtTitle));
    const summary = page.locator('.error-summary');
    await expect(summary).toBeVisible();
    await expect(summary).toBeFocused();
    await expect(summary).toContainText(t['contact.errors.heading']!);
    const link = summary.getByRole('link', { name: t['contact.errors.emailDomain'] });
    await expect(link).toHaveAttribute('href', '#contact-email');
    await expect(page.locator('#contact-email-error')).toHaveText(t['contact.errors.emailDomain']!);
    await expect(page.locator('#contact-email')).toHaveAttribute('aria-invalid', 'true');
    await expect(page.locator('#contact-email')).toHaveAccessibleDescription(
      t['contact.errors.emailDomain']!,
    );
    await expect(page.locator('#contact-subject-error')).toBeHidden();

    // Every word the reader typed, as typed.
    await expect(page.locator('#contact-email')).toHaveValue('minji@gmail');
    await expect(page.locator('#contact-name')).toHaveValue(name);
    await expect(page.locator('input[name="role"][value="seller"]')).toBeChecked();
    await expect(page.locator('#contact-topic')).toHaveValue('payouts');
    await expect(page.locator('#contact-subject')).toHaveValue(subject);
    await expect(page.locator('#contact-message')).toHaveValue(message);

    // Fixed and sent again: the confirmation page with the reference.
    await page.locator('#contact-email').fill('minji@gmail.com');
    await page.locator('.contact-form button[type="submit"]').click();
    await expect(page).toHaveURL(new RegExp(`/${locale}/contact/sent/\\?ref=HB-[0-9A-Z]{8}$`));
    const reference = new URL(page.url()).searchParams.get('ref')!;
    await expect(page.locator('[data-ticket-reference]')).toHaveText(reference);
    await expect(page.locator('[data-ticket-due]')).toBeVisible();
  });
}
