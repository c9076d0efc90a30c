import { expect, test } from '@playwright/test';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { readFrontmatter, readTranslationStatus } from '../../src/lib/translation-status.ts';
import { distDir } from './helpers.ts';

const contentDir = join(import.meta.dirname, '..', '..', 'content');

function* files(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* files(path);
    else yield path;
  }
}

/** File text as a browser would read it: Pagefind's fragments and indexes are gzipped. */
function readable(path: string): string {
  const bytes = readFileSync(path);
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) return gunzipSync(bytes).toString('utf8');
  return bytes.toString('utf8');
}

test('no internal article reaches the public build: no page, index, sitemap, JSON or asset', () => {
  const internal = readTranslationStatus(contentDir).filter((a) => a.visibility === 'internal');
  expect(internal.length, 'the sample content has internal articles').toBeGreaterThanOrEqual(2);
  const needles = ['INTERNAL-ONLY-MARKER', 'agent-handbook'];
  for (const article of internal) {
    needles.push(`/articles/${article.id}/`, `"${article.id}"`);
    const title = readFrontmatter(
      readFileSync(join(contentDir, 'articles', 'en', `${article.id}.mdx`), 'utf8'),
    )['title'];
    if (typeof title === 'string') needles.push(title);
  }
  const leaks: string[] = [];
  let scanned = 0;
  for (const path of files(distDir)) {
    scanned++;
    const text = readable(path);
    for (const needle of needles)
      if (text.includes(needle)) leaks.push(`${relative(distDir, path)} contains ${needle}`);
  }
  expect(scanned).toBeGreaterThan(400);
  expect(leaks).toEqual([]);
});
