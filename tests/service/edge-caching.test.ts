// How the real server sends the files of a build: cache lifetimes per kind of file, validators and
// 304s, and brotli or gzip as the browser asks, from the build's precompressed copies when fresh.
import { readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { beforeAll, describe, expect, test } from 'vitest';
import { precompressDir } from '../../src/server/edge/precompress.ts';
import { rawGet, realDist } from './edge-helpers.ts';
import { fakeBuild, serverForThisFile } from './helpers.ts';

const real = serverForThisFile({ distDir: realDist });
const get = (path: string, headers: Record<string, string> = {}, base = real().url) =>
  rawGet(base, path, headers);

/** The body as sent, whatever its encoding, decoded the way a browser would. */
async function decoded(response: Response): Promise<Buffer> {
  const bytes = Buffer.from(await response.arrayBuffer());
  const encoding = response.headers.get('content-encoding');
  if (encoding === 'br') return brotliDecompressSync(bytes);
  if (encoding === 'gzip') return gunzipSync(bytes);
  return bytes;
}

const first = (dir: string, pattern: RegExp) =>
  readdirSync(join(realDist, dir)).find((name) => pattern.test(name))!;

describe('how long a browser may keep each kind of file', () => {
  test.each([
    ['Astro’s fingerprinted styles', () => `/_astro/${first('_astro', /\.css$/)}`],
    [
      'a Pagefind fragment',
      () => `/pagefind/fragment/${first('pagefind/fragment', /\.pf_fragment$/)}`,
    ],
    ['a Pagefind index chunk', () => `/pagefind/index/${first('pagefind/index', /\.pf_index$/)}`],
    [
      'Pagefind’s hashed metadata',
      () => `/pagefind/${first('pagefind', /^pagefind\.en_[0-9a-f]+\.pf_meta$/)}`,
    ],
  ])('%s is cached for a year as immutable', async (_, path) => {
    const response = await get(path());
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
  });

  test.each([
    ['a page', '/en/articles/packing-guidelines/'],
    ['Pagefind’s entry file (it names the current hashes)', '/pagefind/pagefind-entry.json'],
    ['Pagefind’s script', '/pagefind/pagefind.js'],
    ['a Pagefind language engine', '/pagefind/wasm.en.pagefind'],
    ['the suggestion index', '/search/en.full.json'],
  ])('%s is revalidated before each use', async (_, path) => {
    const response = await get(path);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-cache');
    expect(response.headers.get('etag')).toMatch(/^"[^"]+"$/);
  });
});

describe('revalidation', () => {
  test('the ETag of a page answers 304 with no body; another ETag gets the page', async () => {
    const page = await get('/en/articles/packing-guidelines/');
    const etag = page.headers.get('etag')!;
    const again = await get('/en/articles/packing-guidelines/', { 'If-None-Match': etag });
    expect(again.status).toBe(304);
    expect(again.headers.get('etag')).toBe(etag);
    expect(again.headers.get('cache-control')).toBe('no-cache');
    expect(await again.text()).toBe('');
    const weak = await get('/en/articles/packing-guidelines/', { 'If-None-Match': `W/${etag}` });
    expect(weak.status).toBe(304);
    const other = await get('/en/articles/packing-guidelines/', { 'If-None-Match': '"elsewhere"' });
    expect(other.status).toBe(200);
  });

  test('Last-Modified answers 304 to If-Modified-Since, and 200 to an older date', async () => {
    const styles = `/_astro/${first('_astro', /\.css$/)}`;
    const lastModified = (await get(styles)).headers.get('last-modified')!;
    expect((await get(styles, { 'If-Modified-Since': lastModified })).status).toBe(304);
    const older = new Date(Date.parse(lastModified) - 60_000).toUTCString();
    expect((await get(styles, { 'If-Modified-Since': older })).status).toBe(200);
  });

  test('the ETag differs per encoding, so a cache never swaps one for the other', async () => {
    const path = '/search/en.full.json';
    const br = (await get(path, { 'Accept-Encoding': 'br' })).headers.get('etag');
    const gzip = (await get(path, { 'Accept-Encoding': 'gzip' })).headers.get('etag');
    const plain = (await get(path)).headers.get('etag');
    expect(new Set([br, gzip, plain]).size).toBe(3);
    expect((await get(path, { 'Accept-Encoding': 'gzip', 'If-None-Match': br! })).status).toBe(200);
  });
});

describe('compression', () => {
  test.each([
    ['br, gzip', 'br'],
    ['gzip, deflate, br, zstd', 'br'],
    ['gzip', 'gzip'],
    ['br;q=0, gzip;q=0.8', 'gzip'],
    ['*', 'br'],
  ])('Accept-Encoding %j gets %s, and the bytes decode to the file', async (accept, encoding) => {
    const response = await get('/search/en.full.json', { 'Accept-Encoding': accept });
    expect(response.headers.get('content-encoding')).toBe(encoding);
    expect(response.headers.get('vary')).toMatch(/Accept-Encoding/);
    const body = await decoded(response);
    expect(body.equals(readFileSync(join(realDist, 'search', 'en.full.json')))).toBe(true);
  });

  test('without Accept-Encoding (or identity only) the file goes as it is', async () => {
    for (const headers of [
      {} as Record<string, string>,
      { 'Accept-Encoding': 'identity' },
      { 'Accept-Encoding': 'br;q=0, gzip;q=0' },
    ]) {
      const response = await get('/search/en.full.json', headers);
      expect(response.headers.get('content-encoding')).toBeNull();
      expect(response.headers.get('vary')).toMatch(/Accept-Encoding/);
    }
  });

  test('files that are compressed already (pictures, Pagefind’s gzip chunks) are not compressed again', async () => {
    const fragment = `/pagefind/fragment/${first('pagefind/fragment', /\.pf_fragment$/)}`;
    const response = await get(fragment, { 'Accept-Encoding': 'br, gzip' });
    expect(response.headers.get('content-encoding')).toBeNull();
  });

  test('Pagefind’s language engine goes as Brotli of what it holds to who accepts it, else as Pagefind wrote it', async () => {
    const path = '/pagefind/wasm.en.pagefind';
    const onDisk = readFileSync(join(realDist, 'pagefind', 'wasm.en.pagefind'));
    const br = await get(path, { 'Accept-Encoding': 'gzip, br' });
    expect(br.headers.get('content-encoding')).toBe('br');
    expect(br.headers.get('vary')).toMatch(/Accept-Encoding/);
    const body = await decoded(br);
    // What Pagefind's script reads without its own gunzip: the signature, then the engine.
    expect(body.subarray(0, 12).toString()).toBe('pagefind_dcd');
    expect(body.equals(gunzipSync(onDisk))).toBe(true);
    expect(Number(br.headers.get('content-length'))).toBeLessThan(onDisk.byteLength);
    const gzipOnly = await get(path, { 'Accept-Encoding': 'gzip' });
    expect(gzipOnly.headers.get('content-encoding')).toBeNull();
    expect(Buffer.from(await gzipOnly.arrayBuffer()).equals(onDisk)).toBe(true);
  });

  test('a page made per request (the contact form with its key) is compressed too', async () => {
    const response = await get('/en/contact/', { 'Accept-Encoding': 'br' });
    expect(response.headers.get('content-encoding')).toBe('br');
    expect((await decoded(response)).toString()).toMatch(
      /name="idempotencyKey" value="[0-9a-f-]{36}"/,
    );
  });
});

describe('a build with precompressed copies', () => {
  const big = JSON.stringify({ words: Array.from({ length: 3000 }, (_, i) => `word${i % 97}`) });
  const dist = fakeBuild({
    'en/index.html': `<h1>Help</h1>${'<p>Bidding and paying.</p>'.repeat(200)}`,
    'search/en.full.json': big,
  });
  const fixture = serverForThisFile({ distDir: dist });
  beforeAll(async () => {
    await precompressDir(dist);
  });

  test('sends the build’s .br and .gz copies byte for byte', async () => {
    for (const [accept, suffix] of [
      ['br', '.br'],
      ['gzip', '.gz'],
    ] as const) {
      const response = await get(
        '/search/en.full.json',
        { 'Accept-Encoding': accept },
        fixture().url,
      );
      const sent = Buffer.from(await response.arrayBuffer());
      expect(sent.equals(readFileSync(join(dist, 'search', `en.full.json${suffix}`)))).toBe(true);
    }
  });

  test('never sends a copy older than its file: a changed file goes out compressed afresh', async () => {
    const file = join(dist, 'search', 'en.full.json');
    const changed = big.replace('word1"', 'changed"');
    writeFileSync(file, changed);
    const later = new Date(Date.now() + 5_000);
    utimesSync(file, later, later);
    for (const accept of ['br', 'gzip']) {
      const response = await get(
        '/search/en.full.json',
        { 'Accept-Encoding': accept },
        fixture().url,
      );
      expect(response.headers.get('content-encoding')).toBe(accept);
      expect((await decoded(response)).toString()).toBe(changed);
    }
  });

  test('the copies are not files of their own', async () => {
    const response = await get('/search/en.full.json.br', {}, fixture().url);
    expect(response.status).toBe(404);
  });
});
