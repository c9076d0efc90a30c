import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { signInWithLink } from './helpers.ts';

const contentDir = process.env['E2E_CONTENT_DIR']!;
const article = (locale: string, id: string) =>
  readFileSync(join(contentDir, 'articles', locale, `${id}.mdx`), 'utf8');

async function signedIn(browser: Browser, email: string, next = '/agents/en/'): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signInWithLink(page, email, next);
  return page;
}

/** An agent's proposal through the API of their signed-in page: text edited from the current file. */
async function propose(
  page: Page,
  locale: string,
  id: string,
  edit: (text: string) => string,
): Promise<string> {
  const base = article(locale, id);
  const response = await page.request.post('/api/proposals', {
    data: { articleId: id, locale, text: edit(base), baseText: base, submit: true },
    headers: { Origin: new URL(page.url()).origin },
  });
  expect(response.status(), await response.text()).toBe(201);
  return ((await response.json()) as { proposal: { id: string } }).proposal.id;
}

async function publish(lead: Page): Promise<string> {
  await lead.goto('/agents/en/releases/');
  const started = Date.now();
  await lead.getByRole('button', { name: 'Publish now' }).click();
  await expect(lead.locator('[data-release-progress]')).toBeVisible();
  await expect(lead.locator('[data-progress-log]')).toContainText(
    'building the public help centre',
    { timeout: 60_000 },
  );
  await expect(lead.locator('[data-progress-status]')).toHaveText('The release finished.', {
    timeout: 180_000,
  });
  await lead.waitForURL(/\/agents\/en\/releases\/$/);
  const live = (await lead
    .locator('[data-release] .state--published')
    .first()
    .locator('xpath=..')
    .locator('strong')
    .textContent())!;
  console.log(
    `release ${live} published from the browser in ${((Date.now() - started) / 1000).toFixed(1)} s (both builds, checks with axe)`,
  );
  return live;
}

