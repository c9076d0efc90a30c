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
import type { Flag, HistoryEntry, Proposal } from '../../server/store/types.ts';

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
  /** The text the editor opens: the locale's file, or the English one for a new translation. */
  text: string;
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
}
