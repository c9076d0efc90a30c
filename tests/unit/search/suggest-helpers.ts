import type { Locale } from '../../../src/i18n/locales.ts';
import {
  buildSuggestIndex,
  loadSuggestIndex,
  suggestArticles,
  type SuggestDoc,
} from '../../../src/search/suggest.ts';

/** [id, title, description, body] */
export type DocRow = [string, string, string, string];

export function docsOf(locale: Locale, rows: DocRow[]): SuggestDoc[] {
  return rows.map(([id, title, description, body]) => ({
    id,
    title,
    description,
    body,
    url: `/${locale}/articles/${id}/`,
  }));
}

/**
 * Builds an index the way the site does (build → JSON text → parse → load) and returns a function
 * that gives the ids suggested for a query, best first.
 */
export async function suggesterFor(locale: Locale, rows: DocRow[]) {
  const serialized = await buildSuggestIndex(locale, docsOf(locale, rows));
  const index = await loadSuggestIndex(JSON.parse(JSON.stringify(serialized)));
  return (query: string, limit?: number) =>
    suggestArticles(index, query, limit).map((suggestion) => suggestion.id);
}
