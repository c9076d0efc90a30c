/**
 * The build's last step: a `.br` and a `.gz` beside each text file worth compressing, written
 * once, ahead of time, so the server never compresses them per request. A copy that does not
 * save at least a tenth is not written. Pagefind's files are gzip already: some get a `.br` of
 * what they hold instead (pagefindBrotliQuality). The server only sends a copy at least as new as
 * its source (static-file.ts), so a file changed after this step never goes out stale.
 */
import { readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gunzip, gzip } from 'node:zlib';
import { SUFFIX, MIN_COMPRESS_BYTES, isPagefindGzip } from './static-file.ts';
import type { Encoding } from './encoding.ts';

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);
const gunzipAsync = promisify(gunzip);

/** Text formats the builds write. Pictures and Pagefind's binary files are compressed already. */
const TEXT = /\.(?:html|css|js|mjs|json|svg|xml|txt|map|webmanifest)$/i;
/** A copy must be at most this share of the original to be worth a file and a lookup. */
export const WORTH_KEEPING = 0.9;

export interface PrecompressOptions {
  /** Also HTML pages; off for the agents' build, whose pages are filled per request. */
  html?: boolean;
}

/** Whether a file of the build should get compressed copies. */
export function shouldPrecompress(
  path: string,
  size: number,
  options: PrecompressOptions = {},
): boolean {
  if (!TEXT.test(path) || size < MIN_COMPRESS_BYTES) return false;
  return options.html !== false || !/\.html$/i.test(path);
}

/**
 * Brotli's quality per kind of file. 11 (the maximum) is ~15 % smaller than 5 on the shared
 * scripts, styles and indexes, which are few and every reader downloads; it costs ~150 ms per
 * 20 KB page, too slow for thousands of pages, where 6 keeps the step to seconds. The service's
 * index (search/<locale>.full.json) is read from disk, never by a browser: at 10,000 pages it is
 * 3.4 MB a locale, and quality 11 spent 7 s on each; 5 takes 45 ms. The search index's
 * description files (640 at 10,000 pages, a few fetched per search) are 0.29 KiB at 11 and 0.31
 * at 5, for 40 times the time (2.7 s in all); the sitemap is for crawlers (2.1 s at 11).
 */
export function brotliQuality(path: string): number {
  if (/\.html$/i.test(path)) return 6;
  if (/\.full\.json$/i.test(path)) return 5;
  if (/\.descriptions\.[^/]*\.json$/i.test(path) || /sitemap[^/]*\.xml$/i.test(path)) return 5;
  return constants.BROTLI_MAX_QUALITY;
}

/**
 * Brotli's quality for what a Pagefind file holds, or undefined for none. Measured on the
 * 10,000-page fixture against Pagefind's gzip: its language engine (every first query: 57 KiB)
 * is 15 % smaller at 11, in 0.3 s for each of the nine; the metadata (5–11 KiB, once per
 * locale) 25 % at 10, in 10 ms; index chunks (about five a query) 10 % at 7, in 0.14 ms.
 * Fragments save nothing below quality 10, and 7–20 % at 10 for 3 ms each: 20 s of the build's
 * CPU at 10,000 pages to save about 2 KiB a query, so they stay as they are.
 */
export function pagefindBrotliQuality(path: string): number | undefined {
  if (/\.pagefind$/.test(path)) return constants.BROTLI_MAX_QUALITY;
  if (/\.pf_meta$/.test(path)) return 10;
  if (/\.pf_index$/.test(path)) return 7;
  return undefined;
}

/** Pagefind's files, once gunzipped, start with this; its script checks for it. */
const PAGEFIND_SIGNATURE = 'pagefind_dcd';

/**
 * The Brotli copy of what a Pagefind file holds, or undefined when it is not a file of the format
 * Pagefind's script reads that way (then the file goes as it is).
 */
async function pagefindCopy(gzipped: Buffer, quality: number): Promise<Buffer | undefined> {
  const held = await gunzipAsync(gzipped).catch(() => undefined);
  if (
    !held ||
    held.subarray(0, PAGEFIND_SIGNATURE.length).toString('latin1') !== PAGEFIND_SIGNATURE
  )
    return undefined;
  return brotli(held, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: quality,
      [constants.BROTLI_PARAM_SIZE_HINT]: held.byteLength,
    },
  });
}

