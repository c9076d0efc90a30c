import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { fakeBuild, removeDir, startServer, ticket, type TestServer } from './helpers.ts';

let server: TestServer;
let distDir: string;

beforeAll(async () => {
  distDir = fakeBuild({
    '404.html': '<h1>Not found (site)</h1>',
    'en/index.html': '<h1>Help centre</h1>',
    'en/404.html': '<h1>Page not found</h1>',
    'en/articles/how-bidding-works/index.html': '<h1>How bidding works</h1>',
    'nl/index.html': '<h1>Helpcentrum</h1>',
    'ko/index.html': '<h1>고객센터</h1>',
    'ko/404.html': '<h1>페이지를 찾을 수 없습니다</h1>',
    '_astro/client.a1b2c3.js': 'console.log(1)',
    'robots.txt': 'User-agent: *',
    'en/contact/sent/index.html':
      '<div class="confirmation" data-confirmation data-locale="en" ' +
      'data-due-template="We reply by {{when}} &amp; not later." data-astro-cid-x1>' +
      '<p>Reference: <strong data-ticket-reference data-astro-cid-x1>—</strong></p>' +
      '<p data-ticket-due hidden data-astro-cid-x1></p></div>',
  });
  server = await startServer({ distDir });
});

afterAll(async () => {
  await server.stop();
  removeDir(server.dataDir);
  removeDir(distDir);
});

const get = (path: string, headers: Record<string, string> = {}) =>
  fetch(`${server.url}${path}`, { headers, redirect: 'manual' });

describe('the home URL /', () => {
  test.each([
    ['nl-BE,nl;q=0.9,en;q=0.8', '/nl/'],
    ['fr-CH;q=0.4, ko-KR;q=0.9', '/ko/'],
    ['pt-BR,pt;q=0.9', '/en/'],
    ['', '/en/'],
  ])('Accept-Language %j answers 302 to %s, varying on the header', async (language, target) => {
    const response = await get('/', language ? { 'Accept-Language': language } : {});
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe(target);
    expect(response.headers.get('vary')).toMatch(/Accept-Language/);
  });
});

describe('pages of the build', () => {
  test('a directory URL serves its index.html', async () => {
    const response = await get('/en/articles/how-bidding-works/');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/text\/html/);
    expect(await response.text()).toContain('How bidding works');
  });

  test('a directory URL without the slash redirects 308 to the canonical URL, keeping the query', async () => {
    const response = await get('/en/articles/how-bidding-works?from=search');
    expect(response.status).toBe(308);
    expect(response.headers.get('location')).toBe('/en/articles/how-bidding-works/?from=search');
    expect((await get('/ko')).headers.get('location')).toBe('/ko/');
  });

  test('fingerprinted assets are cached for a year, pages are revalidated', async () => {
    const asset = await get('/_astro/client.a1b2c3.js');
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toMatch(/immutable/);
    expect((await get('/en/')).headers.get('cache-control')).toBe('no-cache');
    expect((await get('/robots.txt')).status).toBe(200);
  });

  test('an unknown page under a locale answers 404 with that locale’s 404 page', async () => {
    const response = await get('/en/articles/no-such-article/');
    expect(response.status).toBe(404);
    expect(await response.text()).toContain('Page not found');
  });

  test('a locale without its own 404 page falls back to the site’s', async () => {
    const response = await get('/nl/artikelen/bestaat-niet/');
    expect(response.status).toBe(404);
    expect(await response.text()).toContain('Not found (site)');
  });

  test('an unknown page outside any locale answers with the 404 page of the reader’s language', async () => {
    const korean = await get('/no-such-page/', { 'Accept-Language': 'ko-KR,ko;q=0.9,en;q=0.5' });
    expect(korean.status).toBe(404);
    expect(korean.headers.get('vary')).toMatch(/Accept-Language/);
    expect(await korean.text()).toContain('페이지를 찾을 수 없습니다');
    const english = await get('/no-such-page/', { 'Accept-Language': 'pt-BR' });
    expect(english.status).toBe(404);
    expect(await english.text()).toContain('Page not found');
  });

  test('paths that try to leave the build are not served', async () => {
    for (const path of [
      '/en/../../etc/passwd',
      '/%2e%2e/%2e%2e/etc/passwd',
      '/en/%2e%2e%2f%2e%2e%2fpackage.json',
    ]) {
      const response = await get(path);
      expect(response.status).toBe(404);
    }
  });

  test('the API is served next to the pages on the same port', async () => {
    expect((await get('/api/health')).status).toBe(200);
  });
});

describe('the confirmation page after a form post', () => {
  test('arrives with the reference and the due time filled in, for readers without scripts', async () => {
    const created = await (
      await fetch(`${server.url}/api/tickets`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(ticket()),
      })
    ).json();
    const response = await get(`/en/contact/sent/?ref=${created.reference}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const html = await response.text();
    expect(html).toContain(
      `<strong data-ticket-reference data-astro-cid-x1>${created.reference}</strong>`,
    );
    expect(html).toContain('data-confirmation data-filled="true"');
    expect(html).toMatch(
      /<p data-ticket-due data-astro-cid-x1>We reply by \w+day \d+ \w+ at \d\d:\d\d Central European (?:Standard|Summer) Time &amp; not later\.<\/p>/,
    );
  });

  test('is sent as built when the reference is unknown or not a reference', async () => {
    for (const ref of ['HB-00000000', '<script>alert(1)</script>']) {
      const html = await (await get(`/en/contact/sent/?ref=${encodeURIComponent(ref)}`)).text();
      expect(html).toContain('<strong data-ticket-reference data-astro-cid-x1>—</strong>');
      expect(html).not.toContain('data-filled');
    }
  });
});

describe('without a build', () => {
  test('pages answer 503 with a hint while the API keeps working', async () => {
    const bare = await startServer();
    try {
      for (const path of ['/', '/en/', '/en/articles/how-bidding-works/']) {
        const response = await fetch(`${bare.url}${path}`, { redirect: 'manual' });
        expect(response.status).toBe(503);
        expect(await response.text()).toBe('no build in dist/: run npm run build');
      }
      expect((await fetch(`${bare.url}/api/health`)).status).toBe(200);
    } finally {
      await bare.stop();
      removeDir(bare.dataDir);
    }
  });
});
