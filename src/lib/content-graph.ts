import { locales, sourceLocale, isLocale, type Locale } from '../i18n/locales.ts';
import type { ArticleFrontmatter } from './content-schema.ts';
import type { StructureTitles } from './structure-schema.ts';
import { statedSourceRevision, translationState, type TranslationState } from './translation-status.ts';

/**
 * The help centre as a graph: categories → sections → articles, each article resolved in every
 * locale to the text a reader of that locale gets (the translation, or the English source with a
 * notice). Plain data in, plain data out: the Astro pages load entries and pass them here.
 * Internal articles, sections and categories are dropped here, once, for the public audience; the
 * internal audience (the agents' help centre) gets everything.
 */

/** Who a build is for: readers (public help centre) or signed-in agents (internal one). */
export type Audience = 'public' | 'internal';
export type Visibility = 'public' | 'internal';

export interface RawArticle<Entry = unknown> {
  /** `<locale>/<id>` as the glob loader makes it. */
  entryId: string;
  data: ArticleFrontmatter;
  /** Raw text of the file, for translation revisions. */
  fileText: string;
  filePath: string;
  entry: Entry;
}

export interface ResolvedArticle<Entry = unknown> {
  id: string;
  /** The locale of the page. */
  locale: Locale;
  /** The language the text is really in: the locale, or English on a fallback or summary page. */
  textLocale: Locale;
  /**
   * The language of the title, description and keywords: the locale when the article is
   * translated, even as a summary translation; English when it is missing.
   */
  titleLocale: Locale;
  state: TranslationState;
  title: string;
  description: string;
  /** Search keywords in the title's language (never shown to readers). */
  keywords: string[];
  /** Labels in the title's language. */
  labels: string[];
  updated: Date;
  data: ArticleFrontmatter;
  entry: Entry;
  /** The English source, for section, related, audience and promotion. */
  source: ArticleFrontmatter;
  /** Revision (content hash) of the file shown: the translation's, or the source's on fallback. */
  revision: string;
  /** The revision translations of this article track (the English file without keywords). */
  sourceRevision: string;
  visibility: Visibility;
}

export interface Category {
  id: string;
  order: number;
  icon: string;
  visibility: Visibility;
}
export interface Section {
  id: string;
  category: string;
  order: number;
  visibility: Visibility;
}

export class ContentError extends Error {
  override name = 'ContentError';
}

export interface ContentGraph<Entry> {
  audience: Audience;
  /** Every article id of this audience, sorted. */
  articleIds: string[];
  categories: Category[];
  sections: Section[];
  article(locale: Locale, id: string): ResolvedArticle<Entry>;
  articlesInSection(locale: Locale, sectionId: string): ResolvedArticle<Entry>[];
  sectionsInCategory(categoryId: string): Section[];
  promoted(locale: Locale): ResolvedArticle<Entry>[];
  title(
    locale: Locale,
    kind: 'categories' | 'sections',
    id: string,
  ): { title: string; description: string; textLocale: Locale };
  section(id: string): Section;
  category(id: string): Category;
}

