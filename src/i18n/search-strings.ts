/** Builds, at build time, the strings the search scripts get (see search-text.ts). */
import { uiStrings } from './index.ts';
import type { Locale } from './locales.ts';
import type { SearchStrings } from './search-text.ts';

const keys = {
  allResults: 'header.search.allResults',
  inEnglish: 'search.inEnglish',
  englishHint: 'article.englishTextHint',
  noResults: 'search.noResults.title',
  contact: 'search.noResults.contact',
  searching: 'search.searching',
  unavailable: 'search.unavailable',
  titleWithQuery: 'search.titleWithQuery',
} as const;

const built = new Map<Locale, SearchStrings>();

/** The same object for every page of a locale (built once). */
export function searchStrings(locale: Locale): SearchStrings {
  let strings = built.get(locale);
  if (!strings) built.set(locale, (strings = buildSearchStrings(locale)));
  return strings;
}

function buildSearchStrings(locale: Locale): SearchStrings {
  const strings = uiStrings[locale];
  const english = uiStrings.en;
  const pick = (key: string) => strings[key] ?? english[key] ?? key;
  const prefix = 'search.resultCount_';
  const resultCount = Object.fromEntries(
    Object.entries(strings)
      .filter(([key]) => key.startsWith(prefix))
      .map(([key, value]) => [key.slice(prefix.length), value]),
  );
  return {
    resultCount,
    ...(Object.fromEntries(Object.entries(keys).map(([name, key]) => [name, pick(key)])) as Omit<
      SearchStrings,
      'resultCount'
    >),
  };
}
