import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { locales, sourceLocale, type Locale } from '../i18n/locales.ts';
import { sourceRevisionOf } from './revision.ts';

/**
 * Translation status read straight from the files in content/articles, with no Astro import, so
 * the command line (`npm run translations`) and the build agree on what is current.
 */

/**
 * current: translated from the English revision of today. outdated: translated from an older one.
 * summary: only title, description and keywords are translated; readers get the English text.
 * missing: no file; readers get the English text and title.
 */
export type TranslationState = 'current' | 'outdated' | 'summary' | 'missing';

export interface ArticleTranslations {
  id: string;
  /** Revision of the English source file. */
  sourceRevision: string;
  visibility: 'public' | 'internal';
  states: Record<Locale, TranslationState>;
}

const FRONTMATTER = /^---\r?\n([\s\S]*?)\r?\n---/;

/**
 * Parsed frontmatter blocks by their text: reports and checks read every article's frontmatter
 * again and again, and the YAML parse is most of that cost. Frozen, since callers share it;
 * bounded, since a big site has tens of thousands of files.
 */
const parsedFrontmatter = new Map<string, Readonly<Record<string, unknown>>>();

export function readFrontmatter(text: string): Record<string, unknown> {
  const match = FRONTMATTER.exec(text);
  if (!match) return {};
  const block = match[1] ?? '';
  let parsed = parsedFrontmatter.get(block);
  if (!parsed) {
    const data: unknown = parseYaml(block);
    parsed = Object.freeze(
      data && typeof data === 'object' ? (data as Record<string, unknown>) : {},
    );
    if (parsedFrontmatter.size >= 20_000) parsedFrontmatter.clear();
    parsedFrontmatter.set(block, parsed);
  }
  return parsed as Record<string, unknown>;
}

/**
 * One top-level field of the frontmatter, read from its line alone: the YAML parse of a whole
 * block is most of what resolving 10,000 translations cost, and the fields asked for here
 * (summary, visibility) are one-line scalars. The line is still read by the YAML parser, so
 * `summary: True` or `visibility: "internal"` mean what they mean in the full parse.
 */
export function frontmatterField(text: string, name: string): unknown {
  const block = FRONTMATTER.exec(text)?.[1];
  const line = block && new RegExp(`^${name}[ \\t]*:.*$`, 'm').exec(block)?.[0];
  if (!line) return undefined;
  // A value on the lines below (or anything the line alone cannot say): the whole block.
  if (/:[ \t]*(?:#.*)?$/.test(line)) return readFrontmatter(text)[name];
  try {
    return (parseYaml(line) as Record<string, unknown> | null)?.[name];
  } catch {
    return readFrontmatter(text)[name];
  }
}

/**
 * The English revision a translation says it was translated from, read from its line rather than
 * from the parsed YAML: a legacy unquoted value is a number to YAML (123456789012 stays digits,
 * but 1234e5678901 becomes Infinity and 012345678901 loses its zero). Quoted or not, the
 * characters written are the revision. undefined when the line is missing or empty.
 */
export function statedSourceRevision(text: string): string | undefined {
  const block = FRONTMATTER.exec(text)?.[1];
  const value = block && /^sourceRevision[ \t]*:[ \t]*(.*?)[ \t]*$/m.exec(block)?.[1];
  if (!value) return undefined;
  const quoted = /^"([^"]*)"|^'([^']*)'/.exec(value);
  const revision = quoted ? (quoted[1] ?? quoted[2]!) : value.replace(/[ \t]+#.*$/, '');
  return revision === '' ? undefined : revision;
}

export function articlePath(contentDir: string, locale: Locale, id: string): string {
  return join(contentDir, 'articles', locale, `${id}.mdx`);
}

export function translationState(
  sourceRevision: string,
  translationText: string | undefined,
): TranslationState {
  if (translationText === undefined) return 'missing';
  if (frontmatterField(translationText, 'summary') === true) return 'summary';
  return statedSourceRevision(translationText) === sourceRevision ? 'current' : 'outdated';
}

export function readTranslationStatus(contentDir: string): ArticleTranslations[] {
  const sourceDir = join(contentDir, 'articles', sourceLocale);
  const ids = readdirSync(sourceDir)
    .filter((name) => name.endsWith('.mdx'))
    .map((name) => name.slice(0, -'.mdx'.length))
    .sort();
  return ids.map((id) => {
    const sourceText = readFileSync(articlePath(contentDir, sourceLocale, id), 'utf8');
    const sourceRevision = sourceRevisionOf(sourceText);
    const visibility =
      frontmatterField(sourceText, 'visibility') === 'internal' ? 'internal' : 'public';
    const states = Object.fromEntries(
      locales.map((locale) => {
        if (locale === sourceLocale) return [locale, 'current'];
        const path = articlePath(contentDir, locale, id);
        const text = existsSync(path) ? readFileSync(path, 'utf8') : undefined;
        return [locale, translationState(sourceRevision, text)];
      }),
    ) as Record<Locale, TranslationState>;
    return { id, sourceRevision, visibility, states };
  });
}

/** Writes `sourceRevision: <revision>` into a translation's frontmatter, replacing any old one. */
export function stampRevision(translationText: string, revision: string): string {
  const match = FRONTMATTER.exec(translationText);
  if (!match) throw new Error('the file has no frontmatter block between --- lines');
  const block = match[1] ?? '';
  // Quoted: a revision such as 1234e5678901 would otherwise be read by YAML as a number.
  const line = `sourceRevision: "${revision}"`;
  const stamped = /^sourceRevision:.*$/m.test(block)
    ? block.replace(/^sourceRevision:.*$/m, line)
    : `${block}\n${line}`;
  return translationText.replace(block, stamped);
}
