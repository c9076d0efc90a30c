/**
 * Compression on the fly for files the build did not precompress (small text files, agents'
 * files of an older build), kept in a small least-recently-used cache by file version.
 */
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { Encoding } from './encoding.ts';

const BUDGET_BYTES = 16 * 1024 * 1024;
const entries = new Map<string, Buffer>();
let used = 0;

export function compress(bytes: Uint8Array, encoding: Encoding): Buffer {
  return encoding === 'br'
    ? brotliCompressSync(bytes, {
        params: {
          // 5: most of brotli's gain at a few milliseconds for a 100 KB file.
          [constants.BROTLI_PARAM_QUALITY]: 5,
          [constants.BROTLI_PARAM_SIZE_HINT]: bytes.byteLength,
        },
      })
    : gzipSync(bytes, { level: 6 });
}

/** The compressed bytes of one version of a file (key: path, mtime, size, encoding). */
export function compressedOnce(key: string, read: () => Buffer, encoding: Encoding): Buffer {
  const cacheKey = `${key}:${encoding}`;
  const hit = entries.get(cacheKey);
  if (hit) {
    entries.delete(cacheKey);
    entries.set(cacheKey, hit);
    return hit;
  }
  const compressed = compress(read(), encoding);
  if (compressed.byteLength > BUDGET_BYTES / 8) return compressed;
  entries.set(cacheKey, compressed);
  used += compressed.byteLength;
  for (const [oldest, bytes] of entries) {
    if (used <= BUDGET_BYTES) break;
    entries.delete(oldest);
    used -= bytes.byteLength;
  }
  return compressed;
}
