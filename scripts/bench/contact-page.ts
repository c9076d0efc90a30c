// The contact page as a customer meets it, in headless Chromium against the real service: what it
// downloads before the first article suggestion under the subject (bytes as the service sends them, every request), its HTML
// alone, and how soon that suggestion is shown after the typing pause (the 250 ms debounce).
//   npm run bench:site                                  (runs this after the site figures)
//   node scripts/bench/contact-page.ts [--dist <dir>]   on its own, against dist/ or another build
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Browser, Page } from '@playwright/test';
import { startLocalService } from '../lib/local-service.ts';
import { kb, launchBenchBrowser, median, querySet, sum, transfers } from './search-page.ts';

const root = join(import.meta.dirname, '..', '..');
const debounceMs = 250;

/** Types a subject in one go and times the suggestions from the end of the debounce to the paint. */
async function suggestAndTime(page: Page, text: string): Promise<number> {
  return page.evaluate(
    async ({ text, debounceMs }) => {
      const input = document.querySelector<HTMLInputElement>('#contact-subject')!;
      const list = document.querySelector<HTMLElement>('[data-suggestions]')!;
      const shown = new Promise<number>((resolve) => {
        const observer = new MutationObserver(() => {
          if (list.dataset['settled'] !== text) return;
          observer.disconnect();
          requestAnimationFrame(() => resolve(performance.now()));
        });
        observer.observe(list, { attributes: true, attributeFilter: ['data-settled'] });
      });
      input.value = text;
      const typed = performance.now();
      input.dispatchEvent(new Event('input', { bubbles: true }));
      return (await shown) - (typed + debounceMs);
    },
    { text, debounceMs },
  );
}

export async function benchContact(dist = join(root, 'dist')): Promise<void> {
  const service = await startLocalService(dist);
  let browser: Browser | undefined;
  try {
    browser = await launchBenchBrowser();
    console.log(
      '\ncontact page, fresh browser: bytes sent before the first suggestion, and debounce → suggestion shown:',
    );
    for (const locale of ['en', 'nl', 'de', 'fr', 'it', 'es', 'ru', 'ko'] as const) {
      const context = await browser.newContext();
      const page = await context.newPage();
      const [first, ...rest] = querySet(locale);
      let html = 0;
      let firstMs = 0;
      const sizes = await transfers(page, async () => {
        await page.goto(`${service.url}/${locale}/contact/`);
        firstMs = await suggestAndTime(page, first!);
      });
      html = sizes.get(`/${locale}/contact/`) ?? 0;
      const later: number[] = [];
      for (const query of rest.slice(0, 10)) later.push(await suggestAndTime(page, query));
      console.log(
        `  ${locale}: ${kb(sum(sizes))} in ${sizes.size} requests before the first suggestion (HTML ${kb(html)}); ` +
          `first shown ${firstMs.toFixed(0)} ms after the debounce, then median ${median(later).toFixed(0)} ms (10 more)`,
      );
      await context.close();
    }
  } finally {
    await browser?.close();
    service.stop();
  }
}

if (import.meta.main) {
  const { values } = parseArgs({
    options: { dist: { type: 'string', default: join(root, 'dist') } },
  });
  await benchContact(resolve(values.dist));
}