test.describe('from a proposal to the live site', () => {
  test.describe.configure({ mode: 'serial', timeout: 420_000 });

  test('an agent proposes, a lead reviews both diffs, accepts, publishes; the page changes; rollback brings the old text back', async ({
    browser,
  }) => {
    const lead = await signedIn(browser, 'lena.lead@hammerbid.test');
    const baseline = await publish(lead); // something to roll back to

    const agent = await signedIn(
      browser,
      'rui.agent@hammerbid.test',
      '/agents/en/articles/collecting-in-person/',
    );
    const sentence = 'Collection desks close at 17:00 on Saturdays.';
    await agent.getByRole('link', { name: 'Propose an edit' }).click();
    await agent.locator('.cm-content').click();
    await agent.keyboard.press('Control+End');
    await agent.keyboard.type(`\n\n${sentence}\n`);
    await agent.getByRole('button', { name: 'Submit for review' }).click();
    await expect(agent.locator('[data-editor-status]')).toContainText(
      /Submitted for review as PR-/,
    );
    const proposalId = /PR-[0-9A-Z]{8}/.exec(
      (await agent.locator('[data-editor-status]').textContent())!,
    )![0];

    await lead.goto('/agents/en/review/');
    await expect(lead.locator('[data-queue-proposals]')).toContainText(proposalId);
    await lead.locator(`[data-proposal="${proposalId}"] a`).click();
    await expect(lead.locator('[data-merge]')).toHaveAttribute('data-merge', 'clean');
    await expect(lead.locator('.source-diff')).toContainText(sentence);
    await expect(lead.locator('.rendered-diff .diff-added')).toContainText(sentence);
    await lead.getByRole('button', { name: 'Accept and commit' }).click();
    await expect(lead.locator('[data-state]')).toHaveText('Accepted');
    expect(article('en', 'collecting-in-person')).toContain(sentence);
    expect(
      execFileSync('git', ['log', '-1', '--format=%an|%cn|%B'], { cwd: contentDir }).toString(),
    ).toMatch(
      new RegExp(
        `^Rui Agent\\|Lena Lead\\|Update en/collecting-in-person: [\\s\\S]*Proposal: ${proposalId}`,
      ),
    );

    const before = await (await lead.request.get('/en/articles/collecting-in-person/')).text();
    expect(before).not.toContain(sentence);
    const release = await publish(lead);
    expect(release).not.toBe(baseline);
    expect(await (await lead.request.get('/en/articles/collecting-in-person/')).text()).toContain(
      sentence,
    );
    await lead.goto('/agents/en/feedback/');
    await agent.goto('/agents/en/feedback/');
    await expect(agent.locator(`[data-proposal="${proposalId}"]`)).toContainText('Published');

    await lead.goto('/agents/en/releases/');
    await lead.getByRole('button', { name: `Roll back to ${baseline}` }).click();
    await expect(lead.getByText('Rolled back: the previous release is live again.')).toBeVisible();
    expect(
      await (await lead.request.get('/en/articles/collecting-in-person/')).text(),
    ).not.toContain(sentence);
    await expect(lead.locator('[data-release-history]')).toContainText('rolled-back');
  });

  test('two proposals change the same paragraph: after the first is accepted, the lead resolves the conflict of the second in the page', async ({
    browser,
  }) => {
    const agent = await signedIn(browser, 'mia.agent@hammerbid.test', '/agents/ko/');
    const lead = await signedIn(browser, 'lena.lead@hammerbid.test');
    const line = /^The reserve applies to the hammer price only: .*$/m;
    const first = await propose(agent, 'en', 'reserve-prices', (t) =>
      t.replace(line, 'The reserve applies to the hammer price alone.'),
    );
    const second = await propose(agent, 'en', 'reserve-prices', (t) =>
      t.replace(line, 'The reserve counts the hammer price, never the premium or shipping.'),
    );

    await lead.goto(`/agents/en/review/${first}/`);
    await lead.getByRole('button', { name: 'Accept and commit' }).click();
    await expect(lead.locator('[data-state]')).toHaveText('Accepted');

    await lead.goto(`/agents/en/review/${second}/`);
    await expect(lead.locator('[data-merge]')).toHaveAttribute('data-merge', 'conflict');
    const conflict = lead.locator('[data-conflict="0"]');
    await expect(conflict).toContainText('The reserve applies to the hammer price alone.');
    await expect(conflict).toContainText(
      'The reserve counts the hammer price, never the premium or shipping.',
    );
    await conflict.getByLabel('Write it anew').check();
    await conflict
      .locator('textarea')
      .fill('The reserve counts the hammer price alone, never the premium or shipping.');
    await lead.getByRole('button', { name: 'Accept and commit' }).click();
    await expect(lead.locator('[data-state]')).toHaveText('Accepted');
    expect(article('en', 'reserve-prices')).toContain(
      'The reserve counts the hammer price alone, never the premium or shipping.',
    );
    expect(
      execFileSync('git', ['log', '-1', '--format=%B'], { cwd: contentDir }).toString(),
    ).toContain('Merge: resolved');
  });

  test('an accepted English change opens translation tasks that agents of those languages see', async ({
    browser,
  }) => {
    const agent = await signedIn(browser, 'rui.agent@hammerbid.test', '/agents/ru/');
    const lead = await signedIn(browser, 'lena.lead@hammerbid.test');
    const id = await propose(
      agent,
      'en',
      'shipping-costs',
      (t) => `${t}\nShipping is quoted before you bid.\n`,
    );
    await lead.goto(`/agents/en/review/${id}/`);
    await expect(lead.getByText('the translations of this article will be outdated')).toBeVisible();
    await lead.getByRole('button', { name: 'Accept and commit' }).click();
    await expect(lead.locator('[data-state]')).toHaveText('Accepted');
    await expect(lead.locator('[data-tasks-opened]')).toContainText('Русский');
    await agent.goto('/agents/ru/tasks/');
    const task = agent.locator('[data-task="shipping-costs"]');
    await expect(task).toContainText('Shipping is quoted before you bid.');
    await task.getByRole('link').click();
    await expect(agent).toHaveURL(/\/agents\/ru\/propose\/shipping-costs\/$/);
  });

  test('an agent cannot open the lead pages', async ({ browser }) => {
    const agent = await signedIn(browser, 'rui.agent@hammerbid.test', '/agents/ru/');
    for (const path of ['/agents/en/review/', '/agents/en/releases/', '/agents/en/freshness/']) {
      const response = await agent.goto(path);
      expect(response?.status(), path).toBe(403);
      await expect(agent.getByText('This page is for content leads.')).toBeVisible();
    }
  });
});
