import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

/**
 * The revision of a content file: the first 12 hex digits of the SHA-256 of its text with line
 * endings normalised, so a checkout on Windows yields the same revision as one on Linux.
 * A translation stores the revision of the English file it was made from (`sourceRevision`).
 */
export function revisionOf(text: string): string {
  const normalised = text.replace(/\r\n?/g, '\n');
  return createHash('sha256').update(normalised, 'utf8').digest('hex').slice(0, 12);
}

export function revisionOfFile(path: string): string {
  return revisionOf(readFileSync(path, 'utf8'));
}
