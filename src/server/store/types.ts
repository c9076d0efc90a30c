/**
 * Storage behind interfaces, one per aggregate (tickets, people, sessions, flags, proposals), so the SQLite file used on one machine can be swapped
 * for PostgreSQL (or a platform database on a serverless host) without touching the routes.
 * Every method is async even though SQLite answers synchronously: other stores will not.
 */
import type { Locale } from '../../i18n/locales.ts';
import type { Role } from '../auth/roles.ts';
import type {
  BlockKind,
  FlagReason,
  FlagState,
  ProposalKind,
  ProposalState,
} from '../../proposals/vocabulary.ts';

export type TicketRole = 'buyer' | 'seller';
export type TicketPriority = 'normal' | 'urgent';
export type SlaClock = 'calendar' | 'business';
/** pending until the first reply; paused while waiting on the customer; then achieved or breached. */
export type SlaState = 'pending' | 'achieved' | 'breached' | 'paused';

/** Everything the service decided about a ticket before it is stored. */
export interface TicketDraft {
  locale: Locale;
  email: string;
  name: string | null;
  role: TicketRole;
  topic: string;
  priority: TicketPriority;
  subject: string;
  message: string;
  /** The article the reader came from, if any. */
  articleId: string | null;
  /** What the reader searched for before writing. */
  searchQuery: string | null;
  /** Article ids the help centre suggested to the reader while writing. */
  shownArticles: string[];
  /** Article ids the reader opened while writing. */
  openedArticles: string[];
  /** Up to 5 article ids the service matched to the ticket text, for the agent. */
  suggestedArticles: string[];
  /** The email team of the locale that owns the first reply. */
  team: string;
  /**
   * ISO instant the request arrived; the SLA clock is computed from it. Every instant here is UTC
   * with three fractional digits ("2026-12-01T07:00:00.000Z"), so text order is time order.
   */
  receivedAt: string;
  firstReplyDueAt: string;
  firstReplyHours: number;
  firstReplyClock: SlaClock;
  /** First business moment at or after receipt, where the SLA clock starts. */
  firstReplyStartsAt: string;
}

export interface StoredTicket extends TicketDraft {
  id: string;
  /** Short human reference, `HB-` and 8 Crockford base32 characters. */
  reference: string;
  createdAt: string;
  slaState: SlaState;
  firstReplyAt: string | null;
  pausedMs: number;
  pausedSince: string | null;
}

/** An idempotency key and the fingerprint of the request body it was first used with. */
export interface IdempotencyClaim {
  key: string;
  fingerprint: string;
}

export type CreateTicketResult =
  | { outcome: 'created'; ticket: StoredTicket }
  /** The key was used before with the same body: the ticket created then. */
  | { outcome: 'replayed'; ticket: StoredTicket }
  /** The key was used before with a different body: nothing stored. */
  | { outcome: 'key-reused' };

export interface TicketStore {
  /**
   * Stores the ticket and, when given, the idempotency key in one transaction; resolves only
   * after the transaction committed durably, so an acknowledged ticket survives a crash.
   */
  createTicket(draft: TicketDraft, idempotency?: IdempotencyClaim): Promise<CreateTicketResult>;
  findByReference(reference: string): Promise<StoredTicket | undefined>;
  /** Throws when the database cannot answer a trivial query. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

// ---------------------------------------------------------------------------------------------
// People, sessions and sign-in. Instants are ISO strings in UTC with milliseconds, as above.

export interface Person {
  id: string;
  /** Lower case; the identity a sign-in link or the identity provider vouches for. */
  email: string;
  name: string | null;
  role: Role;
  /** The languages this person works in; their help centre shows translation tasks for these. */
  languages: Locale[];
  createdAt: string;
  updatedAt: string;
}

/** Who made a change and when: a person's id, or "cli" / "sso" for the command line and sign-in. */
export interface Change {
  actor: string;
  at: string;
}

/** One step in the append-only history of a person, flag or proposal. */
export interface HistoryEntry {
  at: string;
  actor: string;
  action: string;
  from: string | null;
  to: string | null;
  /** The content revision the step concerned, when there is one. */
  revision: string | null;
  detail: Record<string, unknown>;
}

export interface NewPerson {
  email: string;
  name?: string | null;
  role: Role;
  languages?: Locale[];
}

export type AddPersonResult =
  | { outcome: 'added'; person: Person }
  /** The address belongs to someone already; nothing changed. */
  | { outcome: 'exists'; person: Person };

export interface PersonStore {
  /** Active people only: a removed person is not found. */
  findByEmail(email: string): Promise<Person | undefined>;
  findById(id: string): Promise<Person | undefined>;
  list(): Promise<Person[]>;
  /** Adds a person, or brings back one who was removed (with the new role). */
  add(person: NewPerson, change: Change): Promise<AddPersonResult>;
  update(
    id: string,
    patch: { role?: Role; name?: string | null; languages?: Locale[] },
    change: Change,
  ): Promise<Person | undefined>;
  /** Removes a person's access; their flags and proposals keep their name. */
  remove(id: string, change: Change): Promise<boolean>;
  history(id: string): Promise<HistoryEntry[]>;
}

