import { isLocale, locales, sourceLocale, type Locale } from '../i18n/locales.ts';
import { switchLocale } from './urls.ts';

/**
 * Which languages a page really exists in. An article, category or section whose text a locale
 * does not have is shown in English under that locale (a fallback page): readers may use it, but
 * search engines should not take it for that language's page, and the language menu says so.
 * Pure: the build passes a lookup made from the content graph, the sitemap one made from files.
 */

export type ContentKind = 'articles' | 'categories' | 'sections';

/** Whether a locale has its own text for an article, category or section (else: English). */
export type HasOwnText = (locale: Locale, kind: ContentKind, id: string) => boolean;

export interface ContentPage {
  locale: Locale;
  kind: ContentKind;
  id: string;
}

const CONTENT_PATH = /\/([a-z]{2})\/(articles|categories|sections)\/([^/]+)\/$/;

/** The article, category or section a path shows (any base path before it), if it shows one. */
export function contentPageOf(path: string): ContentPage | undefined {
  const match = CONTENT_PATH.exec(path);
  if (!match || !isLocale(match[1])) return undefined;
  return { locale: match[1], kind: match[2] as ContentKind, id: match[3]! };
}

/** The locales in which the page at `path` shows English text; none for pages of UI only. */
export function englishOnlyLocales(path: string, hasOwnText: HasOwnText): Locale[] {
  const page = contentPageOf(path);
  if (!page) return [];
  return locales.filter((l) => l !== sourceLocale && !hasOwnText(l, page.kind, page.id));
}

/** Whether the page at `path` is English text under another locale. */
export function isFallbackPage(path: string, hasOwnText: HasOwnText): boolean {
  const page = contentPageOf(path);
  return page !== undefined && englishOnlyLocales(path, hasOwnText).includes(page.locale);
}

export interface PageLinks {
  /** The page itself, or the English original when this page is a fallback. */
  canonical: string;
  /** One per locale that has the page in its own language (English always). */
  alternates: Array<{ locale: Locale; href: string }>;
  /** The English page, for readers of any other language. */
  xDefault: string;
}

/** Canonical and hreflang links of a page, leaving out the locales that only show English. */
export function pageLinks(path: string, site: URL | string, hasOwnText: HasOwnText): PageLinks {
  const english = englishOnlyLocales(path, hasOwnText);
  const page = contentPageOf(path);
  const href = (locale: Locale) => new URL(switchLocale(path, locale), site).href;
  const fallback = page !== undefined && english.includes(page.locale);
  return {
    canonical: fallback ? href(sourceLocale) : new URL(path, site).href,
    alternates: locales
      .filter((l) => !english.includes(l))
      .map((l) => ({ locale: l, href: href(l) })),
    xDefault: href(sourceLocale),
  };
}

/** The lookup from a content graph; anything the graph does not know counts as translated. */
export function ownTextInGraph(graph: {
  article(locale: Locale, id: string): { textLocale: Locale };
  title(locale: Locale, kind: 'categories' | 'sections', id: string): { textLocale: Locale };
}): HasOwnText {
  let lookup = lookups.get(graph);
  if (!lookup) {
    // Every page asks for every locale of itself (menu, hreflang): answered once per graph.
    const answers = new Map<string, boolean>();
    lookup = (locale, kind, id) => {
      const key = `${locale}/${kind}/${id}`;
      let own = answers.get(key);
      if (own === undefined) answers.set(key, (own = hasOwnTextIn(graph, locale, kind, id)));
      return own;
    };
    lookups.set(graph, lookup);
  }
  return lookup;
}

const lookups = new WeakMap<object, HasOwnText>();

function hasOwnTextIn(
  graph: Parameters<typeof ownTextInGraph>[0],
  locale: Locale,
  kind: ContentKind,
  id: string,
): boolean {
  try {
    const shown = kind === 'articles' ? graph.article(locale, id) : graph.title(locale, kind, id);
    return shown.textLocale === locale;
  } catch {
    return true;
  }
}
