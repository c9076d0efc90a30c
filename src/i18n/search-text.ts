import { fill } from '../lib/format-due.ts';
import type { Locale } from './locales.ts';

export { fill };

/**
 * The UI strings the search scripts need in the browser, as templates ({{query}}, {{count}}):
 * the scripts fill them in, with plural forms chosen by Intl.PluralRules.
 */
export interface SearchStrings {
  /** Plural form ("one", "few", "many", "other") → "{{count}} results". */
  resultCount: Record<string, string>;
  allResults: string;
  inEnglish: string;
  englishHint: string;
  noResults: string;
  contact: string;
  searching: string;
  unavailable: string;
  titleWithQuery: string;
}

/** The count in the right plural form of the locale ("4 результата", "5 результатов"). */
export function countText(strings: SearchStrings, locale: Locale, count: number): string {
  const form = new Intl.PluralRules(locale).select(count);
  return fill(strings.resultCount[form] ?? strings.resultCount['other'] ?? '{{count}}', { count });
}
