import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

/**
 * The revision of a content file: the first 12 hex digits of the SHA-256 of its text with line
 * endings normalised, so a checkout on Windows yields the same revision as one on Linux. It names
 * one exact text: proposals, flags and reviews use it to notice any change.
 */
export function revisionOf(text: string): string {
  return hash(normaliseLineEndings(text));
}

/**
 * The revision translations track (`sourceRevision`): the English file without its search
 * `keywords`. Keywords are written per language for how customers of that language search, so
 * adding "2fa" to the English article must not tell seven languages their translation is out of
 * date. For a file without keywords this equals {@link revisionOf}.
 */
export function sourceRevisionOf(text: string): string {
  return hash(withoutKeywords(normaliseLineEndings(text)));
}

export function revisionOfFile(path: string): string {
  return revisionOf(readFileSync(path, 'utf8'));
}

export function sourceRevisionOfFile(path: string): string {
  return sourceRevisionOf(readFileSync(path, 'utf8'));
}

function normaliseLineEndings(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}

function hash(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex').slice(0, 12);
}

/**
 * Drops the `keywords:` entry of the frontmatter with its continuation lines (indented lines and
 * block-list items), whatever YAML style it is written in. The rest of the file is untouched.
 */
function withoutKeywords(text: string): string {
  const frontmatter = /^---\n([\s\S]*?)\n---(?:\n|$)/.exec(text);
  if (!frontmatter?.[1]?.includes('keywords')) return text;
  const kept: string[] = [];
  let dropping = false;
  for (const line of frontmatter[1].split('\n')) {
    if (/^keywords\s*:/.test(line)) {
      dropping = true;
      continue;
    }
    if (dropping && (line === '' || /^[\s-]/.test(line))) continue;
    dropping = false;
    kept.push(line);
  }
  return `---\n${kept.join('\n')}\n---${text.slice(frontmatter[0].endsWith('\n') ? frontmatter[0].length - 1 : frontmatter[0].length)}`;
}
