/**
 * One file of a build as an HTTP answer: validators (ETag, Last-Modified) and 304s, the
 * precompressed `.br`/`.gz` written by the build when it is fresh, else compression on the fly,
 * the cache lifetime for its kind, and for HTML its Content-Security-Policy.
 */
import { createReadStream, readFileSync, statSync, type Stats } from 'node:fs';
import { Readable } from 'node:stream';
import { getMimeType } from 'hono/utils/mime';
import { compressedOnce } from './compressed-cache.ts';
import { acceptableEncodings, isCompressibleType, type Encoding } from './encoding.ts';
import { pageScriptHashes } from './page-script-hashes.ts';
import { setDocumentHeaders } from './security-headers.ts';

/** Below this, compression saves less than the round trip costs; above the second, files stream. */
export const MIN_COMPRESS_BYTES = 1024;
const MAX_IN_MEMORY_BYTES = 4 * 1024 * 1024;

export const SUFFIX: Record<Encoding, string> = { br: '.br', gzip: '.gz' };

/**
 * Pagefind's own files (its language engines, metadata, index chunks and fragments) are gzip
 * already, which its script undoes. The build may leave a Brotli copy of what they hold beside
 * them (precompress.ts): sent as Content-Encoding br, the browser undoes it and Pagefind's script
 * finds its signature at the start and skips its own gunzip. Never compressed on the fly.
 */
export function isPagefindGzip(path: string): boolean {
  return /\.(?:pagefind|pf_meta|pf_index|pf_fragment|pf_filter)$/.test(path);
}

export interface FileAnswer {
  /** Cache-Control for this file. */
  cacheControl: string;
  /** For HTML: the Content-Security-Policy, given the page's inline-script hashes. */
  policy: (scriptHashes: string[]) => string;
  status?: number;
}

function statOf(path: string): Stats | undefined {
  try {
    const stats = statSync(path);
    return stats.isFile() ? stats : undefined;
  } catch {
    return undefined;
  }
}

/** The build's precompressed copy, unless the file changed after it was written. */
export function freshSibling(file: string, source: Stats, encoding: Encoding): Stats | undefined {
  const sibling = statOf(file + SUFFIX[encoding]);
  return sibling && sibling.mtimeMs >= source.mtimeMs ? sibling : undefined;
}

function entityTag(stats: Stats, encoding: Encoding | undefined): string {
  const version = `${stats.size.toString(36)}-${Math.floor(stats.mtimeMs).toString(36)}`;
  return `"${version}${encoding ? `-${encoding}` : ''}"`;
}

/** If-None-Match wins over If-Modified-Since (RFC 9110 §13.2.2); weak comparison. */
export function notModified(request: Request, etag: string, mtimeMs: number): boolean {
  const ifNoneMatch = request.headers.get('if-none-match');
  if (ifNoneMatch !== null)
    return ifNoneMatch
      .split(',')
      .map((tag) => tag.trim().replace(/^W\//, ''))
      .some((tag) => tag === '*' || tag === etag);
  const since = Date.parse(request.headers.get('if-modified-since') ?? '');
  return Number.isFinite(since) && Math.floor(mtimeMs / 1000) * 1000 <= since;
}

/** The answer for `file` (which must exist), or undefined when it is not a regular file. */
export function fileResponse(
  request: Request,
  file: string,
  answer: FileAnswer,
): Response | undefined {
  const source = statOf(file);
  if (!source) return undefined;
  const contentType = getMimeType(file) ?? 'application/octet-stream';
  const pagefindGzip = isPagefindGzip(file);
  const compressible =
    pagefindGzip || (isCompressibleType(contentType) && source.size >= MIN_COMPRESS_BYTES);
  const acceptable = compressible
    ? acceptableEncodings(request.headers.get('accept-encoding'))
    : [];
  // Pagefind's files only ever have a Brotli copy: no lookup for a .gz that is never there.
  const accepted = pagefindGzip ? acceptable.filter((e) => e === 'br') : acceptable;

  // A precompressed copy the client accepts, else the best encoding compressed here.
  let encoding: Encoding | undefined;
  let precompressed: Stats | undefined;
  for (const candidate of accepted) {
    precompressed = freshSibling(file, source, candidate);
    if (precompressed) {
      encoding = candidate;
      break;
    }
  }
  if (!precompressed && !pagefindGzip && source.size <= MAX_IN_MEMORY_BYTES) encoding = accepted[0];

  const headers = new Headers({
    'Content-Type': contentType,
    'Cache-Control': answer.cacheControl,
    'Last-Modified': source.mtime.toUTCString(),
    ETag: entityTag(source, encoding),
  });
  if (compressible) headers.set('Vary', 'Accept-Encoding');
  if (contentType.startsWith('text/html'))
    setDocumentHeaders(headers, answer.policy(pageScriptHashes(file, source)));

  const status = answer.status ?? 200;
  // A 404 page is not the resource asked for: no validators to revalidate it with.
  if (status !== 200) for (const name of ['ETag', 'Last-Modified']) headers.delete(name);
  else if (notModified(request, headers.get('ETag')!, source.mtimeMs)) {
    for (const name of ['Content-Type', 'Content-Security-Policy', 'Permissions-Policy'])
      headers.delete(name);
    return new Response(null, { status: 304, headers });
  }

  const head = request.method === 'HEAD';
  let body: BodyInit | null = null;
  let length: number;
  if (precompressed && encoding) {
    length = precompressed.size;
    if (!head) body = readBody(file + SUFFIX[encoding], length);
  } else if (encoding) {
    const key = `${file}:${source.mtimeMs}:${source.size}`;
    const bytes = compressedOnce(key, () => readFileSync(file), encoding);
    length = bytes.byteLength;
    body = head ? null : new Uint8Array(bytes);
  } else {
    length = source.size;
    if (!head) body = readBody(file, length);
  }
  if (encoding) headers.set('Content-Encoding', encoding);
  headers.set('Content-Length', String(length));
  return new Response(body, { status, headers });
}

function readBody(path: string, size: number): BodyInit {
  if (size <= MAX_IN_MEMORY_BYTES) return new Uint8Array(readFileSync(path));
  return Readable.toWeb(createReadStream(path)) as ReadableStream<Uint8Array>;
}
