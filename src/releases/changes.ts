/**
 * What changed in content between two releases, read from the git commits between them: articles
 * added, changed and removed per locale, and the proposals whose commits are among them. Pure:
 * the commits come in as data.
 */
import { isLocale, locales, type Locale } from '../i18n/locales.ts';
import type { ArticleChanges } from './manifest.ts';

export interface CommitInfo {
  sha: string;
  author: { name: string; email: string };
  at: string;
  subject: string;
  body: string;
  files: Array<{ status: 'A' | 'M' | 'D'; path: string }>;
}

export interface ContentChanges {
  articles: Partial<Record<Locale, ArticleChanges>>;
  proposals: string[];
}

const ARTICLE = /^articles\/([a-z]{2})\/([a-z0-9-]+)\.mdx$/;

export function contentChanges(commits: readonly CommitInfo[]): ContentChanges {
  const state = new Map<string, 'A' | 'M' | 'D'>();
  const proposals: string[] = [];
  for (const commit of commits) {
    for (const file of commit.files) {
      if (!ARTICLE.test(file.path)) continue;
      const before = state.get(file.path);
      // Added then changed stays added; added then deleted is nothing; deleted then added is changed.
      if (before === 'A' && file.status === 'M') continue;
      if (before === 'A' && file.status === 'D') state.delete(file.path);
      else if (before === 'D' && file.status === 'A') state.set(file.path, 'M');
      else state.set(file.path, file.status);
    }
    for (const match of commit.body.matchAll(/^Proposal: (PR-[0-9A-Z]{8})$/gm)) proposals.push(match[1]!);
  }
  const articles: Partial<Record<Locale, ArticleChanges>> = {};
  for (const [path, status] of [...state].sort()) {
    const [, locale, id] = ARTICLE.exec(path)!;
    if (!isLocale(locale)) continue;
    const entry = (articles[locale] ??= { added: [], changed: [], removed: [] });
    (status === 'A' ? entry.added : status === 'D' ? entry.removed : entry.changed).push(id!);
  }
  return { articles, proposals: [...new Set(proposals)] };
}

/**
 * "What's new" per locale: every article a reader of that locale sees differently now. An
 * English change shows in every locale where the article is not translated (the reader sees the
 * English text); a translation change shows in its own locale.
 */
export interface WhatsNewEntry {
  articleId: string;
  kind: 'new' | 'updated' | 'translated' | 'removed';
}

export type WhatsNew = Partial<Record<Locale, WhatsNewEntry[]>>;

export function whatsNew(
  changes: ContentChanges,
  translated: (locale: Locale, articleId: string) => boolean,
  isPublic: (articleId: string) => boolean,
): WhatsNew {
  const notes: WhatsNew = {};
  const add = (locale: Locale, entry: WhatsNewEntry) => {
    const list = (notes[locale] ??= []);
    if (!list.some((e) => e.articleId === entry.articleId)) list.push(entry);
  };
  const english = changes.articles.en;
  for (const locale of locales) {
    const own = changes.articles[locale];
    for (const id of own?.added ?? [])
      if (isPublic(id)) add(locale, { articleId: id, kind: locale === 'en' ? 'new' : 'translated' });
    for (const id of own?.changed ?? []) if (isPublic(id)) add(locale, { articleId: id, kind: 'updated' });
    if (locale === 'en') continue;
    for (const id of english?.added ?? [])
      if (isPublic(id) && !translated(locale, id)) add(locale, { articleId: id, kind: 'new' });
    for (const id of english?.changed ?? [])
      if (isPublic(id) && !translated(locale, id)) add(locale, { articleId: id, kind: 'updated' });
  }
  return notes;
}
