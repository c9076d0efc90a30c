// The pure parts of the edge: the build's precompression step on a small folder, encoding
// negotiation, which names are fingerprinted, which inline scripts need a hash, and the policies.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { cacheControlFor, isFingerprinted } from '../../src/server/edge/cache-policy.ts';
import { acceptableEncodings } from '../../src/server/edge/encoding.ts';
import { inlineScriptHashes, inlineScripts } from '../../src/server/edge/inline-scripts.ts';
import { pagePolicy, providerOrigins } from '../../src/server/edge/page-policy.ts';
import {
  brotliQuality,
  precompressDir,
  shouldPrecompress,
} from '../../src/server/edge/precompress.ts';
import { judgePath } from '../../src/server/edge/same-site-path.ts';
import { fakeBuild } from './helpers.ts';

const prose = (words: number) =>
  Array.from({ length: words }, (_, i) => ['bid', 'lot', 'seller', 'payout'][i % 4]).join(' ');

describe('the precompression step', () => {
  test('writes .br and .gz copies that decode to the file, beside text files over 1 KB', async () => {
    const dist = fakeBuild({
      'en/index.html': `<p>${prose(600)}</p>`,
      '_astro/app.abc123.js': `console.log(${JSON.stringify(prose(400))});`,
      'search/en.full.json': JSON.stringify({ text: prose(800) }),
      'favicon.svg': `<svg xmlns="http://www.w3.org/2000/svg"><title>${prose(300)}</title></svg>`,
      'robots.txt': 'User-agent: *',
    });
    const report = await precompressDir(dist);
    expect(report.files).toBe(4);
    for (const file of [
      'en/index.html',
      '_astro/app.abc123.js',
      'search/en.full.json',
      'favicon.svg',
    ]) {
      const original = readFileSync(join(dist, file));
      expect(brotliDecompressSync(readFileSync(join(dist, `${file}.br`))).equals(original)).toBe(
        true,
      );
      expect(gunzipSync(readFileSync(join(dist, `${file}.gz`))).equals(original)).toBe(true);
      expect(statSync(join(dist, `${file}.br`)).mtimeMs).toBeGreaterThanOrEqual(
        statSync(join(dist, file)).mtimeMs,
      );
    }
    expect(existsSync(join(dist, 'robots.txt.br'))).toBe(false);
    expect(report.brotliBytes).toBeLessThan(report.gzipBytes);
  });

  test('skips what does not shrink by a tenth', async () => {
    const dist = fakeBuild({});
    writeFileSync(join(dist, 'noise.txt'), randomBytes(4096).toString('latin1'), 'latin1');
    await precompressDir(dist);
    expect(existsSync(join(dist, 'noise.txt.br'))).toBe(false);
  });

  test('gives Pagefind’s engine, metadata and index chunks a Brotli copy of what they hold; fragments and foreign gzip stay as they are', async () => {
    const dist = fakeBuild({});
    mkdirSync(join(dist, 'pagefind', 'fragment'), { recursive: true });
    mkdirSync(join(dist, 'pagefind', 'index'), { recursive: true });
    // What Pagefind writes: its signature, then the data, gzipped.
    const held = (words: number) => Buffer.from(`pagefind_dcd${prose(words)}`);
    const files = {
      'pagefind/wasm.en.pagefind': held(3000),
      'pagefind/pagefind.en_78605b3d77.pf_meta': held(800),
      'pagefind/index/en_2213c25.pf_index': held(400),
      'pagefind/fragment/en_1a2b3c.pf_fragment': held(2000),
    };
    for (const [file, bytes] of Object.entries(files))
      writeFileSync(join(dist, file), gzipSync(bytes));
    // A gzip file of Pagefind's name without its signature is not one its script reads that way.
    writeFileSync(join(dist, 'pagefind', 'wasm.xx.pagefind'), gzipSync(prose(3000)));

    const report = await precompressDir(dist);
    for (const file of Object.keys(files).slice(0, 3)) {
      const copy = readFileSync(join(dist, `${file}.br`));
      expect(brotliDecompressSync(copy).equals(gunzipSync(readFileSync(join(dist, file))))).toBe(
        true,
      );
      expect(copy.byteLength).toBeLessThan(statSync(join(dist, file)).size);
      expect(existsSync(join(dist, `${file}.gz`))).toBe(false);
    }
    expect(report.pagefindFiles).toBe(3);
    expect(existsSync(join(dist, 'pagefind/fragment/en_1a2b3c.pf_fragment.br'))).toBe(false);
    expect(existsSync(join(dist, 'pagefind/wasm.xx.pagefind.br'))).toBe(false);
  });

  test('leaves the agents’ pages alone (filled per request) and removes copies whose file is gone', async () => {
    const dist = fakeBuild({
      'en/index.html': `<p>${prose(600)}</p>`,
      '_astro/agent.js': `console.log(${JSON.stringify(prose(400))});`,
      'old.js.br': 'left from an earlier build',
    });
    await precompressDir(dist, { html: false });
    expect(existsSync(join(dist, 'en/index.html.br'))).toBe(false);
    expect(existsSync(join(dist, '_astro/agent.js.br'))).toBe(true);
    expect(existsSync(join(dist, 'old.js.br'))).toBe(false);
  });

  test.each([
    ['en/index.html', 5000, true],
    ['pagefind/pagefind-entry.json', 900, false],
    ['pagefind/wasm.en.pagefind', 60000, false],
    ['_astro/photo.BPItAEsX.webp', 20000, false],
    ['sitemap-0.xml', 3000, true],
  ] as const)('%s of %i bytes: compress %s', (path, size, expected) => {
    expect(shouldPrecompress(path, size)).toBe(expected);
  });
});

