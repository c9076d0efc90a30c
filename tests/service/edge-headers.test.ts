// The security headers of every kind of answer of the real server on the real build: pages, 404s,
// pages the service fills per request, and the API.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { realAgentsDist, realDist } from './edge-helpers.ts';
import { serverForThisFile } from './helpers.ts';

const server = serverForThisFile({ distDir: realDist, env: { AGENTS_DIST_DIR: realAgentsDist } });
const get = (path: string, headers: Record<string, string> = {}) =>
  fetch(`${server().url}${path}`, { headers, redirect: 'manual' });

/** The directives of a Content-Security-Policy header, by name. */
function directives(policy: string | null): Map<string, string[]> {
  return new Map(
    (policy ?? '')
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...sources]) => [name!, sources]),
  );
}

function expectDocumentHeaders(
  response: Response,
  referrerPolicy = 'strict-origin-when-cross-origin',
): Map<string, string[]> {
  expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  expect(response.headers.get('referrer-policy')).toBe(referrerPolicy);
  expect(response.headers.get('permissions-policy')).toMatch(
    /camera=\(\).*microphone=\(\).*geolocation=\(\)/,
  );
  const policy = directives(response.headers.get('content-security-policy'));
  expect(policy.get('script-src')).not.toContain("'unsafe-inline'");
  expect(policy.get('script-src')).toEqual(
    expect.arrayContaining(["'self'", "'wasm-unsafe-eval'"]),
  );
  expect(policy.get('object-src')).toEqual(["'none'"]);
  expect(policy.get('base-uri')).toEqual(["'self'"]);
  expect(policy.get('img-src')).toEqual(["'self'", 'data:']);
  expect(policy.get('connect-src')).toEqual(["'self'"]);
  return policy;
}

const article = 'en/articles/packing-guidelines/index.html';

describe('pages of the build', () => {
  test('an article allows exactly the hash of its inline script, read from the built file', async () => {
    const html = readFileSync(join(realDist, article), 'utf8');
    const inline = /<script type="module">([\s\S]*?)<\/script>/.exec(html)?.[1];
    expect(inline, 'the article has an inline script (the tabs)').toBeDefined();
    const hash = `'sha256-${createHash('sha256').update(inline!).digest('base64')}'`;
    const policy = expectDocumentHeaders(await get('/en/articles/packing-guidelines/'));
    expect(policy.get('script-src')).toContain(hash);
    expect(
      policy.get('script-src')!.filter((source) => source.startsWith("'sha256-")),
    ).toHaveLength(1);
    expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
    expect(policy.get('form-action')).toEqual(["'self'"]);
  });

  test('a page with no inline script names no hash', async () => {
    const policy = expectDocumentHeaders(await get('/en/'));
    expect(policy.get('script-src')).toEqual(["'self'", "'wasm-unsafe-eval'"]);
  });

  test('the 404 pages carry the headers too, and a JSON block gets no hash (it never runs)', async () => {
    const inLocale = await get('/en/articles/no-such-article/');
    expect(inLocale.status).toBe(404);
    expectDocumentHeaders(inLocale);
    const outside = await get('/404.html');
    const html = await outside.clone().text();
    expect(html).toContain('type="application/json"');
    expect(directives(outside.headers.get('content-security-policy')).get('script-src')).toEqual([
      "'self'",
      "'wasm-unsafe-eval'",
    ]);
  });

  test('pages filled per request (contact form with its key, sign-in) carry the headers', async () => {
    const contact = await get('/en/contact/');
    expect(contact.headers.get('cache-control')).toBe('private, no-cache');
    expectDocumentHeaders(contact);
    const signIn = await get('/en/sign-in/?next=%2Fagents%2Fen%2F');
    expect(signIn.headers.get('cache-control')).toBe('no-store');
    // The page with the one-time token chose a stricter one; the front door keeps it.
    expectDocumentHeaders(signIn, 'strict-origin');
  });
});

describe('answers of the service', () => {
  test('the API says nosniff and a Referrer-Policy, and no page policy', async () => {
    const response = await get('/api/health');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
    expect(response.headers.get('content-security-policy')).toBeNull();
  });

  test('the contact form refilled after a refused post carries the page policy and is not stored', async () => {
    const response = await fetch(`${server().url}/api/tickets`, {
      method: 'POST',
      redirect: 'manual',
      headers: {
        'Content-Type': 'application/x-www-form-urlencoded',
        Accept: 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.8',
        Origin: server().url,
      },
      body: new URLSearchParams({ locale: 'en', email: 'not an address' }).toString(),
    });
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.headers.get('content-type')).toMatch(/text\/html/);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expectDocumentHeaders(response);
  });

  test('the agents’ site sends a reader to sign in with the headers on the redirect', async () => {
    const response = await get('/agents/en/', { Accept: 'text/html' });
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toMatch(/^\/en\/sign-in\//);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
  });
});
