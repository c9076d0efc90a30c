import type { Locale } from '../i18n/locales.ts';

/**
 * Where this build is served: '' for the public help centre, '/agents' for the agents' one
 * (Astro's `base`, replaced at build time). Outside a Vite build (the service, scripts) it is ''.
 */
export const basePath: string = (
  (import.meta as { env?: { BASE_URL?: string } }).env?.BASE_URL ?? '/'
).replace(/\/+$/, '');

/** Path prefix of the agents' help centre, as the service mounts it. */
export const internalBasePath = '/agents';

/** URLs are part of the interface: change them only with redirects. All end in a slash. */
export const urls = {
  home: (locale: Locale) => `${basePath}/${locale}/`,
  category: (locale: Locale, id: string) => `${basePath}/${locale}/categories/${id}/`,
  section: (locale: Locale, id: string) => `${basePath}/${locale}/sections/${id}/`,
  article: (locale: Locale, id: string) => `${basePath}/${locale}/articles/${id}/`,
  search: (locale: Locale) => `${basePath}/${locale}/search/`,
  /** Always the public contact page: agents see what readers see. */
  contact: (locale: Locale, context: { article?: string; q?: string } = {}) => {
    const params = new URLSearchParams();
    if (context.article) params.set('article', context.article);
    if (context.q) params.set('q', context.q);
    const query = params.toString();
    return `/${locale}/contact/${query ? `?${query}` : ''}`;
  },
  /** Always the public privacy page: the agents' build links to it too. */
  privacy: (locale: Locale) => `/${locale}/privacy/`,
  /** Static files of this build (search bundles, suggestion indexes). */
  asset: (path: string) => `${basePath}/${path.replace(/^\/+/, '')}`,
};

/** The same page in another locale: swaps the locale segment that follows the base path. */
export function switchLocale(path: string, to: Locale): string {
  const rest = basePath && path.startsWith(`${basePath}/`) ? path.slice(basePath.length) : path;
  return `${basePath}${rest.replace(/^\/[a-z]{2}(?=\/)/, `/${to}`)}`;
}
