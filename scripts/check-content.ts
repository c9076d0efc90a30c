// Checks content/ the way the build does, in a second and without building: every article's
// frontmatter against the schema, every article's and snippet's body (Markdown and the author
// components, nothing to run), the structure and translation rules of the content graph (for
// the public and the internal help centre), and the search synonyms of every locale.
//   npm run content:check
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parseDocument } from 'yaml';
import { isLocale, locales, type Locale } from '../src/i18n/locales.ts';
import { ConfigFileError, parseConfigFile, type ConfigProblem } from '../src/lib/config-file.ts';
import { buildContentGraph, ContentError, type RawArticle } from '../src/lib/content-graph.ts';
import { articleSchema } from '../src/lib/content-schema.ts';
import { revisionOf, sourceRevisionOf } from '../src/lib/revision.ts';
import {
  categorySchema,
  sectionSchema,
  structureTitlesSchema,
  type StructureTitles,
} from '../src/lib/structure-schema.ts';
import { loadSynonyms } from '../src/search/synonyms.ts';
import { mdxBody } from '../src/components/mdx/mdx-body.ts';
import { z } from 'zod';

const contentDir = resolve(process.env['CONTENT_DIR'] ?? join(import.meta.dirname, '..', 'content'));
const problems: string[] = [];
const articles: RawArticle<null>[] = [];

for (const locale of locales) {
  const dir = join(contentDir, 'articles', locale);
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.mdx'))) {
    const filePath = relative(process.cwd(), join(dir, name));
    const fileText = readFileSync(join(dir, name), 'utf8');
    const match = /^---\r?\n([\s\S]*?)\r?\n---/.exec(fileText);
    if (!match) {
      problems.push(`${filePath}: the file must start with its frontmatter between two --- lines`);
      continue;
    }
    const document = parseDocument(match[1] ?? '', { uniqueKeys: true });
    if (document.errors[0]) {
      problems.push(`${filePath}: frontmatter: ${document.errors[0].message.split('\n')[0]}`);
      continue;
    }
    const parsed = articleSchema.safeParse(document.toJS() ?? {});
    if (!parsed.success) {
      for (const issue of parsed.error.issues)
        problems.push(`${filePath}: ${issue.path.join('.') || 'frontmatter'}: ${issue.message}`);
      continue;
    }
    articles.push({ entryId: `${locale}/${name.slice(0, -4)}`, data: parsed.data, fileText, filePath, entry: null });
    checkBody(fileText, filePath);
  }
  const snippets = join(contentDir, 'snippets', locale);
  for (const name of existsSync(snippets) ? readdirSync(snippets).filter((n) => n.endsWith('.mdx')) : [])
    checkBody(readFileSync(join(snippets, name), 'utf8'), relative(process.cwd(), join(snippets, name)));
}

/** The body as the build renders it: Markdown and the author components, nothing to run. */
function checkBody(fileText: string, filePath: string): void {
  try {
    mdxBody(fileText, filePath);
  } catch (error) {
    problems.push((error as Error).message);
  }
}

const configProblems: ConfigProblem[] = [];
const structure = join(contentDir, 'structure');
const categories = parseConfigFile(join(structure, 'categories.yaml'), z.array(categorySchema), configProblems);
const sections = parseConfigFile(join(structure, 'sections.yaml'), z.array(sectionSchema), configProblems);
const titles: Partial<Record<Locale, StructureTitles>> = {};
for (const name of readdirSync(join(structure, 'titles'))) {
  const locale = name.replace(/\.yaml$/, '');
  if (!isLocale(locale)) continue;
  const parsed = parseConfigFile(join(structure, 'titles', name), structureTitlesSchema, configProblems);
  if (parsed) titles[locale] = parsed;
}
for (const locale of locales) {
  try {
    loadSynonyms(contentDir, locale);
  } catch (error) {
    if (error instanceof ConfigFileError) configProblems.push(...error.problems);
    else throw error;
  }
}
problems.push(...configProblems.map(({ file, path, message }) => (path ? `${file}: ${path}: ${message}` : `${file}: ${message}`)));

if (categories && sections && problems.length === 0) {
  for (const audience of ['public', 'internal'] as const) {
    try {
      const graph = buildContentGraph({
        articles,
        categories,
        sections,
        titles,
        audience,
        revisionOf: (article) => revisionOf(article.fileText),
        sourceRevisionOf: (article) => sourceRevisionOf(article.fileText),
      });
      for (const locale of locales) for (const id of graph.articleIds) graph.article(locale, id);
    } catch (error) {
      if (error instanceof ContentError) problems.push(error.message);
      else throw error;
    }
  }
}

if (problems.length > 0) {
  console.error(`content:check found ${problems.length} problem(s):\n${problems.map((p) => `  ${p}`).join('\n')}`);
  process.exit(1);
}
console.log(`content:check: ${articles.length} article files and the synonyms of ${locales.length} locales are fine`);
