import { defineConfig } from 'vitest/config';

// Unit tests (pure logic) and service tests (the real server on a real SQLite file).
// Browser tests are Playwright's, under tests/e2e.
export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/service/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