describe('Accept-Encoding', () => {
  test.each([
    ['gzip, deflate, br', ['br', 'gzip']],
    ['gzip;q=1, br;q=0.5', ['gzip', 'br']],
    ['br;q=0', []],
    ['identity', []],
    ['*;q=0.1, gzip', ['gzip', 'br']],
    ['', []],
  ] as const)('%j accepts %j, best first', (header, expected) => {
    expect(acceptableEncodings(header)).toEqual(expected);
  });
});

describe('how hard each kind of file is compressed', () => {
  test.each([
    ['/search/en.json', 11, 'what every reader of the search downloads: the best'],
    ['/_astro/i18n.3AiLwo7b.css', 11, 'shared styles: the best'],
    ['/en/articles/payouts/index.html', 6, 'thousands of pages: fast'],
    ['/search/en.full.json', 5, 'the service reads it from disk: fastest'],
    ['/search/en.descriptions.0f3a9c21b4.3.json', 5, 'hundreds, a few fetched per search: fast'],
    ['/sitemap-0.xml', 5, 'for crawlers: fast'],
  ] as const)('%s: quality %i (%s)', (path, quality, _why) => {
    expect(brotliQuality(path)).toBe(quality);
  });
});

describe('fingerprinted names', () => {
  test.each([
    ['/_astro/i18n.3AiLwo7b.css', true],
    ['/pagefind/fragment/en_105760f.pf_fragment', true],
    ['/pagefind/index/en_2213c25.pf_index', true],
    ['/pagefind/pagefind.en_78605b3d77.pf_meta', true],
    ['/search/en.descriptions.0f3a9c21b4.3.json', true],
    ['/search/en.json', false],
    ['/pagefind/pagefind-entry.json', false],
    ['/pagefind/pagefind.js', false],
    ['/pagefind/wasm.en.pagefind', false],
    ['/search/en.full.json', false],
    ['/en/', false],
  ] as const)('%s: %s', (path, expected) => {
    expect(isFingerprinted(path)).toBe(expected);
  });

  test('the agents’ fingerprinted files are immutable but private', () => {
    expect(cacheControlFor('/_astro/x.abc.js', 'private')).toBe(
      'private, max-age=31536000, immutable',
    );
  });
});

describe('inline scripts', () => {
  test('only scripts a browser runs need a hash: not data blocks, not external scripts', () => {
    const html = [
      '<script type="module">customElements.define("x-tabs", class extends HTMLElement {})</script>',
      '<script type="application/json" id="texts">{"a":1}</script>',
      '<script type="module" src="/_astro/a.js"></script>',
      '<script>console.log("classic")</script>',
      '<SCRIPT TYPE="text/javascript">upper()</SCRIPT>',
      '<script type="application/ld+json">{}</script>',
    ].join('\n');
    expect(inlineScripts(html)).toEqual([
      'customElements.define("x-tabs", class extends HTMLElement {})',
      'console.log("classic")',
      'upper()',
    ]);
  });

  test('the hash is of the text as the browser reads it, line endings normalised', () => {
    expect(inlineScriptHashes('<script>a()\r\nb()</script>')).toEqual(
      inlineScriptHashes('<script>a()\nb()</script>'),
    );
    expect(inlineScriptHashes('<script>a()</script><script>a()</script>')).toHaveLength(1);
  });
});

describe('paths and policies', () => {
  test.each([
    ['//evil.example/x', 'GET', { kind: 'redirect', location: '/evil.example/x?q=1' }],
    ['/en//articles/', 'HEAD', { kind: 'redirect', location: '/en/articles/?q=1' }],
    ['//en/contact/', 'POST', { kind: 'not-found' }],
    ['/%2F%2Fevil.example', 'GET', { kind: 'not-found' }],
    ['/en/articles/x/', 'GET', { kind: 'fine' }],
  ] as const)('%s (%s) → %j', (path, method, verdict) => {
    expect(judgePath(path, '?q=1', method)).toEqual(verdict);
  });

  test('only the sign-in pages may send a form on to the identity provider', () => {
    const policy = pagePolicy({
      signInFormActions: providerOrigins('https://id.example.com/realms/staff'),
    });
    expect(policy('/en/sign-in/', [])).toContain("form-action 'self' https://id.example.com;");
    expect(policy('/en/contact/', [])).toContain("form-action 'self';");
    expect(providerOrigins('not a url')).toEqual([]);
  });

  test('the agents’ pages may frame each other (the editor’s preview); public pages nobody', () => {
    const policy = pagePolicy();
    expect(policy('/agents/en/propose/x/', [])).toMatch(/frame-ancestors 'self'$/);
    expect(policy('/en/', [])).toMatch(/frame-ancestors 'none'$/);
  });
});
