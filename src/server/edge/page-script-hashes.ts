/**
 * Inline-script hashes of the build's HTML files, computed once per file version (path, mtime,
 * size): a page is read and hashed the first time it is served after a build or release switch.
 */
import { readFileSync, type Stats } from 'node:fs';
import { inlineScriptHashes } from './inline-scripts.ts';

const MAX_ENTRIES = 4096;
const cache = new Map<string, { version: string; hashes: string[] }>();

export function pageScriptHashes(file: string, stats: Pick<Stats, 'mtimeMs' | 'size'>): string[] {
  const version = `${stats.mtimeMs}:${stats.size}`;
  const cached = cache.get(file);
  if (cached?.version === version) return cached.hashes;
  const hashes = inlineScriptHashes(readFileSync(file, 'utf8'));
  if (cache.size >= MAX_ENTRIES) cache.delete(cache.keys().next().value!);
  cache.set(file, { version, hashes });
  return hashes;
}
