import { describe, expect, it } from 'vitest';
import { locales, sourceLocale } from '../../../src/i18n/locales.ts';
import { uiStrings, useTranslations } from '../../../src/i18n/index.ts';

const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;
const baseKey = (key: string) => key.replace(PLURAL_SUFFIX, '');
const source = uiStrings[sourceLocale];
const pluralBases = new Set(
  Object.keys(source)
    .filter((k) => PLURAL_SUFFIX.test(k))
    .map(baseKey),
);
const plainKeys = Object.keys(source).filter((k) => !PLURAL_SUFFIX.test(k));
const placeholders = (text: string) =>
  [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();

describe.each(locales)('UI strings in %s', (locale) => {
  const strings = uiStrings[locale];

  it('has every key the English strings have', () => {
    const missing = plainKeys.filter((key) => !(key in strings));
    expect(missing, `add these keys to src/i18n/locales/${locale}.json`).toEqual([]);
  });

  it('has no key English does not have', () => {
    const known = new Set([...plainKeys, ...pluralBases]);
    const extra = Object.keys(strings).filter((key) => !known.has(baseKey(key)));
    expect(extra, `remove or rename these keys in src/i18n/locales/${locale}.json`).toEqual([]);
  });

  it('has every plural form Intl.PluralRules requires for the language', () => {
    const required = new Intl.PluralRules(locale).resolvedOptions().pluralCategories;
    const missing = [...pluralBases].flatMap((base) =>
      required.filter((category) => !(`${base}_${category}` in strings)).map((c) => `${base}_${c}`),
    );
    expect(missing, `add these plural forms to src/i18n/locales/${locale}.json`).toEqual([]);
  });

  it('keeps the placeholders of the English text', () => {
    const wrong = plainKeys.filter(
      (key) =>
        key in strings && placeholders(strings[key]!).join() !== placeholders(source[key]!).join(),
    );
    expect(wrong, `fix {{placeholders}} in src/i18n/locales/${locale}.json`).toEqual([]);
  });

  it('is translated, not a copy of English', () => {
    if (locale === sourceLocale) return;
    const same = plainKeys.filter(
      (key) => strings[key] === source[key] && /[a-z]{4,}/i.test(source[key]!),
    );
    // Brand and language names may stay as they are; whole sentences may not.
    expect(same.length, `untranslated: ${same.slice(0, 5).join(', ')}`).toBeLessThan(4);
  });
});

describe('plural forms', () => {
  it('chooses the Russian one/few/many forms by number', () => {
    const t = useTranslations('ru');
    const words = [1, 3, 5, 21].map((count) =>
      t('search.resultCount', { count }).replace(String(count), '#'),
    );
    expect(words[0]).toBe(words[3]); // 1 and 21 are "one"
    expect(new Set(words.slice(0, 3)).size).toBe(3); // one, few (3) and many (5) differ
  });

  it('uses the single Korean form for every number', () => {
    const t = useTranslations('ko');
    expect(t('search.resultCount', { count: 1 }).replace('1', '#')).toBe(
      t('search.resultCount', { count: 7 }).replace('7', '#'),
    );
  });
});
