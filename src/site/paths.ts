import { locales } from '../i18n/locales.ts';

/** getStaticPaths for pages that exist once per locale. */
export function localePaths() {
  return locales.map((locale) => ({ params: { locale }, props: { locale } }));
}
