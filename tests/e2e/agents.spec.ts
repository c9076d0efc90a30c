import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { sourceBlocks } from '../../src/proposals/blocks.ts';
import { parseMdx } from '../../src/proposals/mdx-safety.ts';
import { agentsDistDir, strings, waitForMail } from './helpers.ts';

const contentDir = join(import.meta.dirname, '..', '..', 'content');

/** Signs in with an emailed link, as an agent who has no identity provider would. */
async function signInByEmail(page: Page, email: string, locale: 'en' | 'ko' | 'ru', next: string) {
  const t = strings(locale);
  await page.goto(next);
  await expect(page).toHaveURL(new RegExp(`/${locale}/sign-in/\\?next=`));
  const since = Date.now();
  await page.getByLabel(t['signIn.email.label']!).fill(email);
  await page.getByRole('button', { name: t['signIn.email.submit'] }).click();
  await expect(page.locator('[data-sign-in-status="sent"]')).toBeVisible();
  const mail = await waitForMail(email, since);
  const link = /https?:\/\/\S+\/sign-in\/confirm\/\?token=[\w-]+/.exec(mail.text)?.[0];
  expect(link, mail.text).toBeDefined();
  return { link: link!, mail, t };
}

test.describe('agents sign in', () => {
  test('through the identity provider, then flag a paragraph, propose an edit with a live preview, and find both in My feedback', async ({
    page,
  }) => {
    // A whole journey (single sign-on, flag, editor, preview, My feedback): alone it takes about
    // 10 s, but on a busy 2-core machine it has passed 30 s.
    test.slow();
    await page.goto('/agents/en/articles/refund-goodwill-authority/');
    await expect(page).toHaveURL(
      /\/en\/sign-in\/\?next=%2Fagents%2Fen%2Farticles%2Frefund-goodwill-authority%2F/,
    );

    // Sign-in round trips: every document request from the click to the article.
    const documents: string[] = [];
    page.on('request', (request) => {
      if (request.resourceType() === 'document') documents.push(request.url());
    });
    const started = Date.now();
    await page.getByRole('button', { name: 'Sign in with Hammerbid SSO' }).click();
    await page.locator('input[name="login"]').fill('agent.ana');
    await page.locator('input[name="password"]').fill('any');
    const atProvider = Date.now();
    await page.getByRole('button', { name: 'Sign-in' }).click();
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect(page).toHaveURL(/\/agents\/en\/articles\/refund-goodwill-authority\/$/);
    await expect(page.locator('[data-agent-name]')).toHaveText('Ana Agent');
    console.log(
      `single sign-on: ${documents.length} document requests (${documents.filter((u) => u.includes(':4398')).length} to the help centre), ` +
        `${Date.now() - started} ms in all, ${Date.now() - atProvider} ms after the provider's form`,
    );
    await expect(page.getByText('Internal · agents only')).toBeVisible();
    await expect(page.locator('.notice--internal')).toBeVisible();

    // Flag a paragraph.
    await page.getByRole('button', { name: 'Flag a passage' }).click();
    const paragraph = page.locator('.prose p.flaggable').nth(1);
    const quote = (await paragraph.innerText()).trim();
    await paragraph.click();
    const dialog = page.getByRole('dialog', { name: 'Flag this passage' });
    await expect(dialog.locator('[data-flag-quote]')).toHaveText(quote.replace(/\s+/g, ' '));
    await dialog.getByLabel('It is outdated').check();
    await dialog
      .getByLabel('What should it say? (optional)')
      .fill('The tier 1 limit went up in November <b>now</b>.');
    await dialog.getByLabel('Ticket that showed it (optional)').fill('HB-7K2M9Q0Z');
    await dialog.getByRole('button', { name: 'Send flag' }).click();
    await expect(page.locator('[data-flag-status]')).toContainText(/flag FL-[0-9A-Z]{8} is open/);
    await expect(page.locator('[data-open-flags]')).toHaveText('1 open flag on this article');

    // Propose an edit: the preview shows the change with the site's own components.
    await page.getByRole('link', { name: 'Propose an edit' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Propose an edit');
    const preview = page.frameLocator('iframe[name="proposal-preview"]');
    await expect(preview.locator('.prose .callout').first()).toBeVisible();
    await page.locator('.cm-content').click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type(
      '\n\nAgents log every goodwill gesture in the ticket, with its reason code.\n',
    );
    await expect(preview.locator('.prose')).toContainText(
      'Agents log every goodwill gesture in the ticket, with its reason code.',
    );
    await page.getByLabel('Note for the reviewer (optional)').fill('From ticket HB-7K2M9Q0Z');
    await page.getByRole('button', { name: 'Submit for review' }).click();
    await expect(page.locator('[data-editor-status]')).toContainText(
      /Submitted for review as PR-[0-9A-Z]{8}/,
    );

    await page.goto('/agents/en/feedback/');
    const proposals = page.locator('[data-my-proposals]');
    await expect(proposals).toContainText('Waiting for review');
    await expect(proposals).toContainText('From ticket HB-7K2M9Q0Z');
    const flags = page.locator('[data-my-flags]');
    await expect(flags).toContainText('The passage is unchanged.');
    await expect(flags).toContainText(quote.replace(/\s+/g, ' ').slice(0, 40));
    await expect(flags).toContainText('HB-7K2M9Q0Z');
    // What agents type is shown as text, never as markup.
    await expect(flags).toContainText('went up in November <b>now</b>.');
    await expect(flags.locator('b')).toHaveCount(0);
  });

  test('with an emailed link in Korean: opening the link uses nothing up, the button signs in, once', async ({
    page,
    request,
  }) => {
    const { link, mail, t } = await signInByEmail(
      page,
      'mia.agent@hammerbid.test',
      'ko',
      '/agents/ko/',
    );
    expect(mail.subject).toBe(strings('ko')['signIn.mail.subject']);
    // A mail scanner following the link gets the page, and the link still works afterwards.
    expect((await request.get(link)).status()).toBe(200);
    await page.goto(link);
    await page.getByRole('button', { name: t['signIn.confirm.submit'] }).click();
    await expect(page).toHaveURL(/\/agents\/ko\/$/);
    await expect(page.locator('[data-agent-name]')).toHaveText('Mia Agent');
    await expect(page.getByText(t['agents.marker']!)).toBeVisible();

    await page.goto('/agents/ko/feedback/');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(t['agents.feedback.title']!);

    // The same link a second time: refused, with the reason in Korean.
    await page.context().clearCookies();
    await page.goto(link);
    await page.getByRole('button', { name: t['signIn.confirm.submit'] }).click();
    await expect(page.locator('[data-sign-in-status="used"]')).toHaveText(t['signIn.status.used']!);
  });

  test('sign out ends the session: the internal pages ask to sign in again', async ({ page }) => {
    const { link, t } = await signInByEmail(page, 'rui.agent@hammerbid.test', 'ru', '/agents/ru/');
    await page.goto(link);
    await page.getByRole('button', { name: t['signIn.confirm.submit'] }).click();
    await expect(page.locator('[data-agent-name]')).toHaveText('Rui Agent');
    await page.getByRole('button', { name: t['agents.bar.signOut'], exact: true }).click();
    await expect(page.locator('[data-sign-in-status="signed-out"]')).toBeVisible();
    await page.goto('/agents/ru/');
    await expect(page).toHaveURL(/\/ru\/sign-in\//);
  });
});

test.describe('the agents’ help centre to someone not signed in', () => {
  const files = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? files(path) : [path];
    });

  test('every page redirects to sign-in; every other file (images, indexes, fragments, scripts) is 401', async ({
    request,
  }) => {
    const client = join(agentsDistDir, 'client');
    const all = files(client).map(
      (path) => `/agents/${relative(client, path).split('\\').join('/')}`,
    );
    const pick = (pattern: RegExp) => {
      const found = all.find((path) => pattern.test(path));
      expect(found, `a file like ${pattern} in the internal build`).toBeDefined();
      return found!;
    };
    const nonPages = [
      pick(/\/pagefind\/pagefind-entry\.json$/),
      pick(/\/pagefind\/fragment\/.+\.pf_fragment$/),
      pick(/\/pagefind\/index\/.+\.pf_index$/),
      pick(/\/search\/ko\.json$/),
      pick(/\/search\/en\.full\.json$/),
      pick(/\/_astro\/escalation-paths.*\.webp$/),
      pick(/\/_astro\/.+\.js$/),
      pick(/\/_astro\/.+\.css$/),
    ];
    for (const path of nonPages) {
      const response = await request.get(path, { maxRedirects: 0 });
      expect(response.status(), path).toBe(401);
      expect(await response.text(), path).not.toContain('INTERNAL-ONLY-MARKER');
    }
    const pages = [
      '/agents/',
      '/agents/en/',
      '/agents/en/articles/escalation-rules/',
      '/agents/ko/articles/agent-macros-payment/',
      '/agents/en/feedback/',
      '/agents/en/propose/payouts/',
      '/agents/en/new-article/',
      '/agents/en/404.html',
    ];
    for (const path of pages) {
      const response = await request.get(path, {
        maxRedirects: 0,
        headers: { Accept: 'text/html' },
      });
      expect(response.status(), path).toBe(302);
      expect(response.headers()['location'], path).toMatch(/^\/(en|ko)\/sign-in\/\?next=/);
      expect(await response.text(), path).toBe('');
    }
    const preview = await request.post('/agents/en/preview/', {
      maxRedirects: 0,
      form: { text: '---\ntitle: x\n---\n', articleId: 'payouts' },
    });
    expect([302, 401]).toContain(preview.status());
  });
});

test.describe('block keys', () => {
  test('the page and the service key every block of an article the same way, in every script', async ({
    page,
  }) => {
    const { link, t } = await signInByEmail(page, 'lena.lead@hammerbid.test', 'en', '/agents/en/');
    await page.goto(link);
    await page.getByRole('button', { name: t['signIn.confirm.submit'] }).click();
    for (const [locale, id] of [
      ['en', 'refund-goodwill-authority'],
      ['en', 'agent-macros-payment'],
      ['ko', 'escalation-rules'],
      ['ru', 'paying-for-lots'],
      ['de', 'payment-methods'],
    ] as const) {
      await page.goto(`/agents/${locale}/articles/${id}/`);
      await page.locator('[data-flag-start]').click();
      await expect(page.locator('.flaggable').first()).toBeVisible();
      const onPage = await page
        .locator('[data-block-key]')
        .evaluateAll((elements) =>
          elements.map((element) => (element as HTMLElement).dataset['blockKey']),
        );
      const source = readFileSync(join(contentDir, 'articles', locale, `${id}.mdx`), 'utf8');
      const inSource = sourceBlocks(parseMdx(source)).map((block) => block.key);
      expect(onPage, `${locale}/${id}`).toEqual(inSource);
    }
  });
});
