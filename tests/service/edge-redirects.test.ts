// Attacker-style paths against the real server on the real build: no answer may carry a Location
// that a browser reads as another host (`//host`, `/\host`, `https://host`).
import { describe, expect, test } from 'vitest';
import { rawRequest, realAgentsDist, realDist } from './edge-helpers.ts';
import { serverForThisFile } from './helpers.ts';

const server = serverForThisFile({ distDir: realDist, env: { AGENTS_DIST_DIR: realAgentsDist } });

/** Where a browser on the site would go after following the Location. */
function landsOn(base: string, location: string): string {
  return new URL(location, `${base}/some/page/`).origin;
}

describe('paths that try to turn a redirect into a trip to another host', () => {
  test.each([
    '//en/articles/auction-closing',
    '//evil.example/en/articles/auction-closing',
    '///evil.example/',
    '//evil.example',
    '/\\evil.example',
    '/\\/evil.example/',
    '/%2F%2Fevil.example',
    '/%2f%2fevil.example/en/',
    '/%5C%5Cevil.example/',
    '/en/%2F%2Fevil.example',
    '/agents//evil.example/',
    '//agents/en',
    '//api/health',
  ])('%s stays on the site (a same-site Location, or no redirect at all)', async (path) => {
    const answer = await rawRequest(server().url, path);
    expect([308, 400, 404]).toContain(answer.status);
    const location = answer.headers['location'];
    if (typeof location === 'string') {
      expect(location).toMatch(/^\/(?![/\\])/);
      expect(landsOn(server().url, location)).toBe(new URL(server().url).origin);
    }
  });

  test('a doubled slash before a page collapses to the canonical page, keeping the query', async () => {
    const first = await rawRequest(server().url, '//en/articles/auction-closing?from=mail');
    expect(first.status).toBe(308);
    expect(first.headers['location']).toBe('/en/articles/auction-closing?from=mail');
    const second = await rawRequest(server().url, String(first.headers['location']));
    expect(second.status).toBe(308);
    expect(second.headers['location']).toBe('/en/articles/auction-closing/?from=mail');
  });

  test('a form post to a doubled-slash path is refused rather than redirected', async () => {
    const answer = await rawRequest(server().url, '//en/contact/', { method: 'POST' });
    expect(answer.status).toBe(404);
    expect(answer.headers['location']).toBeUndefined();
  });

  test('encoded slashes name no file: 404 with the security headers', async () => {
    const answer = await rawRequest(server().url, '/%2F%2Fevil.example/en/');
    expect(answer.status).toBe(404);
    expect(answer.headers['x-content-type-options']).toBe('nosniff');
  });
});
