// The Content-Security-Policy in a real browser: every page the help centre answers works with
// it (tabs, votes, Pagefind's WebAssembly search, contact suggestions, the agents' editor with its
// preview, single sign-on) and the browser reports no violation and no error.
import { expect, test, type Page } from '@playwright/test';
import { signInWithLink, strings } from './helpers.ts';

interface Trouble {
  kind: string;
  text: string;
  url: string;
}

/** Collects CSP violations (in every frame), console errors and uncaught errors of our pages. */
async function watch(page: Page): Promise<Trouble[]> {
  const troubles: Trouble[] = [];
  await page.exposeFunction('__reportViolation', (violation: Trouble) => troubles.push(violation));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const report = (window as unknown as { __reportViolation(v: unknown): void })
        .__reportViolation;
      report({
        kind: 'csp',
        text: `${event.effectiveDirective} blocked ${event.blockedURI || 'inline'} (${event.sample})`,
        url: event.documentURI,
      });
    });
  });
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    troubles.push({ kind: 'console', text: message.text(), url: message.location().url });
  });
  page.on('pageerror', (error) =>
    troubles.push({ kind: 'error', text: error.message, url: page.url() }),
  );
  return troubles;
}

/** Troubles on the help centre's own pages (the identity provider's pages are not ours). */
function onOurPages(troubles: Trouble[], origin: string): Trouble[] {
  return troubles.filter((trouble) => trouble.url === '' || trouble.url.startsWith(origin));
}

test.describe('the Content-Security-Policy in a browser', () => {
  test('readers’ pages work with it and nothing is blocked', async ({ page, baseURL }) => {
    const troubles = await watch(page);
    const t = strings('en');

    await page.goto('/');
    await expect(page).toHaveURL(/\/en\/$/);
    expect((await page.request.get('/en/')).headers()['content-security-policy']).toContain(
      'script-src',
    );

    // An article with tabs (an inline script, allowed by its hash) and the vote widget.
    await page.goto('/en/articles/payment-methods/');
    const tabs = page.locator('[role="tab"]');
    await expect(tabs.nth(1)).toBeVisible();
    await tabs.nth(1).click();
    await expect(tabs.nth(1)).toHaveAttribute('aria-selected', 'true');
    const widget = page.locator('[data-helpful]');
    await widget.getByRole('button', { name: t['helpful.yes'], exact: true }).click();
    await expect(widget.locator('#helpful-thanks')).toBeVisible();

    // Search: Pagefind compiles WebAssembly and starts a worker.
    await page.goto('/en/search/?q=payment');
    await expect(page.locator('#search-results')).toHaveAttribute('data-settled', 'payment', {
      timeout: 10_000,
    });
    await expect(page.locator('[data-search-result]').first()).toBeVisible();
    // The quick results of the header's search box, as a reader types.
    await page.goto('/en/');
    await page.locator('#home-search').fill('refund');
    await expect(page.locator('#home-search-results [role="option"]').first()).toBeVisible({
      timeout: 10_000,
    });

    // The contact form suggests articles from the suggestion index as the subject is typed.
    await page.goto('/en/contact/');
    await page.locator('#contact-subject').fill('Payment for my lot failed');
    await expect(page.locator('[data-suggestions] li').first()).toBeVisible({ timeout: 10_000 });

    expect(onOurPages(troubles, baseURL!)).toEqual([]);
  });

  test('the 404 page works with it', async ({ page, baseURL }) => {
    const troubles = await watch(page);
    const response = await page.goto('/en/articles/no-such-article/');
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await page.goto('/no-such-page/');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    // The browser logs the 404 status of the page itself; nothing else may appear.
    const others = onOurPages(troubles, baseURL!).filter(
      (trouble) => !/status of 404/.test(trouble.text),
    );
    expect(others).toEqual([]);
  });

  test('the agents’ pages and the proposal editor with its preview work with it', async ({
    page,
    baseURL,
  }) => {
    const troubles = await watch(page);
    await signInWithLink(page, 'mia.agent@hammerbid.test', '/agents/en/articles/escalation-rules/');
    await expect(page.locator('[data-agent-name]')).toHaveText('Mia Agent');

    await page.goto('/agents/en/search/?q=refund');
    await expect(page.locator('#search-results')).toHaveAttribute('data-settled', 'refund', {
      timeout: 10_000,
    });

    await page.goto('/agents/en/propose/payouts/');
    const preview = page.frameLocator('iframe[name="proposal-preview"]');
    await expect(preview.locator('.prose').first()).toBeVisible();
    await page.locator('.cm-content').click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type('\n\nA sentence typed under the policy.\n');
    await expect(preview.locator('.prose')).toContainText('A sentence typed under the policy.');

    expect(onOurPages(troubles, baseURL!)).toEqual([]);
  });

  test('single sign-on leaves for the identity provider and comes back', async ({
    page,
    baseURL,
  }) => {
    const troubles = await watch(page);
    await page.goto('/agents/en/');
    await expect(page).toHaveURL(/\/en\/sign-in\/\?next=/);
    const signIn = await page.request.get(page.url());
    expect(signIn.headers()['content-security-policy']).toMatch(
      /form-action 'self' http:\/\/localhost:\d+/,
    );
    await page.getByRole('button', { name: 'Sign in with Hammerbid SSO' }).click();
    await page.locator('input[name="login"]').fill('agent.ana');
    await page.locator('input[name="password"]').fill('any');
    await page.getByRole('button', { name: 'Sign-in' }).click();
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect(page).toHaveURL(/\/agents\/en\/$/);
    expect(onOurPages(troubles, baseURL!)).toEqual([]);
  });
});
