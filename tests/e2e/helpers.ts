import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locale } from '../../src/i18n/locales.ts';

const root = join(import.meta.dirname, '..', '..');

/** The UI strings of a locale, so tests assert the text readers really get. */
export function strings(locale: Locale): Record<string, string> {
  return JSON.parse(
    readFileSync(join(root, 'src', 'i18n', 'locales', `${locale}.json`), 'utf8'),
  ) as Record<string, string>;
}

/** The text of a UI string with its placeholders left out, for `toContainText`. */
export function textBefore(locale: Locale, key: string): string {
  return (strings(locale)[key] ?? key).split('{{')[0]!.trim();
}

export const distDir = join(root, 'dist');

/** The first mail to `address` that arrived at the test SMTP server after `since` (ms). */
export async function waitForMail(
  address: string,
  since: number,
  timeoutMs = 10_000,
): Promise<{ to: string[]; subject: string; text: string }> {
  const { readdirSync } = await import('node:fs');
  const dir = process.env['E2E_MAIL_DIR'];
  if (!dir)
    throw new Error('E2E_MAIL_DIR is not set: run the browser tests through playwright.config.ts');
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    for (const name of readdirSync(dir).sort()) {
      if (Number(name.split('-')[0]) < since) continue;
      const mail = JSON.parse(readFileSync(join(dir, name), 'utf8')) as {
        to: string[];
        subject: string;
        text: string;
      };
      if (mail.to.includes(address)) return mail;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`no mail to ${address} within ${timeoutMs} ms`);
}

export const agentsDistDir = join(root, 'dist-agents');

/** Signs a page in through an emailed link (people from tests/e2e/people.ts), landing on `next`. */
export async function signInWithLink(
  page: import('@playwright/test').Page,
  email: string,
  next = '/agents/en/',
): Promise<void> {
  const locale = (/^\/agents\/([a-z]{2})\//.exec(next)?.[1] ?? 'en') as Locale;
  const t = strings(locale);
  await page.goto(next);
  const since = Date.now();
  await page.getByLabel(t['signIn.email.label']!).fill(email);
  await page.getByRole('button', { name: t['signIn.email.submit'] }).click();
  await page.locator('[data-sign-in-status="sent"]').waitFor({ timeout: 10_000 });
  const mail = await waitForMail(email, since);
  const link = /https?:\/\/\S+\/sign-in\/confirm\/\?token=[\w-]+/.exec(mail.text)?.[0];
  if (!link) throw new Error(`no sign-in link in:\n${mail.text}`);
  await page.goto(link);
  await page.getByRole('button', { name: t['signIn.confirm.submit'] }).click();
  await page.waitForURL((url) => url.pathname === next);
}
