import { isLocale, locales, type Locale } from '../../i18n/locales.ts';
import type { Analyser } from './analyser.ts';

export type { Analyser, QueryWord } from './analyser.ts';

// One dynamic import per locale, so a browser downloads only its own language's stemmer.
const loaders: Record<Locale, () => Promise<{ analyser: Analyser }>> = {
  en: () => import('./en.ts'),
  nl: () => import('./nl.ts'),
  de: () => import('./de.ts'),
  fr: () => import('./fr.ts'),
  it: () => import('./it.ts'),
  es: () => import('./es.ts'),
  ru: () => import('./ru.ts'),
  ko: () => import('./ko.ts'),
};

const loaded = new Map<Locale, Promise<Analyser>>();

/** The analyser of a locale, loaded on first use and shared afterwards. */
export function loadAnalyser(locale: Locale): Promise<Analyser> {
  if (!isLocale(locale)) {
    return Promise.reject(
      new Error(
        `loadAnalyser: "${String(locale)}" is not a locale of the help centre; ` +
          `expected one of ${locales.join(', ')} (src/i18n/locales.ts).`,
      ),
    );
  }
  let analyser = loaded.get(locale);
  if (!analyser) {
    analyser = loaders[locale]().then((module) => module.analyser);
    loaded.set(locale, analyser);
  }
  return analyser;
}
