/**
 * The service's read-only view of content/ in the working tree: article sources with their
 * revisions, and the facts a proposal is checked against (sections, articles, snippets,
 * pictures). Read from disk on each call: files are small, and content changes (a merge, a pull)
 * show without a restart.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { sourceLocale, type Locale } from '../../i18n/locales.ts';
import type { Visibility } from '../../lib/content-graph.ts';
import { revisionOf } from '../../lib/revision.ts';
import { sectionSchema } from '../../lib/structure-schema.ts';
import { articlePath, readFrontmatter } from '../../lib/translation-status.ts';
import type { ContentFacts } from '../../proposals/check-proposal.ts';
import { idPattern } from '../../lib/ids.ts';

export interface ArticleSource {
  articleId: string;
  locale: Locale;
  text: string;
  revision: string;
}

/** What the review queue and the freshness report need to know of an article. */
export interface ArticleEntry {
  id: string;
  title: string;
  section: string;
  category: string;
  owner: string;
  visibility: Visibility;
  reviewBy: string | null;
}

export interface ContentRepository {
  readonly dir: string;
  /** The file content/articles/<locale>/<id>.mdx, or undefined when it does not exist. */
  article(locale: Locale, articleId: string): ArticleSource | undefined;
  /** Visibility of an English article, or undefined when there is none. */
  visibility(articleId: string): Visibility | undefined;
  facts(): ContentFacts;
  /** Every English article with its section, category and owner. */
  catalogue(): ArticleEntry[];
}


export function contentRepository(dir: string): ContentRepository {
  const read = (locale: Locale, articleId: string): ArticleSource | undefined => {
    if (!idPattern.test(articleId)) return undefined;
    const path = articlePath(dir, locale, articleId);
    if (!existsSync(path)) return undefined;
    const text = readFileSync(path, 'utf8');
    return { articleId, locale, text, revision: revisionOf(text) };
  };
  return {
    dir,
    article: read,
    visibility(articleId) {
      const source = read(sourceLocale, articleId);
      if (!source) return undefined;
      return readFrontmatter(source.text)['visibility'] === 'internal' ? 'internal' : 'public';
    },
    facts() {
      const sections = new Map<string, Visibility>();
      const raw: unknown = parseYaml(
        readFileSync(join(dir, 'structure', 'sections.yaml'), 'utf8'),
      );
      for (const entry of Array.isArray(raw) ? raw : []) {
        const section = sectionSchema.safeParse(entry);
        if (section.success) sections.set(section.data.id, section.data.visibility);
      }
      const englishArticles = new Map<string, Visibility>();
      for (const name of filesIn(join(dir, 'articles', sourceLocale), '.mdx')) {
        const id = name.slice(0, -4);
        englishArticles.set(id, this.visibility(id) ?? 'public');
      }
      const snippets = new Set(
        filesIn(join(dir, 'snippets', sourceLocale), '.mdx').map((name) => name.slice(0, -4)),
      );
      const pictures = (folder: string, prefix: string) =>
        readdirSafe(join(dir, 'images', folder))
          .filter((name) => /\.(png|jpe?g|webp)$/i.test(name))
          .map((name) => prefix + name);
      // Drawings per language (images/<locale>/) are named without the folder, like
      // language-neutral pictures: every one exists in English.
      const images = new Set([
        ...pictures('', ''),
        ...pictures(sourceLocale, ''),
        ...pictures('internal', 'internal/'),
      ]);
      return { sections, englishArticles, snippets, images };
    },
    catalogue() {
      const categoryOf = new Map<string, string>();
      const raw: unknown = parseYaml(readFileSync(join(dir, 'structure', 'sections.yaml'), 'utf8'));
      for (const entry of Array.isArray(raw) ? raw : []) {
        const section = sectionSchema.safeParse(entry);
        if (section.success) categoryOf.set(section.data.id, section.data.category);
      }
      return filesIn(join(dir, 'articles', sourceLocale), '.mdx').map((name) => {
        const id = name.slice(0, -4);
        const data = readFrontmatter(readFileSync(join(dir, 'articles', sourceLocale, name), 'utf8'));
        const section = String(data['section'] ?? '');
        const reviewBy = data['reviewBy'];
        return {
          id,
          title: String(data['title'] ?? id),
          section,
          category: categoryOf.get(section) ?? '',
          owner: String(data['owner'] ?? ''),
          visibility: data['visibility'] === 'internal' ? 'internal' : 'public',
          reviewBy:
            reviewBy instanceof Date
              ? reviewBy.toISOString().slice(0, 10)
              : typeof reviewBy === 'string'
                ? reviewBy
                : null,
        };
      });
    },
  };
}

function filesIn(folder: string, extension: string): string[] {
  return readdirSafe(folder).filter((name) => name.endsWith(extension));
}

function readdirSafe(folder: string): string[] {
  try {
    return readdirSync(folder);
  } catch {
    return [];
  }
}
