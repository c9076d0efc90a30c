/**
 * What the service hands to the pages the agents' help centre renders at request time
 * (Astro.locals.hc): the signed-in person and the few reads those pages need. Types only: the
 * pages never import service code, the service implements this (src/server/internal-site.ts).
 */
import type { Locale } from '../../i18n/locales.ts';
import type { ProposalIssue } from '../../proposals/check-proposal.ts';
import type { FlagLocation } from '../../proposals/blocks.ts';
import type { ProposalKind } from '../../proposals/vocabulary.ts';
import type { Role } from '../../server/auth/roles.ts';
import type { Flag, HistoryEntry, Proposal, TranslationTask } from '../../server/store/types.ts';
import type { ReviewQueue } from '../../server/reviews/queue.ts';
import type { ProposalReview } from '../../server/reviews/review.ts';
import type { HistoryLine } from '../../server/releases/registry.ts';
import type { ReleaseManifest } from '../../releases/manifest.ts';
import type { OverdueEntry } from '../../releases/reports.ts';
import type { ReleaseJob } from '../../server/releases/jobs.ts';
import type { SlaList } from '../../server/tickets/sla-list.ts';
import type { Report } from '../../server/reports/build.ts';
import type { FieldError } from '../../server/problem.ts';

export interface InternalViewer {
  id: string;
  email: string;
  name: string | null;
  role: Role;
  languages: Locale[];
}

export interface EditorSource {
  articleId: string;
  locale: Locale;
  kind: ProposalKind;
  /**
   * The text the editor opens: the locale's file, the English one for a new translation, or a
   * summary translation's frontmatter over the English text.
   */
  text: string;
  /** The locale's file as it is in content/ (what an edit is merged against); null when none. */
  fileText: string | null;
  /** Revision of the locale's file; null when the translation does not exist yet. */
  revision: string | null;
  /** Revision of the English source. */
  sourceRevision: string;
  /** For translations: whether the file says it matches the English revision of today. */
  matchesSource: boolean;
}

export interface LocatedFlagView extends Flag {
  location: FlagLocation;
  currentRevision: string | null;
}

export interface InternalLocals {
  viewer: InternalViewer;
  /** The source for the editor, or undefined when there is no such article. */
  editorSource(locale: Locale, articleId: string): EditorSource | undefined;
  /** The full check a save would run; issues carry line, column and a hint. */
  check(
    text: string,
    target: { kind: ProposalKind; locale: Locale; articleId: string },
  ): { ok: true } | { ok: false; issues: ProposalIssue[] };
  myFlags(): Promise<LocatedFlagView[]>;
  flagHistory(id: string): Promise<HistoryEntry[]>;
  myProposals(): Promise<Proposal[]>;
  /** A proposal the viewer may read (their own, or any for leads), with its history. */
  proposal(id: string): Promise<{ proposal: Proposal; history: HistoryEntry[] } | undefined>;
  /** Names of people by id, for histories ("you", a colleague's name). */
  peopleNames(ids: readonly string[]): Promise<Record<string, string>>;
  /** Sections a new article can go in, with their visibility. */
  sections(): Array<{ id: string; visibility: 'public' | 'internal' }>;
  /** Leads: the review queue for the page's filter (?locale=&category=&section=&state=&age=&owner=). */
  reviewQueue(query: URLSearchParams): Promise<ReviewQueue>;
  /** Leads: one proposal with its merge, diff and history. */
  review(id: string): Promise<
    | {
        proposal: Proposal;
        review: ProposalReview;
        history: HistoryEntry[];
        flags: Flag[];
        tasks: TranslationTask[];
      }
    | undefined
  >;
  /** Open translation tasks in a locale. */
  translationTasks(locale: Locale): Promise<TranslationTask[]>;
  /** Leads: releases kept, the live one, the history and the latest job; undefined without a releases folder. */
  releases():
    | {
        live: string | null;
        previous: string | null;
        list: ReleaseManifest[];
        history: HistoryLine[];
        job: ReleaseJob | undefined;
        timeZone: string;
      }
    | undefined;
  /** Leads: articles past their review date or not verified since they changed, per owner. */
  freshness(): Promise<Record<string, OverdueEntry[]>>;
  /**
   * Leads (team managers): tickets at risk of missing their first-reply target or past it, for
   * the page's filter (?state=at-risk|breached&team=&days=); undefined for agents. Filter values
   * that are not valid fall back to the defaults (both states, every team, 30 days).
   */
  slaTickets(query: URLSearchParams): Promise<SlaList | undefined>;
  /** Teams that answer tickets, for the SLA page's filter. */
  slaTeams(): string[];
  /**
   * Leads: the reports for the page's filter (?weeks=&locale=&team=), or what is wrong with the
   * filter; undefined for agents.
   */
  reports(
    query: URLSearchParams,
  ): Promise<{ report: Report } | { errors: FieldError[] } | undefined>;
  /** Categories and sections with their English titles (for filters). */
  structure(): Array<{ section: string; category: string }>;
}
