/**
 * The canaries of internal content, read from content/: the marker every internal article
 * carries, internal article ids and titles in every locale, internal section and category ids,
 * and the names of internal pictures. Shared by the release's canary check and the tests.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { readFrontmatter, readTranslationStatus } from '../lib/translation-status.ts';
import type { Canaries } from './checks.ts';

export const internalMarker = 'INTERNAL-ONLY-MARKER';

export function canariesFrom(contentDir: string): Canaries {
  const needles = [internalMarker];
  for (const article of readTranslationStatus(contentDir)) {
    if (article.visibility !== 'internal') continue;
    needles.push(`/articles/${article.id}/`, `"${article.id}"`);
    for (const locale of readdirSync(join(contentDir, 'articles'))) {
      const path = join(contentDir, 'articles', locale, `${article.id}.mdx`);
      if (!existsSync(path)) continue;
      const title = readFrontmatter(readFileSync(path, 'utf8'))['title'];
      if (typeof title === 'string') needles.push(title);
    }
  }
  const structure = (name: string) =>
    (parseYaml(readFileSync(join(contentDir, 'structure', name), 'utf8')) ?? []) as Array<{
      id: string;
      visibility?: string;
    }>;
  for (const section of structure('sections.yaml'))
    if (section.visibility === 'internal') needles.push(`/sections/${section.id}/`);
  for (const category of structure('categories.yaml'))
    if (category.visibility === 'internal') needles.push(`/categories/${category.id}/`, category.id);
  const pictureDir = join(contentDir, 'images', 'internal');
  const pictures = existsSync(pictureDir)
    ? readdirSync(pictureDir).map((name) => name.replace(/\.[a-z]+$/i, ''))
    : [];
  return { needles: [...new Set(needles)], pictures };
}