export function buildContentGraph<Entry>(input: {
  articles: RawArticle<Entry>[];
  categories: Category[];
  sections: Section[];
  titles: Partial<Record<Locale, StructureTitles>>;
  /** The revision (content hash) of a file's text. */
  revisionOf: (article: RawArticle<Entry>) => string;
  /** The revision translations track: the text without search keywords. */
  sourceRevisionOf: (article: RawArticle<Entry>) => string;
  /** Default public: internal articles, sections and categories are left out. */
  audience?: Audience;
}): ContentGraph<Entry> {
  const audience = input.audience ?? 'public';
  const visible = (item: { visibility: Visibility }) =>
    audience === 'internal' || item.visibility === 'public';
  const allCategories = [...input.categories].sort((a, b) => a.order - b.order);
  const categoryById = new Map(allCategories.map((c) => [c.id, c]));
  const sectionById = new Map(input.sections.map((s) => [s.id, s]));
  for (const section of input.sections) {
    const category = categoryById.get(section.category);
    if (!category)
      throw new ContentError(
        `content/structure/sections.yaml: section "${section.id}" names category "${section.category}", which is not in categories.yaml. Use one of: ${allCategories.map((c) => c.id).join(', ')}`,
      );
    if (section.visibility === 'public' && category.visibility === 'internal')
      throw new ContentError(
        `content/structure/sections.yaml: public section "${section.id}" is in the internal category "${category.id}"; set visibility: internal on the section or move it to a public category`,
      );
  }
  const visibleSections = input.sections.filter(visible).sort((a, b) => a.order - b.order);
  const categories = allCategories.filter(visible);

  const byLocale = new Map<Locale, Map<string, RawArticle<Entry>>>();
  for (const article of input.articles) {
    const [locale, id] = article.entryId.split('/');
    if (!isLocale(locale) || !id)
      throw new ContentError(
        `${article.filePath}: articles live in content/articles/<locale>/<id>.mdx with a locale from ${locales.join(', ')}`,
      );
    if (!byLocale.has(locale)) byLocale.set(locale, new Map());
    byLocale.get(locale)!.set(id, article);
  }
  const sources = byLocale.get(sourceLocale) ?? new Map<string, RawArticle<Entry>>();

  for (const source of sources.values()) {
    const section = sectionById.get(source.data.section);
    if (!section)
      throw new ContentError(
        `${source.filePath}: section "${source.data.section}" is not in content/structure/sections.yaml. Use one of: ${input.sections.map((s) => s.id).join(', ')}`,
      );
    if (source.data.visibility === 'public' && section.visibility === 'internal')
      throw new ContentError(
        `${source.filePath}: a public article cannot be in the internal section "${section.id}"; set visibility: internal or pick a public section`,
      );
    for (const related of source.data.related) {
      const target = sources.get(related);
      if (!target)
        throw new ContentError(
          `${source.filePath}: related article "${related}" does not exist in content/articles/en/`,
        );
      if (source.data.visibility === 'public' && target.data.visibility === 'internal')
        throw new ContentError(
          `${source.filePath}: related article "${related}" is internal and cannot be listed on a public article; remove it from related`,
        );
    }
    if (source.data.sourceRevision)
      throw new ContentError(
        `${source.filePath}: English articles are the source and take no sourceRevision; remove that line`,
      );
    if (source.data.summary)
      throw new ContentError(
        `${source.filePath}: summary: true is for translations; an English article is the full text, so remove that line`,
      );
  }
  for (const [locale, articles] of byLocale) {
    if (locale === sourceLocale) continue;
    for (const [id, translation] of articles) {
      const source = sources.get(id);
      if (!source)
        throw new ContentError(
          `${translation.filePath}: there is no English article content/articles/en/${id}.mdx; a translation needs its source (check the file name)`,
        );
      const stated = statedSourceRevision(translation.fileText);
      if (translation.data.sourceRevision === undefined || stated === undefined)
        throw new ContentError(
          `${translation.filePath}: sourceRevision is missing; after translating run: npm run translations -- stamp ${locale}/${id}`,
        );
      if (!/^[0-9a-f]{12}$/.test(stated))
        throw new ContentError(
          `${translation.filePath}: sourceRevision "${stated}" is not a revision; run: npm run translations -- stamp ${locale}/${id}`,
        );
      if (translation.data.summary && hasBody(translation.fileText))
        throw new ContentError(
          `${translation.filePath}: a summary translation (summary: true) has no text of its own, readers get the English text; remove the text below the closing --- line, or remove summary: true to make it a full translation`,
        );
      if (translation.data.visibility !== source.data.visibility)
        throw new ContentError(
          `${translation.filePath}: visibility is "${translation.data.visibility}" but the English article is "${source.data.visibility}"; they must match`,
        );
    }
  }

  const visibleIds = [...sources.values()]
    .filter((a) => visible(a.data))
    .map((a) => a.entryId.split('/')[1]!)
    .sort();
  const revisions = new Map(
    visibleIds.map((id) => [id, input.sourceRevisionOf(sources.get(id)!)]),
  );
  const resolvedCache = new Map<string, ResolvedArticle<Entry>>();

  function article(locale: Locale, id: string): ResolvedArticle<Entry> {
    const key = `${locale}/${id}`;
    const cached = resolvedCache.get(key);
    if (cached) return cached;
    const source = sources.get(id);
    if (!source || !visible(source.data))
      throw new ContentError(`no ${audience === 'public' ? 'public ' : ''}article "${id}"`);
    const translation = locale === sourceLocale ? source : byLocale.get(locale)?.get(id);
    const state: TranslationState =
      locale === sourceLocale
        ? 'current'
        : translationState(revisions.get(id)!, translation?.fileText);
    // A summary translation gives the title, description and keywords; the text stays English.
    const titled = translation ?? source;
    const shown = translation && !translation.data.summary ? translation : source;
    const resolved: ResolvedArticle<Entry> = {
      id,
      locale,
      textLocale: shown === source ? sourceLocale : locale,
      titleLocale: translation ? locale : sourceLocale,
      state,
      title: titled.data.title,
      description: titled.data.description,
      keywords: titled.data.keywords,
      labels: titled.data.labels,
      updated: shown.data.updated,
      data: shown.data,
      entry: shown.entry,
      source: source.data,
      revision: input.revisionOf(shown),
      sourceRevision: revisions.get(id)!,
      visibility: source.data.visibility,
    };
    resolvedCache.set(key, resolved);
    return resolved;
  }

  function title(locale: Locale, kind: 'categories' | 'sections', id: string) {
    const own = input.titles[locale]?.[kind]?.[id];
    if (own) return { ...own, textLocale: locale };
    const fallback = input.titles[sourceLocale]?.[kind]?.[id];
    if (!fallback)
      throw new ContentError(
        `content/structure/titles/en.yaml: ${kind}.${id} is missing; add its title and description`,
      );
    return { ...fallback, textLocale: sourceLocale };
  }

  return {
    audience,
    articleIds: visibleIds,
    categories,
    sections: visibleSections,
    article,
    articlesInSection: (locale, sectionId) =>
      visibleIds
        .filter((id) => sources.get(id)!.data.section === sectionId)
        .map((id) => article(locale, id)),
    sectionsInCategory: (categoryId) => visibleSections.filter((s) => s.category === categoryId),
    promoted: (locale) =>
      visibleIds.filter((id) => sources.get(id)!.data.promoted).map((id) => article(locale, id)),
    title,
    section: (id) => {
      const section = sectionById.get(id);
      if (!section || !visible(section)) throw new ContentError(`no ${audience} section "${id}"`);
      return section;
    },
    category: (id) => {
      const category = categoryById.get(id);
      if (!category || !visible(category))
        throw new ContentError(`no ${audience} category "${id}"`);
      return category;
    },
  };
}

/** Whether the file has text after its frontmatter (a summary translation must not). */
function hasBody(fileText: string): boolean {
  return /\S/.test(fileText.replace(/^---\r?\n[\s\S]*?\r?\n---/, ''));
}

/** Whether readers of this locale get the English text (untranslated or summary translation). */
export function showsEnglishText(article: Pick<ResolvedArticle, 'state'>): boolean {
  return article.state === 'missing' || article.state === 'summary';
}
