import { defineConfig } from 'vitest/config';

// Unit tests (pure logic) and service tests (the real server on a real SQLite file, and the
// store contract suites on SQLite and on a real PostgreSQL server).
// Browser tests are Playwright's, under tests/e2e.
export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/service/**/*.test.ts'],
    // One PostgreSQL server for the store contract suites (tests/service/stores/).
    globalSetup: ['tests/service/postgres-global.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
