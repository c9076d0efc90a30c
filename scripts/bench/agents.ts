/**
 * What agent code costs, measured in Chromium against the real builds: the JavaScript a public
 * article page loads, and an internal article page before any interaction, after "Flag a
 * passage", and the proposal editor with its live preview. Raw and gzip bytes per step.
 * Not a test: the figures go in the notes.
 *   npm run bench:agents      (needs npm run build first)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Page } from '@playwright/test';
import { hashSecret, newSecret } from '../../src/server/auth/sessions.ts';
import { readServerEnv } from '../../src/server/env.ts';
import { silentLogger } from '../../src/server/log.ts';
import { startNodeServer } from '../../src/server/node.ts';
import { openSqliteStores } from '../../src/server/store/sqlite/index.ts';

const root = join(import.meta.dirname, '..', '..');
const dataDir = mkdtempSync(join(tmpdir(), 'hb-bench-agents-'));
const stores = openSqliteStores({ dataDir });
const { person } = await stores.people.add(
  { email: 'bench@hammerbid.test', role: 'agent' },
  { actor: 'cli', at: new Date().toISOString() },
);
const server = await startNodeServer({
  ...readServerEnv({
    PORT: '0',
    HOST: 'localhost',
    DATA_DIR: dataDir,
    DIST_DIR: join(root, 'dist'),
    AGENTS_DIST_DIR: join(root, 'dist-agents'),
  }),
  log: silentLogger,
});
// A sign-in link issued straight into the database; the browser confirms it like an agent would.
const token = newSecret();
await stores.signIn.issueToken({
  tokenHash: hashSecret(token),
  email: person.email,
  next: null,
  createdAt: new Date().toISOString(),
  expiresAt: new Date(Date.now() + 10 * 60 * 1000).toISOString(),
});
await stores.close();

const browser = await chromium.launch({
  executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});
const page = await browser.newPage();
await page.goto(`${server.url}/en/sign-in/confirm/?token=${token}`);
await page.locator('form[action$="/confirm"] button').click();
await page.waitForURL(/\/agents\/en\/$/);

type Loaded = { url: string; raw: number; gzip: number };
let scripts: Loaded[] = [];
page.on('response', async (response) => {
  if (response.request().resourceType() !== 'script') return;
  const body = await response.body().catch(() => Buffer.alloc(0));
  scripts.push({
    url: new URL(response.url()).pathname,
    raw: body.length,
    gzip: gzipSync(body).length,
  });
});

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
async function step(label: string, action: (page: Page) => Promise<void>) {
  scripts = [];
  await action(page);
  await page.waitForLoadState('networkidle');
  const raw = scripts.reduce((sum, s) => sum + s.raw, 0);
  const gzip = scripts.reduce((sum, s) => sum + s.gzip, 0);
  console.log(`${label}: ${scripts.length} scripts, ${kb(raw)} raw, ${kb(gzip)} gzip`);
  for (const script of scripts)
    console.log(`    ${script.url} ${kb(script.raw)} (${kb(script.gzip)} gzip)`);
}

await step('public article page, before interaction', (p) =>
  p.goto(`${server.url}/en/articles/paying-for-lots/`).then(() => undefined),
);
await step('internal article page, before interaction (open flags counted when idle)', (p) =>
  p.goto(`${server.url}/agents/en/articles/escalation-rules/`).then(() => undefined),
);
await step('  … after "Flag a passage"', (p) => p.locator('[data-flag-start]').click());
await step('proposal editor with live preview (CodeMirror)', (p) =>
  p.goto(`${server.url}/agents/en/propose/escalation-rules/`).then(() => undefined),
);

await browser.close();
await server.close();
rmSync(dataDir, { recursive: true, force: true });
