import type { Locale } from '../../../src/i18n/locales.ts';
import { loadAnalyser } from '../../../src/search/analysers/index.ts';
import { buildSearchIndex, type IndexSource } from '../../../src/search/search-index.ts';
import { loadIndexFile, suggestArticles } from '../../../src/search/suggest.ts';
import type { SynonymRule } from '../../../src/search/synonyms.ts';

/** [id, title, description, body] */
export type DocRow = [string, string, string, string];

export function docsOf(locale: Locale, rows: DocRow[]): IndexSource[] {
  return rows.map(([id, title, description, body]) => ({
    id,
    title,
    description,
    body,
    keywords: [],
    labels: [],
    url: `/${locale}/articles/${id}/`,
    section: 'bidding',
    audience: 'both',
    english: false,
  }));
}

/**
 * Builds an index the way the site does for the service (build → JSON text → parse → load, with
 * the text inside) and returns a function that gives the ids suggested for a query, best first.
 */
export async function suggesterFor(
  locale: Locale,
  rows: DocRow[] | IndexSource[],
  synonyms: SynonymRule[] = [],
) {
  const articles = rows.length && Array.isArray(rows[0]) ? docsOf(locale, rows as DocRow[]) : (rows as IndexSource[]);
  const serialized = buildSearchIndex({
    locale,
    analyser: await loadAnalyser(locale),
    articles,
    sections: {},
    categories: {},
    synonyms,
    withBody: true,
  });
  const index = await loadIndexFile(JSON.parse(JSON.stringify(serialized)));
  return (query: string, limit?: number) =>
    suggestArticles(index, query, limit).map((suggestion) => suggestion.doc.id);
}