export type SignInMethod = 'email-link' | 'oidc';

export interface Session {
  /** SHA-256 (hex) of the random id in the cookie. */
  idHash: string;
  personId: string;
  method: SignInMethod;
  createdAt: string;
  lastSeenAt: string;
  /** The absolute end, however active the session is. */
  expiresAt: string;
}

export interface SessionStore {
  create(session: Session): Promise<void>;
  find(idHash: string): Promise<Session | undefined>;
  touch(idHash: string, at: string): Promise<void>;
  revoke(idHash: string): Promise<void>;
  /** Ends every session of a person ("sign out everywhere", removal); returns how many. */
  revokeAllFor(personId: string): Promise<number>;
  /** Housekeeping: drops sessions that ended before `before`. */
  deleteExpired(before: string): Promise<number>;
}

export interface SignInToken {
  /** SHA-256 (hex) of the token in the link. */
  tokenHash: string;
  email: string;
  /** Where to go after signing in (a path on this site). */
  next: string | null;
  createdAt: string;
  expiresAt: string;
}

export type ConsumeTokenResult =
  | { outcome: 'consumed'; email: string; next: string | null }
  | { outcome: 'used' }
  | { outcome: 'expired' }
  | { outcome: 'unknown' };

export interface PendingLogin {
  stateHash: string;
  codeVerifier: string;
  nonce: string;
  next: string | null;
  expiresAt: string;
}

export interface SignInStore {
  issueToken(token: SignInToken): Promise<void>;
  /** How many links were sent to an address since an instant, for the per-address limit. */
  countTokensSince(email: string, since: string): Promise<number>;
  /** Marks the token used and returns it, atomically: a second call finds it used. */
  consumeToken(tokenHash: string, at: string): Promise<ConsumeTokenResult>;
  savePendingLogin(login: PendingLogin): Promise<void>;
  /** Returns and deletes the pending login, so a callback can be used once. */
  takePendingLogin(stateHash: string, at: string): Promise<PendingLogin | undefined>;
  deleteExpired(before: string): Promise<void>;
}

// ---------------------------------------------------------------------------------------------
// Agents' feedback: flags on passages and proposals of new text.

/** Where a flag points: the passage as the agent saw it. */
export interface FlagAnchor {
  articleId: string;
  locale: Locale;
  /** Revision (content hash) of the file the agent was reading. */
  revision: string;
  /** Key of the block (a hash of its text, src/proposals/blocks.ts). */
  blockKey: string;
  blockKind: BlockKind;
  /** The block's text, trimmed to a few hundred characters: shown when the block is gone. */
  quote: string;
}

export interface FlagSupporter {
  personId: string;
  ticketRef: string | null;
  comment: string | null;
  at: string;
}

export interface Flag extends FlagAnchor {
  id: string;
  reason: FlagReason;
  comment: string | null;
  state: FlagState;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  /** Everyone who raised it, the first agent included, oldest first. */
  supporters: FlagSupporter[];
  /** The proposal that answers it, once a lead linked one. */
  proposalId: string | null;
  /** Why a lead declined it. */
  declineReason: string | null;
}

export interface NewFlag extends FlagAnchor {
  reason: FlagReason;
  comment: string | null;
  ticketRef: string | null;
}

export type RaiseFlagResult =
  | { outcome: 'opened'; flag: Flag }
  /** An open flag on the same passage existed: the agent and ticket were added to it (+1). */
  | { outcome: 'joined'; flag: Flag }
  /** This agent had already raised the open flag on that passage; the ticket was added if new. */
  | { outcome: 'already-raised'; flag: Flag };

/** What the review queue asks for; every field narrows, none required. */
export interface ReviewFilter {
  locale?: Locale;
  states?: readonly string[];
  articleIds?: readonly string[];
  /** Only items created before this instant (older than the chosen age). */
  createdBefore?: string;
}

export type FlagWriteResult =
  | { outcome: 'saved'; flag: Flag }
  | { outcome: 'not-found' }
  | { outcome: 'wrong-state'; flag: Flag };

export interface FlagStore {
  raise(flag: NewFlag, change: Change): Promise<RaiseFlagResult>;
  get(id: string): Promise<Flag | undefined>;
  /** For leads: flags by filter, oldest first. */
  list(filter: ReviewFilter): Promise<Flag[]>;
  countByState(filter: Omit<ReviewFilter, 'states'>): Promise<Record<string, number>>;
  /** Moves a flag, recording why (a decline reason, the proposal it was linked to). */
  transition(
    id: string,
    from: readonly FlagState[],
    to: FlagState,
    change: Change & {
      reason?: string | null;
      proposalId?: string | null;
      revision?: string | null;
    },
  ): Promise<FlagWriteResult>;
  /** Flags a person raised or joined, newest activity first. */
  listInvolving(personId: string): Promise<Flag[]>;
  listForArticle(articleId: string, locale?: Locale): Promise<Flag[]>;
  history(id: string): Promise<HistoryEntry[]>;
}

