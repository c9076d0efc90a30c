/** Where a form post is sent back to: the article page, at the step the reader is on. */
import type { Locale } from '../../i18n/locales.ts';
import { internalBasePath } from '../../lib/urls.ts';
import { voteFragments, type VoteStep } from '../../lib/votes.ts';

/** The article page in the reader's help centre (`/agents/…` for agents). */
export function articlePath(locale: Locale, articleId: string, internal: boolean): string {
  return `${internal ? internalBasePath : ''}/${locale}/articles/${articleId}/`;
}

/** 303 back to the article, at `#helpful-why` or `#helpful-thanks`. */
export function backToArticle(
  locale: Locale,
  articleId: string,
  internal: boolean,
  step: VoteStep,
): Response {
  return new Response(null, {
    status: 303,
    headers: { Location: `${articlePath(locale, articleId, internal)}#${voteFragments[step]}` },
  });
}
