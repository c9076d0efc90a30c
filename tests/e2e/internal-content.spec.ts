import { expect, test } from '@playwright/test';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { parse as parseYaml } from 'yaml';
import { readFrontmatter, readTranslationStatus } from '../../src/lib/translation-status.ts';
import { agentsDistDir, distDir } from './helpers.ts';

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
  return bytes.toString('latin1').includes('\u0000')
    ? bytes.toString('latin1')
    : bytes.toString('utf8');
}

/** Everything that would give internal content away: ids, titles, section names, pictures. */
function internalNeedles(): string[] {
  const internal = readTranslationStatus(contentDir).filter((a) => a.visibility === 'internal');
  const needles = ['INTERNAL-ONLY-MARKER', 'agent-handbook'];
  for (const article of internal) {
    needles.push(`/articles/${article.id}/`, `"${article.id}"`);
    for (const locale of readdirSync(join(contentDir, 'articles'))) {
      const path = join(contentDir, 'articles', locale, `${article.id}.mdx`);
      const title = statSync(path, { throwIfNoEntry: false })
        ? readFrontmatter(readFileSync(path, 'utf8'))['title']
        : undefined;
      if (typeof title === 'string') needles.push(title);
    }
  }
  const sections = parseYaml(
    readFileSync(join(contentDir, 'structure', 'sections.yaml'), 'utf8'),
  ) as Array<{ id: string; visibility?: string }>;
  for (const section of sections)
    if (section.visibility === 'internal') needles.push(`/sections/${section.id}/`);
  return needles;
}

const internalPictures = readdirSync(join(contentDir, 'images', 'internal')).map((name) =>
  basename(name).replace(/\.[a-z]+$/, ''),
);

function scan(root: string, needles: string[]) {
  const leaks: string[] = [];
  let scanned = 0;
  for (const path of files(root)) {
    scanned++;
    const name = relative(root, path);
    const text = readable(path);
    for (const needle of needles)
      if (text.includes(needle)) leaks.push(`${name} contains ${needle}`);
    for (const picture of internalPictures)
      if (basename(path).startsWith(`${picture}.`))
        leaks.push(`${name} is the internal picture ${picture}`);
  }
  return { leaks, scanned };
}

test('no internal text reaches the public build: no page, index (decompressed), sitemap, JSON or picture', () => {
  const needles = internalNeedles();
  expect(needles.length).toBeGreaterThan(40);
  expect(internalPictures.length).toBeGreaterThanOrEqual(1);
  const { leaks, scanned } = scan(distDir, needles);
  expect(scanned).toBeGreaterThan(400);
  expect(leaks).toEqual([]);
});

test('the same scan finds the internal content in the agents’ build: pages, both indexes and pictures', () => {
  const needles = internalNeedles();
  const { leaks } = scan(join(agentsDistDir, 'client'), needles);
  const where = (pattern: RegExp) => leaks.filter((leak) => pattern.test(leak));
  expect(
    where(/^en\/articles\/escalation-rules\/index\.html contains INTERNAL-ONLY-MARKER/),
  ).toHaveLength(1);
  expect(where(/^pagefind\/fragment\/.+ contains INTERNAL-ONLY-MARKER/).length).toBeGreaterThan(0);
  // The search indexes (browser and service variants) keep ids and titles.
  expect(where(/^search\/(en|ko)(\.full)?\.json contains "escalation-rules"/)).toHaveLength(4);
  expect(where(/^_astro\/escalation-paths\..+ is the internal picture/).length).toBeGreaterThan(0);
});

test('public pages carry no agent code, markup or styles', () => {
  const agentMarks = [
    'data-agent-tools',
    'flag-dialog',
    '/api/flags',
    '/api/proposals',
    'agent-bar',
    'codemirror',
    'cm-editor',
  ];
  const found: string[] = [];
  for (const path of files(distDir)) {
    if (!/\.(html|js|css|json)$/.test(path)) continue;
    const text = readFileSync(path, 'utf8');
    for (const mark of agentMarks)
      if (text.includes(mark)) found.push(`${relative(distDir, path)}: ${mark}`);
  }
  expect(found).toEqual([]);
});
