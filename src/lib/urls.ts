import type { Locale } from '../i18n/locales.ts';

/** URLs are part of the interface: change them only with redirects. All end in a slash. */
export const urls = {
  home: (locale: Locale) => `/${locale}/`,
  category: (locale: Locale, id: string) => `/${locale}/categories/${id}/`,
  section: (locale: Locale, id: string) => `/${locale}/sections/${id}/`,
  article: (locale: Locale, id: string) => `/${locale}/articles/${id}/`,
  search: (locale: Locale) => `/${locale}/search/`,
  contact: (locale: Locale, context: { article?: string; q?: string } = {}) => {
    const params = new URLSearchParams();
    if (context.article) params.set('article', context.article);
    if (context.q) params.set('q', context.q);
    const query = params.toString();
    return `/${locale}/contact/${query ? `?${query}` : ''}`;
  },
};

/** The same page in another locale: swaps the leading locale segment of a path. */
export function switchLocale(path: string, to: Locale): string {
  return path.replace(/^\/[a-z]{2}(?=\/)/, `/${to}`);
}
