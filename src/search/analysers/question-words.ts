import type { Locale } from '../../i18n/locales.ts';

/**
 * Words that make a search a plea or a question without saying what it is about, beyond the
 * Snowball stop word lists: modal verbs ("puedo", "kunt"), courtesies ("svp", "bitte") and fillers
 * ("still", "already"). Question words stay: "how much" and "when" say a reader wants a price or a
 * date. Compared without accents, so "todavia" and "todavía" both go.
 */
export const questionWords: Partial<Record<Locale, string>> = {
  // Contractions typed without the apostrophe (havent) or split at it (isn't → isn).
  en:
    'need want please still already anyone here there something anything really happens happen ' +
    'havent hasnt cant dont doesnt didnt isnt wasnt wont arent couldnt shouldnt wouldnt im ive ' +
    'haven hasn doesn didn isn wasn aren couldn shouldn wouldn',
  nl: 'kun kunt mag graag iemand',
  de: 'müssen darf schon bitte jemand',
  fr: 'puis peux peut dois doit faut fait faire fais toujours vraiment encore déjà svp quelqu si',
  it: 'posso può puoi devo deve bisogna fatto ancora già qualcuno si per',
  es: 'puedo puede debo hecho todavía alguien si deja dejan unas',
};
