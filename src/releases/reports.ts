/**
 * Reports a release carries for leads: translation drift per locale (current, outdated with the
 * English blocks that changed since, missing) and freshness (articles past their reviewBy date,
 * or not verified since their last change), per owner. They inform; they never stop a release.
 */
import { locales, sourceLocale, type Locale } from '../i18n/locales.ts';
import { changedBlocks, type ChangedBlock } from '../proposals/changed-blocks.ts';
import type { CheckResult } from './manifest.ts';

export interface DriftInput {
  id: string;
  visibility: 'public' | 'internal';
  sourceRevision: string;
  sourceText: string;
  /** Per locale: the revision of English the translation says it matches, or missing. */
  translations: Partial<Record<Locale, { sourceRevision: string | null }>>;
  /** English texts by revision, from git history, to show what changed since a translation. */
  englishAt(revision: string): string | undefined;
}

export interface DriftEntry {
  articleId: string;
  changed: ChangedBlock[] | null;
}

export interface DriftReport {
  locale: Locale;
  current: number;
  outdated: DriftEntry[];
  missing: string[];
}

export function driftReport(articles: readonly DriftInput[]): CheckResult {
  const report: DriftReport[] = locales
    .filter((locale) => locale !== sourceLocale)
    .map((locale) => {
      const row: DriftReport = { locale, current: 0, outdated: [], missing: [] };
      for (const article of articles) {
        const translation = article.translations[locale];
        if (!translation) row.missing.push(article.id);
        else if (translation.sourceRevision === article.sourceRevision) row.current++;
        else {
          const before = translation.sourceRevision ? article.englishAt(translation.sourceRevision) : undefined;
          row.outdated.push({ articleId: article.id, changed: before ? changedBlocks(before, article.sourceText) : null });
        }
      }
      return row;
    });
  return {
    name: 'drift',
    status: 'passed',
    summary: report
      .map((row) => `${row.locale} ${row.current}✓ ${row.outdated.length} outdated ${row.missing.length} missing`)
      .join(' · '),
    problems: [],
    report,
  };
}

export interface FreshnessInput {
  id: string;
  owner: string;
  title: string;
  reviewBy: string | null;
  revision: string;
  /** The revision last verified, if any, with who and when. */
  verified: { revision: string; at: string; by: string } | null;
}

export interface OverdueEntry {
  articleId: string;
  title: string;
  reason: 'review-date-passed' | 'never-verified' | 'changed-since-verified';
  reviewBy: string | null;
  verifiedAt: string | null;
}

export function freshnessReport(articles: readonly FreshnessInput[], today: string): CheckResult & { report: Record<string, OverdueEntry[]> } {
  const byOwner: Record<string, OverdueEntry[]> = {};
  for (const article of articles) {
    const reason: OverdueEntry['reason'] | null =
      article.reviewBy && article.reviewBy < today
        ? 'review-date-passed'
        : !article.verified
          ? 'never-verified'
          : article.verified.revision !== article.revision
            ? 'changed-since-verified'
            : null;
    if (!reason) continue;
    (byOwner[article.owner] ??= []).push({
      articleId: article.id,
      title: article.title,
      reason,
      reviewBy: article.reviewBy,
      verifiedAt: article.verified?.at ?? null,
    });
  }
  const pastDate = Object.values(byOwner).flat().filter((e) => e.reason === 'review-date-passed').length;
  const total = Object.values(byOwner).flat().length;
  return {
    name: 'freshness',
    status: pastDate ? 'warning' : 'passed',
    summary: `${pastDate} past their review date, ${total - pastDate} not verified since their last change, across ${Object.keys(byOwner).length} owner(s)`,
    problems: [],
    report: byOwner,
  };
}
