/**
 * What a release is: one immutable folder releases/<id>/ with both builds (public/, agents/)
 * and this manifest, which says what went in (git commit, who, when, articles added, changed and
 * removed per locale, accepted proposals), what was checked and with what result, and sizes.
 */
import type { Locale } from '../i18n/locales.ts';

export type CheckStatus = 'passed' | 'failed' | 'warning' | 'skipped';

export interface CheckResult {
  /** Stable name: content, links, canary, drift, freshness, accessibility. */
  name: string;
  status: CheckStatus;
  /** One line for the progress display and the history. */
  summary: string;
  /** What is wrong, where, and what to do: one entry per problem (at most a few hundred). */
  problems: string[];
  /** Reports that inform without failing (drift per locale, overdue per owner). */
  report?: unknown;
}

export interface ArticleChanges {
  added: string[];
  changed: string[];
  removed: string[];
}

export interface ReleaseManifest {
  id: string;
  /** The content commit the release was built from. */
  commit: string;
  createdAt: string;
  createdBy: string;
  /** The release live before this one was built, if any. */
  previous: string | null;
  articles: Partial<Record<Locale, ArticleChanges>>;
  /** Accepted proposals whose commits are in this release and not in the previous one. */
  proposals: string[];
  checks: CheckResult[];
  sizes: { publicBytes: number; agentsBytes: number; files: number };
  /** How long each stage took, in milliseconds. */
  timings: Record<string, number>;
  /** When it should go live, for a scheduled release. */
  scheduledFor: string | null;
}

/** A release id that sorts by time and names the commit: 20261130-0745-1a2b3c4. */
export function releaseId(at: Date, commit: string): string {
  const stamp = at.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  return `${stamp}-${commit.slice(0, 7)}`;
}

export const RELEASE_ID = /^\d{8}-\d{6}-[0-9a-f]{7}(-\d+)?$/;