export interface Proposal {
  id: string;
  kind: ProposalKind;
  articleId: string;
  locale: Locale;
  /** Revision of the file the proposal started from; null for a new article or translation. */
  baseRevision: string | null;
  /** That file's text, for diffs and three-way merges at review. */
  baseText: string | null;
  /** Translations: the revision of the English source this text matches. */
  sourceRevision: string | null;
  /** The whole proposed file: frontmatter and MDX body. */
  text: string;
  title: string;
  /** The author's note to the reviewer. */
  note: string | null;
  /** Flags this proposal answers. */
  flagIds: string[];
  state: ProposalState;
  /** Goes up by one at every change; an update names the version it was based on. */
  version: number;
  authorId: string;
  createdAt: string;
  updatedAt: string;
  /** The lead who accepted or declined it. */
  reviewerId: string | null;
  /** The commit that put it into content/, once accepted. */
  commitSha: string | null;
  /** How it met the article at acceptance: clean, merged automatically, or conflicts resolved. */
  mergeStatus: string | null;
  /** The release that published it. */
  releaseId: string | null;
}

export interface NewProposal {
  kind: ProposalKind;
  articleId: string;
  locale: Locale;
  baseRevision: string | null;
  baseText: string | null;
  sourceRevision: string | null;
  text: string;
  title: string;
  note: string | null;
  flagIds: string[];
  state: 'draft' | 'submitted';
  authorId: string;
}

export interface ProposalPatch {
  text: string;
  title: string;
  note: string | null;
  sourceRevision: string | null;
  flagIds: string[];
}

export type ProposalWriteResult =
  | { outcome: 'saved'; proposal: Proposal }
  | { outcome: 'not-found' }
  /** Someone saved a newer version first; nothing changed. */
  | { outcome: 'stale'; proposal: Proposal }
  /** The proposal is not in a state that allows this step; nothing changed. */
  | { outcome: 'wrong-state'; proposal: Proposal };

export interface ProposalStore {
  create(proposal: NewProposal, change: Change): Promise<Proposal>;
  update(
    id: string,
    expectedVersion: number,
    patch: ProposalPatch,
    change: Change,
  ): Promise<ProposalWriteResult>;
  /** Moves the proposal from one of `from` to `to`, recording why. */
  transition(
    id: string,
    from: readonly ProposalState[],
    to: ProposalState,
    change: Change & { comment?: string | null },
  ): Promise<ProposalWriteResult>;
  get(id: string): Promise<Proposal | undefined>;
  listByAuthor(authorId: string): Promise<Proposal[]>;
  history(id: string): Promise<HistoryEntry[]>;
  /** For leads: proposals by filter, oldest first. */
  list(filter: ReviewFilter): Promise<Proposal[]>;
  countByState(filter: Omit<ReviewFilter, 'states'>): Promise<Record<string, number>>;
  /** Records acceptance: submitted → accepted, with the commit and the merge it took. */
  accept(
    id: string,
    details: { commitSha: string; mergeStatus: string; text: string; revision: string },
    change: Change,
  ): Promise<ProposalWriteResult>;
  /** Accepted proposals whose commits a release published. */
  markPublished(ids: readonly string[], releaseId: string, change: Change): Promise<number>;
}

export interface TranslationTask {
  id: string;
  articleId: string;
  locale: Locale;
  /** The English revision the translation must now match. */
  sourceRevision: string;
  previousSourceRevision: string | null;
  /** Text of the English blocks that changed (removed ones prefixed "−", added "+"). */
  changedBlocks: Array<{ change: 'added' | 'removed'; kind: string; text: string }>;
  /** The accepted proposal that changed the English text. */
  proposalId: string | null;
  state: 'open' | 'done' | 'superseded';
  createdAt: string;
  closedAt: string | null;
  closedBy: string | null;
}

export interface TranslationTaskStore {
  /** Opens a task per locale; an open task of the same article and locale is superseded. */
  open(
    tasks: Array<Omit<TranslationTask, 'id' | 'state' | 'createdAt' | 'closedAt' | 'closedBy'>>,
    change: Change,
  ): Promise<TranslationTask[]>;
  listOpen(locale?: Locale): Promise<TranslationTask[]>;
  /** Closes the open tasks of an article in a locale (its translation caught up). */
  complete(articleId: string, locale: Locale, change: Change): Promise<number>;
}

export interface Verification {
  articleId: string;
  locale: Locale;
  revision: string;
  verifiedBy: string;
  at: string;
}

export interface VerificationStore {
  record(verification: Verification): Promise<void>;
  /** The newest verification of every article and locale. */
  latest(): Promise<Verification[]>;
}

/** Every store of the service, opened together on one database. */
export interface Stores {
  tickets: TicketStore;
  people: PersonStore;
  sessions: SessionStore;
  signIn: SignInStore;
  flags: FlagStore;
  proposals: ProposalStore;
  translationTasks: TranslationTaskStore;
  verifications: VerificationStore;
  /** Closes the database after every store finished its writes. */
  close(): Promise<void>;
}
