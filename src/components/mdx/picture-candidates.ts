import { sourceLocale, type Locale } from '../../i18n/locales.ts';

/**
 * The files content/images/ may hold for <Figure src="…">, best first: the drawing in the
 * language of the article text, the English drawing, then one picture for every language.
 * Internal pictures ("internal/…") are one flat folder and exist in one version only.
 */
export function pictureCandidates(src: string, textLocale: Locale): string[] {
  if (src.startsWith('internal/')) return [src];
  return [...new Set([`${textLocale}/${src}`, `${sourceLocale}/${src}`]), src];
}
