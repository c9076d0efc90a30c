import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locale } from '../../src/i18n/locales.ts';

const root = join(import.meta.dirname, '..', '..');

/** The UI strings of a locale, so tests assert the text readers really get. */
export function strings(locale: Locale): Record<string, string> {
  return JSON.parse(
    readFileSync(join(root, 'src', 'i18n', 'locales', `${locale}.json`), 'utf8'),
  ) as Record<string, string>;
}

/** The text of a UI string with its placeholders left out, for `toContainText`. */
export function textBefore(locale: Locale, key: string): string {
  return (strings(locale)[key] ?? key).split('{{')[0]!.trim();
}

export const distDir = join(root, 'dist');
