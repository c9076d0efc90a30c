import { describe, expect, it } from 'vitest';
import type { Locale } from '../../../src/i18n/locales.ts';
import {
  contentPageOf,
  englishOnlyLocales,
  isFallbackPage,
  pageLinks,
  type HasOwnText,
} from '../../../src/lib/page-languages.ts';

// invoices-and-vat is translated into German and Russian only; every category title exists.
const translated = new Set<Locale>(['en', 'de', 'ru']);
const ownText: HasOwnText = (locale, kind) => kind !== 'articles' || translated.has(locale);
const site = 'https://help.example.com';

describe('page languages', () => {
  it('reads the article, category or section a path shows, under any base path', () => {
    expect(contentPageOf('/nl/articles/invoices-and-vat/')).toEqual({ locale: 'nl', kind: 'articles', id: 'invoices-and-vat' });
    expect(contentPageOf('/agents/ko/sections/bidding/')).toEqual({ locale: 'ko', kind: 'sections', id: 'bidding' });
    expect(contentPageOf('/nl/search/')).toBeUndefined();
  });

  it('lists the locales that show an untranslated article in English', () => {
    expect(englishOnlyLocales('/ru/articles/invoices-and-vat/', ownText)).toEqual(['nl', 'fr', 'it', 'es', 'ko']);
    expect(englishOnlyLocales('/nl/categories/buying/', ownText)).toEqual([]);
    expect(englishOnlyLocales('/nl/contact/', ownText)).toEqual([]);
  });

  it('gives an untranslated page a canonical link to its English original', () => {
    const links = pageLinks('/nl/articles/invoices-and-vat/', site, ownText);
    expect(links.canonical).toBe(`${site}/en/articles/invoices-and-vat/`);
    expect(links.xDefault).toBe(`${site}/en/articles/invoices-and-vat/`);
  });

  it('lists only the languages with their own text as alternates, on every language’s page', () => {
    for (const path of ['/nl/articles/invoices-and-vat/', '/de/articles/invoices-and-vat/']) {
      expect(pageLinks(path, site, ownText).alternates.map((a) => a.locale)).toEqual(['en', 'de', 'ru']);
    }
    expect(pageLinks('/de/articles/invoices-and-vat/', site, ownText).alternates[1]).toEqual({
      locale: 'de',
      href: `${site}/de/articles/invoices-and-vat/`,
    });
  });

  it('keeps a translated page canonical to itself', () => {
    expect(pageLinks('/de/articles/invoices-and-vat/', site, ownText).canonical).toBe(
      `${site}/de/articles/invoices-and-vat/`,
    );
    expect(pageLinks('/nl/categories/buying/', site, ownText).alternates).toHaveLength(8);
  });

  it('tells the sitemap to leave out fallback pages but keep their English originals', () => {
    expect(isFallbackPage('/nl/articles/invoices-and-vat/', ownText)).toBe(true);
    expect(isFallbackPage('/en/articles/invoices-and-vat/', ownText)).toBe(false);
    expect(isFallbackPage('/de/articles/invoices-and-vat/', ownText)).toBe(false);
    expect(isFallbackPage('/nl/', ownText)).toBe(false);
  });
});
