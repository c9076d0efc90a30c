import type { APIRoute } from 'astro';
import type { Locale } from '../../i18n/locales.ts';
import { showsEnglishText } from '../../lib/content-graph.ts';
import { urls } from '../../lib/urls.ts';
import { helpCentre } from '../../site/help-centre.ts';
import { localePaths } from '../../site/paths.ts';
import type { SearchSource } from '../../search/site-index.ts';

/**
 * What search knows of every article in this locale, from the content graph: titles,
 * descriptions, keywords and labels in the reader's language (summary translations included),
 * sections and categories. The search step of the build turns it into /search/<locale>.json and
 * removes this file; only the article text is read from the built pages.
 */
export const getStaticPaths = localePaths;

export const GET: APIRoute = async ({ props }) => {
  const { locale } = props as { locale: Locale };
  const graph = await helpCentre();
  const source: SearchSource = {
    locale,
    articles: graph.articleIds.map((id) => {
      const article = graph.article(locale, id);
      return {
        id,
        title: article.title,
        description: article.description,
        keywords: article.keywords,
        labels: article.labels,
        url: urls.article(locale, id),
        section: article.source.section,
        audience: article.source.audience,
        english: article.textLocale !== locale && showsEnglishText(article),
      };
    }),
    sections: Object.fromEntries(
      graph.sections.map((section) => [
        section.id,
        { title: graph.title(locale, 'sections', section.id).title, category: section.category },
      ]),
    ),
    categories: Object.fromEntries(
      graph.categories.map((category) => [
        category.id,
        graph.title(locale, 'categories', category.id).title,
      ]),
    ),
  };
  return new Response(JSON.stringify(source), { headers: { 'Content-Type': 'application/json' } });
};
