import { defineConfig, devices } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// Browser tests run against the real build (dist/) served by the real service, with a fresh
// database, in the system's headless Chromium (no browser downloads on these machines).
const port = Number(process.env['E2E_PORT'] ?? 4398);
// Exported so test workers (which load this file again) read the same database.
const dataDir = (process.env['E2E_DATA_DIR'] ??= mkdtempSync(join(tmpdir(), 'hc-e2e-data-')));
// Set once here and inherited by the server and the test workers: where received mail lands.
process.env['E2E_MAIL_DIR'] ??= join(tmpdir(), `hc-e2e-mail-${port}`);
process.env['E2E_CONTENT_DIR'] ??= join(tmpdir(), `hc-e2e-content-${port}`, 'content');
// Inside the project: the agents' pages of a release load packages from its node_modules.
process.env['E2E_RELEASES_DIR'] ??= join(import.meta.dirname, '.test-releases', `e2e-${port}`);

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  timeout: 30_000,
  reporter: process.env['PLAYWRIGHT_JSON_OUTPUT_NAME'] ? [['list'], ['json']] : [['list']],
  use: {
    baseURL: `http://localhost:${port}`,
    trace: 'off',
    launchOptions: {
      executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
      ],
    },
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'] } }],
  webServer: {
    // The help centre with a real SMTP server and a real OpenID provider beside it.
    command: 'node tests/e2e/stack.ts',
    url: `http://localhost:${port}/api/health`,
    reuseExistingServer: false,
    timeout: 60_000,
    env: {
      PORT: String(port),
      HOST: 'localhost',
      DATA_DIR: dataDir,
      TICKET_RATE_LIMIT_MAX: '1000',
      // The same people sign in again and again in these tests.
      SIGN_IN_LINKS_PER_ADDRESS: '200',
      SIGN_IN_LINKS_PER_CLIENT: '1000',
      E2E_MAIL_DIR: process.env['E2E_MAIL_DIR'],
      E2E_CONTENT_DIR: process.env['E2E_CONTENT_DIR'],
      E2E_RELEASES_DIR: process.env['E2E_RELEASES_DIR'],
      E2E_SMTP_PORT: String(port - 2),
      E2E_OIDC_PORT: String(port - 1),
    },
  },
});
