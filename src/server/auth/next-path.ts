import { isLocale, sourceLocale, type Locale } from '../../i18n/locales.ts';

/**
 * Where to go after signing in: only a path inside the agents' help centre on this site, so a
 * crafted link cannot bounce a fresh session to another site ("//evil.example", "/\\evil").
 */
export function safeNextPath(next: unknown, locale: Locale = sourceLocale): string {
  const fallback = `/agents/${locale}/`;
  if (typeof next !== 'string' || next.length > 500) return fallback;
  if (!/^\/agents\/[a-z]{2}\//.test(next) || /[\\\s]|\/\//.test(next)) return fallback;
  return next;
}

/** The locale a path is in (/agents/ko/… or /ko/…), for messages on the way there. */
export function localeOfPath(path: string | null | undefined): Locale {
  const segment = /^\/(?:agents\/)?([a-z]{2})\//.exec(path ?? '')?.[1];
  return isLocale(segment) ? segment : sourceLocale;
}
