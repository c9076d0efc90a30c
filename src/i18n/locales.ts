/**
 * The eight locales the help centre is published in, and what each needs to know about itself.
 * The order is the order of the language switcher. English is the source language: every article
 * exists in English first, and translations record which English revision they were made from.
 */
export const locales = ['en', 'nl', 'de', 'fr', 'it', 'es', 'ru', 'ko'] as const;

export type Locale = (typeof locales)[number];

/** The language every article is written in first; fallback pages show this text. */
export const sourceLocale: Locale = 'en';

export interface LocaleInfo {
  /** The language's own name, as shown in the switcher ("Deutsch", "한국어"). */
  readonly nativeName: string;
  /** BCP 47 tag used for `lang` and `hreflang`. */
  readonly tag: string;
  /**
   * The tag dates, times and numbers are formatted with (Intl). English copy is British, so it
   * says "Tuesday 1 December", not the US "Tuesday, December 1".
   */
  readonly intl: string;
}

export const localeInfo: Record<Locale, LocaleInfo> = {
  en: { nativeName: 'English', tag: 'en', intl: 'en-GB' },
  nl: { nativeName: 'Nederlands', tag: 'nl', intl: 'nl' },
  de: { nativeName: 'Deutsch', tag: 'de', intl: 'de' },
  fr: { nativeName: 'Français', tag: 'fr', intl: 'fr' },
  it: { nativeName: 'Italiano', tag: 'it', intl: 'it' },
  es: { nativeName: 'Español', tag: 'es', intl: 'es' },
  ru: { nativeName: 'Русский', tag: 'ru', intl: 'ru' },
  ko: { nativeName: '한국어', tag: 'ko', intl: 'ko' },
};

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (locales as readonly string[]).includes(value);
}

/**
 * Picks the best locale for a list of browser languages (navigator.languages or the parsed
 * Accept-Language header), matching region tags to their base language ("de-AT" → de).
 */
export function bestLocale(preferred: readonly string[]): Locale {
  for (const tag of preferred) {
    const base = tag.trim().toLowerCase().split(/[-_]/)[0];
    if (isLocale(base)) return base;
  }
  return sourceLocale;
}

/**
 * The `lang` attribute for text inside a page of another locale: the text's tag when it differs
 * (English fallback text under /ko/), nothing when the text is in the page's language.
 */
export function langIfDifferent(pageLocale: Locale, textLocale: Locale): string | undefined {
  return textLocale === pageLocale ? undefined : localeInfo[textLocale].tag;
}
