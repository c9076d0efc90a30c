/**
 * The release's accessibility smoke check: axe in headless Chromium on a sample of the public
 * build (home, a category and an article in en, ru and ko), served from the release folder on a
 * loopback port. Serious or critical violations fail the release. Where Chromium or the test
 * tools are not installed (a production box installed without dev dependencies), the check says
 * it was skipped and why, rather than pretending it passed.
 */
import { existsSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getRequestListener } from '@hono/node-server';
import type { CheckResult } from '../../releases/manifest.ts';
import { staticSite } from '../static-site.ts';

const samples = ['/{l}/', '/{l}/categories/buying/', '/{l}/articles/paying-for-lots/'];

export async function checkAccessibility(publicRoot: string): Promise<CheckResult> {
  const chromiumPath = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
  if (!existsSync(chromiumPath))
    return skipped(`Chromium is not at ${chromiumPath}; install it (apt-get install chromium) or set CHROMIUM_PATH`);
  let playwright: typeof import('@playwright/test');
  let AxeBuilder: typeof import('@axe-core/playwright').default;
  try {
    playwright = await import('@playwright/test');
    AxeBuilder = (await import('@axe-core/playwright')).default;
  } catch {
    return skipped('the test tools are not installed (npm install without --omit=dev)');
  }
  const site = staticSite(publicRoot);
  const server = createServer(getRequestListener(site.fetch));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const browser = await playwright.chromium.launch({
    executablePath: chromiumPath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  const problems: string[] = [];
  let pages = 0;
  try {
    const page = await (await browser.newContext()).newPage();
    for (const locale of ['en', 'ru', 'ko']) {
      for (const template of samples) {
        const path = template.replace('{l}', locale);
        await page.goto(origin + path);
        const { violations } = await new AxeBuilder({ page }).analyze();
        pages++;
        for (const violation of violations)
          if (violation.impact === 'serious' || violation.impact === 'critical')
            problems.push(`${path}: ${violation.id}: ${violation.help} (${violation.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')})`);
      }
    }
  } finally {
    await browser.close();
    server.close();
  }
  return {
    name: 'accessibility',
    status: problems.length ? 'failed' : 'passed',
    summary: problems.length ? `${problems.length} serious or critical axe violation(s)` : `axe: no serious or critical violations on ${pages} pages in en, ru and ko`,
    problems,
  };
}

function skipped(why: string): CheckResult {
  return { name: 'accessibility', status: 'skipped', summary: `not run: ${why}`, problems: [] };
}
