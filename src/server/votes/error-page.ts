/**
 * What a reader without scripts sees when their answer was refused: a small page in their
 * language that says why and links back to the article. Everything in it is escaped; the link
 * is built from validated values only (never from the Referer), so it cannot point elsewhere.
 */
import { isLocale, localeInfo, sourceLocale, type Locale } from '../../i18n/locales.ts';
import { useTranslations } from '../../i18n/index.ts';
import { escapeHtml } from '../../lib/page-markers.ts';
import { internalBasePath } from '../../lib/urls.ts';
import { voteProblemOf } from '../../lib/votes.ts';
import type { Problem } from '../problem.ts';
import { articlePath } from './redirect.ts';
import { idPattern } from '../../lib/ids.ts';

export interface ErrorPageTarget {
  locale: string | undefined;
  articleId: string | undefined;
  audience: string | undefined;
}

export function voteErrorPage(problem: Problem, target: ErrorPageTarget): Response {
  const locale: Locale = isLocale(target.locale) ? target.locale : sourceLocale;
  const t = useTranslations(locale);
  const internal = target.audience === 'internal';
  const back =
    target.articleId &&
    idPattern.test(target.articleId) &&
    !problem.errors?.some((error) => error.field === 'articleId')
      ? articlePath(locale, target.articleId, internal)
      : `${internal ? internalBasePath : ''}/${locale}/`;
  const title = t('helpful.error.title');
  const html = `<!doctype html>
<html lang="${escapeHtml(localeInfo[locale].tag)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(title)}</title>
<style>body{font-family:system-ui,sans-serif;color:#1c1d1f;max-width:40rem;margin:3rem auto;padding:0 1.25rem;line-height:1.6}a{color:#1f4e79}</style>
</head>
<body>
<main>
<h1>${escapeHtml(title)}</h1>
<p>${escapeHtml(t(`helpful.error.${problemKey(problem)}`))}</p>
<p><a href="${escapeHtml(back)}">${escapeHtml(t('helpful.error.back'))}</a></p>
</main>
</body>
</html>
`;
  const headers: Record<string, string> = { 'Content-Type': 'text/html; charset=utf-8' };
  return new Response(html, { status: problem.status, headers });
}

function problemKey(problem: Problem) {
  return voteProblemOf(
    problem.status,
    (problem.errors ?? []).map((error) => error.field),
  );
}
