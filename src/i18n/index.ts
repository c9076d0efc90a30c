import i18next, { type TFunction } from 'i18next';
import { localeInfo, locales, sourceLocale, type Locale } from './locales.ts';
import en from './locales/en.json' with { type: 'json' };
import nl from './locales/nl.json' with { type: 'json' };
import de from './locales/de.json' with { type: 'json' };
import fr from './locales/fr.json' with { type: 'json' };
import it from './locales/it.json' with { type: 'json' };
import es from './locales/es.json' with { type: 'json' };
import ru from './locales/ru.json' with { type: 'json' };
import ko from './locales/ko.json' with { type: 'json' };

/** UI strings of every locale: flat dotted keys ("search.label"), i18next plural suffixes. */
export const uiStrings: Record<Locale, Record<string, string>> = { en, nl, de, fr, it, es, ru, ko };

type PluralBase<K> = K extends `${infer Base}_${'zero' | 'one' | 'two' | 'few' | 'many' | 'other'}`
  ? Base
  : never;
/** A key of the UI strings; plural keys are used by their base ("search.resultCount") with a count. */
export type UiKey = keyof typeof en | PluralBase<keyof typeof en>;

/**
 * One i18next instance for the whole site, English as fallback: a key missing in a locale shows
 * English rather than a raw key (and the unit test fails, so it never ships that way).
 */
const instance = i18next.createInstance();
await instance.init({
  initAsync: false,
  lng: sourceLocale,
  fallbackLng: sourceLocale,
  supportedLngs: [...locales],
  resources: Object.fromEntries(locales.map((l) => [l, { translation: uiStrings[l] }])),
  keySeparator: false,
  nsSeparator: false,
  interpolation: { escapeValue: false }, // Astro escapes everything it renders
  returnNull: false,
});

export type Translate = (key: UiKey, options?: Record<string, unknown>) => string;

const translators = new Map<Locale, Translate>();

/**
 * The locale's translate function. Strings without options are remembered: a build of 10,000
 * pages asks for the same few hundred strings millions of times, and i18next's lookup was an
 * eighth of the rendering time.
 */
export function useTranslations(locale: Locale): Translate {
  let translate = translators.get(locale);
  if (!translate) {
    const t: TFunction = instance.getFixedT(locale);
    const plain = new Map<string, string>();
    translate = (key, options) => {
      if (options) return t(key, options) as string;
      let text = plain.get(key);
      if (text === undefined) plain.set(key, (text = t(key, {}) as string));
      return text;
    };
    translators.set(locale, translate);
  }
  return translate;
}

const dateFormats = new Map<Locale, Intl.DateTimeFormat>();

/** Dates through Intl in the page's locale ("14 October 2026", "2026년 10월 14일"). */
export function formatDate(locale: Locale, date: Date): string {
  let format = dateFormats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(localeInfo[locale].intl, {
      dateStyle: 'long',
      timeZone: 'UTC',
    });
    dateFormats.set(locale, format);
  }
  return format.format(date);
}

const languageNames = new Map<Locale, Intl.DisplayNames>();

/** The language's name in the reader's language ("Engels" for English read in Dutch). */
export function languageName(readerLocale: Locale, of: Locale): string {
  let names = languageNames.get(readerLocale);
  if (!names) {
    names = new Intl.DisplayNames([localeInfo[readerLocale].intl], { type: 'language' });
    languageNames.set(readerLocale, names);
  }
  return names.of(localeInfo[of].intl) ?? of;
}
