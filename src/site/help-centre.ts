import { getCollection, type CollectionEntry } from 'astro:content';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { isLocale, type Locale } from '../i18n/locales.ts';
import { buildContentGraph, type ContentGraph, type RawArticle } from '../lib/content-graph.ts';
import { revisionOf, sourceRevisionOf } from '../lib/revision.ts';
import type { StructureTitles } from '../lib/structure-schema.ts';
import { buildAudience } from './audience.ts';

export type ArticleEntry = CollectionEntry<'articles'>;

let graph: Promise<ContentGraph<ArticleEntry>> | undefined;

/** Loads every collection once per build and resolves the help centre's structure. */
export function helpCentre(): Promise<ContentGraph<ArticleEntry>> {
  graph ??= load();
  return graph;
}

async function load(): Promise<ContentGraph<ArticleEntry>> {
  const [articles, categories, sections, titles] = await Promise.all([
    getCollection('articles'),
    getCollection('categories'),
    getCollection('sections'),
    getCollection('structureTitles'),
  ]);
  const raw: RawArticle<ArticleEntry>[] = articles.map((entry) => {
    const filePath = entry.filePath ?? `content/articles/${entry.id}.mdx`;
    return {
      entryId: entry.id,
      data: entry.data,
      filePath,
      fileText: readFileSync(resolve(filePath), 'utf8'),
      entry,
    };
  });
  const titlesByLocale: Partial<Record<Locale, StructureTitles>> = {};
  for (const entry of titles) if (isLocale(entry.id)) titlesByLocale[entry.id] = entry.data;
  return buildContentGraph({
    articles: raw,
    categories: categories.map((c) => c.data),
    sections: sections.map((s) => s.data),
    titles: titlesByLocale,
    revisionOf: (article) => revisionOf(article.fileText),
    sourceRevisionOf: (article) => sourceRevisionOf(article.fileText),
    audience: buildAudience,
  });
}
