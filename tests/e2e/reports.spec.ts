import { expect, test } from '@playwright/test';
import { loadSupportConfig } from '../../src/server/support/load.ts';
import { signInWithLink, strings } from './helpers.ts';

/** The topic as a Russian lead reads it in the tables. */
const payouts = loadSupportConfig().topic('payouts')!.title.ru;

test.describe('reports', () => {
  test('a lead reads the reports in Russian, with charts, tables and CSV', async ({ page }) => {
    const t = strings('ru');
    // A ticket this week, so the tables have a row to show.
    const created = await page.request.post('/api/tickets', {
      data: {
        locale: 'ru',
        email: 'ivan@example.com',
        role: 'buyer',
        topic: 'payouts',
        subject: 'Когда придёт выплата?',
        message: 'Лот продан неделю назад, а выплаты всё нет.',
      },
    });
    expect(created.status(), await created.text()).toBe(201);

    await signInWithLink(page, 'lena.lead@hammerbid.test', '/agents/ru/reports/');
    await expect(page.getByRole('heading', { level: 1, name: t['reports.title'] })).toBeVisible();
    await expect(
      page.getByRole('heading', { level: 2, name: t['reports.section.sla'] }),
    ).toBeVisible();
    await expect(page.locator('svg.bar-chart')).toHaveCount(3);
    const topics = page.getByRole('table', { name: t['reports.table.topics'] });
    await expect(topics.getByRole('row').filter({ hasText: payouts })).toHaveCount(1);

    const csvLink = page.locator('[data-report-table="topics"] a[download]');
    const csv = await page.request.get((await csvLink.getAttribute('href'))!);
    expect(csv.status()).toBe(200);
    expect(csv.headers()['content-type']).toBe('text/csv; charset=utf-8');
    expect(await csv.text()).toContain(t['reports.column.topic']!);

    // Narrowed to one language through the form.
    await page
      .getByRole('combobox', { name: t['reports.filter.locale']!, exact: true })
      .selectOption('nl');
    await page.getByRole('button', { name: t['reports.filter.apply'] }).click();
    await expect(page).toHaveURL(/locale=nl/);
    await expect(topics.getByRole('row').filter({ hasText: payouts })).toHaveCount(0);
  });

  test('a team manager reads the reports in Korean, without readers’ comments', async ({
    page,
  }) => {
    const t = strings('ko');
    await signInWithLink(page, 'max.manager@hammerbid.test', '/agents/ko/reports/');
    await expect(page.getByRole('heading', { level: 1, name: t['reports.title'] })).toBeVisible();
    await expect(page.getByRole('table', { name: t['reports.pivot.sla'] })).toBeVisible();
    // Every figure of the table is one click away.
    const sla = page.getByRole('table', { name: t['reports.table.sla'], exact: true });
    await expect(sla).toBeHidden();
    await page
      .locator('[data-report-table="sla"]')
      .locator('xpath=ancestor::details')
      .locator('summary')
      .click();
    await expect(sla).toBeVisible();
    await expect(page.locator('[data-report-table="comments"]')).toHaveCount(0);
    await expect(page.getByRole('link', { name: t['agents.bar.review'] })).toBeHidden();
    expect((await page.goto('/agents/ko/review/'))?.status()).toBe(403);
  });

  test('an agent is refused the reports and their data', async ({ page }) => {
    await signInWithLink(page, 'mia.agent@hammerbid.test', '/agents/en/');
    const response = await page.goto('/agents/en/reports/');
    expect(response?.status()).toBe(403);
    await expect(page.getByText(strings('en')['reports.managersOnly']!)).toBeVisible();
    await expect(page.locator('table')).toHaveCount(0);
    expect((await page.request.get('/api/reports')).status()).toBe(403);
    expect((await page.request.get('/api/reports/comments.csv')).status()).toBe(403);
  });

  test('a reader is sent to sign in and gets no figures', async ({ page }) => {
    await page.goto('/agents/en/reports/');
    await expect(page).toHaveURL(/\/en\/sign-in\//);
    expect((await page.request.get('/api/reports')).status()).toBe(401);
  });
});
