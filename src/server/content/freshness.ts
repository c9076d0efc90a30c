import { sourceLocale } from '../../i18n/locales.ts';
import { freshnessReport } from '../../releases/reports.ts';
import type { Verification } from '../store/types.ts';
import type { ContentRepository } from './repository.ts';

/**
 * Which English articles are overdue for review, by owner: the content as it is in git, against
 * the latest verification of each article. The release check and the leads' freshness page show
 * the same report.
 */
export function contentFreshness(
  content: Pick<ContentRepository, 'catalogue' | 'article'>,
  verifications: readonly Verification[],
  today: string,
): ReturnType<typeof freshnessReport> {
  const verified = new Map(
    verifications.filter((v) => v.locale === sourceLocale).map((v) => [v.articleId, v]),
  );
  return freshnessReport(
    content.catalogue().map((entry) => {
      const last = verified.get(entry.id);
      return {
        id: entry.id,
        owner: entry.owner,
        title: entry.title,
        reviewBy: entry.reviewBy,
        revision: content.article(sourceLocale, entry.id)?.revision ?? '',
        verified: last ? { revision: last.revision, at: last.at, by: last.verifiedBy } : null,
      };
    }),
    today,
  );
}
