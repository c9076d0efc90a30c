import { locales } from '../i18n/locales.ts';
import { isInternalBuild } from './audience.ts';

/** getStaticPaths for pages that exist once per locale. */
export function localePaths() {
  return locales.map((locale) => ({ params: { locale }, props: { locale } }));
}

/**
 * Pages only the public help centre has (contact, sign-in): the agents' build skips them, its
 * links go to the public ones.
 */
export function publicLocalePaths() {
  return isInternalBuild ? [] : localePaths();
}
