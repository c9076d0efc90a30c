import { existsSync, readFileSync } from 'node:fs';
import type { Locale } from '../i18n/locales.ts';
import type { WhatsNew } from '../releases/changes.ts';

export interface ReleaseNotes {
  release: string;
  date: string;
  entries: WhatsNew;
}

let notes: ReleaseNotes | null | undefined;

/**
 * The notes of the release being built (HC_RELEASE_NOTES, written by the release runner), or
 * null in a plain build. Read once per build.
 */
export function releaseNotes(): ReleaseNotes | null {
  if (notes !== undefined) return notes;
  const file = process.env['HC_RELEASE_NOTES'];
  notes =
    file && existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as ReleaseNotes) : null;
  return notes;
}

export function notesFor(locale: Locale) {
  return releaseNotes()?.entries[locale] ?? [];
}
