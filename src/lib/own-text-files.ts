import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { locales, sourceLocale, type Locale } from '../i18n/locales.ts';
import type { HasOwnText } from './page-languages.ts';
import { readTranslationStatus } from './translation-status.ts';

/**
 * The page-language lookup read straight from content/ (no Astro import), for the sitemap step of
 * astro.config.mjs: an article has its own text in a locale when it is translated in full
 * (current or outdated); a category or section when the locale's titles file names it.
 */
export function ownTextFromFiles(contentDir: string): HasOwnText {
  const states = new Map(readTranslationStatus(contentDir).map((a) => [a.id, a.states]));
  const titled = new Map<Locale, Record<string, Record<string, unknown>>>();
  for (const locale of locales) {
    const file = join(contentDir, 'structure', 'titles', `${locale}.yaml`);
    const data: unknown = existsSync(file) ? parseYaml(readFileSync(file, 'utf8')) : {};
    titled.set(
      locale,
      (data && typeof data === 'object' ? data : {}) as Record<string, Record<string, unknown>>,
    );
  }
  return (locale, kind, id) => {
    if (locale === sourceLocale) return true;
    if (kind === 'articles') {
      const state = states.get(id)?.[locale];
      return state === undefined || state === 'current' || state === 'outdated';
    }
    return titled.get(locale)?.[kind]?.[id] !== undefined;
  };
}