/**
 * Gzip's level per kind of file. Pages are the bulk of a large build (230 MB at 10,000 pages):
 * level 6 makes them 0.07 % larger than 9 in three quarters of the time; other files are few.
 */
export function gzipLevel(path: string): number {
  return /\.html$/i.test(path) ? 6 : 9;
}

/** The compressed bytes for one encoding, at the settings the path's kind is worth. */
export async function compressBest(bytes: Buffer, encoding: Encoding, path = ''): Promise<Buffer> {
  if (encoding === 'gzip') return gzipAsync(bytes, { level: gzipLevel(path) });
  return brotli(bytes, {
    params: {
      [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
      [constants.BROTLI_PARAM_QUALITY]: brotliQuality(path),
      [constants.BROTLI_PARAM_SIZE_HINT]: bytes.byteLength,
    },
  });
}

export interface PrecompressReport {
  files: number;
  bytes: number;
  brotliBytes: number;
  gzipBytes: number;
  /** Pagefind's gzip files given a Brotli copy, their gzip bytes and the copies' bytes. */
  pagefindFiles: number;
  pagefindBytes: number;
  pagefindBrotliBytes: number;
}

async function* filesUnder(dir: string): AsyncGenerator<string> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* filesUnder(path);
    else if (entry.isFile()) yield path;
  }
}

/** Writes the copies under dir; removes copies left from an earlier run whose source is gone. */
export async function precompressDir(
  dir: string,
  options: PrecompressOptions = {},
): Promise<PrecompressReport> {
  const report: PrecompressReport = {
    files: 0,
    bytes: 0,
    brotliBytes: 0,
    gzipBytes: 0,
    pagefindFiles: 0,
    pagefindBytes: 0,
    pagefindBrotliBytes: 0,
  };
  const sources: string[] = [];
  const copies: string[] = [];
  for await (const path of filesUnder(dir))
    (Object.values(SUFFIX).some((suffix) => path.endsWith(suffix)) ? copies : sources).push(path);
  const known = new Set(sources);
  await Promise.all(
    copies
      .filter((copy) => !known.has(copy.replace(/\.(?:br|gz)$/, '')))
      .map((copy) => rm(copy, { force: true })),
  );

  // zlib's async calls run on libuv's thread pool: a few at a time keeps every thread busy.
  let next = 0;
  const worker = async () => {
    while (next < sources.length) {
      const path = sources[next++]!;
      if (isPagefindGzip(path)) {
        await writePagefindCopy(path, report);
        continue;
      }
      const { size } = await stat(path);
      if (!shouldPrecompress(path, size, options)) continue;
      const bytes = await readFile(path);
      report.files++;
      report.bytes += bytes.byteLength;
      for (const encoding of ['br', 'gzip'] as const) {
        const compressed = await compressBest(bytes, encoding, path);
        const copy = path + SUFFIX[encoding];
        if (compressed.byteLength > bytes.byteLength * WORTH_KEEPING) {
          await rm(copy, { force: true });
          continue;
        }
        await writeFile(copy, compressed);
        if (encoding === 'br') report.brotliBytes += compressed.byteLength;
        else report.gzipBytes += compressed.byteLength;
      }
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
  return report;
}

async function writePagefindCopy(path: string, report: PrecompressReport): Promise<void> {
  const copy = path + SUFFIX.br;
  const quality = pagefindBrotliQuality(path);
  const gzipped = quality === undefined ? undefined : await readFile(path);
  const compressed = gzipped && (await pagefindCopy(gzipped, quality!));
  if (!gzipped || !compressed || compressed.byteLength > gzipped.byteLength * WORTH_KEEPING) {
    await rm(copy, { force: true }); // none worth keeping, nor one left by an earlier build
    return;
  }
  await writeFile(copy, compressed);
  report.pagefindFiles++;
  report.pagefindBytes += gzipped.byteLength;
  report.pagefindBrotliBytes += compressed.byteLength;
}
