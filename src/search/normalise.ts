import type { Locale } from '../i18n/locales.ts';
import { normaliseKoreanText } from './analysers/korean-endings.ts';
import { foldYo } from './analysers/text.ts';

export { stripKoreanParticle } from './analysers/korean-particles.ts';

/**
 * What the Pagefind site search applies to the query in the browser and to Russian and Korean
 * page text before indexing, so both sides meet: Russian ё → е (счёт finds счет), Korean particles
 * and verb endings stripped from each word (결제를 and 결제할 find 결제). Other locales come back unchanged: Pagefind's own
 * stemming handles them. Imports no stemmer, so it stays small.
 */
export function normaliseForSearch(locale: Locale, text: string): string {
  switch (locale) {
    case 'ru':
      return foldYo(text);
    case 'ko':
      return normaliseKoreanText(text);
    default:
      return text;
  }
}
