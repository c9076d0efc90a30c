/**
 * Storage behind interfaces, one per aggregate (tickets, people, sessions, flags, proposals), so the SQLite file used on one machine can be swapped
 * for PostgreSQL (or a platform database on a serverless host) without touching the routes.
 * Every method is async even though SQLite answers synchronously: other stores will not.
 */
import type { Locale } from '../../i18n/locales.ts';
import type { VoteAudience, VoteReason } from '../../lib/votes.ts';
import type { ReaderEventKind, ReaderEventSource } from '../../lib/reader-events.ts';
import type { Role } from '../auth/roles.ts';
import type { SlaEventType } from '../sla/ticket-events.ts';
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
  /**
   * The suggested articles are found after the commit, off the request path: true until they
   * are stored (saveSuggestions). Default false: suggestedArticles is final as given.
   */
  suggestionsPending?: boolean;
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
  suggestionsPending: boolean;
  id: string;
  /** Short human reference, `HB-` and 8 Crockford base32 characters. */
  reference: string;
  createdAt: string;
  slaState: SlaState;
  firstReplyAt: string | null;
  /**
   * Time the first-reply clock stood still in finished pauses (waiting on the customer) before
   * the first reply, in the target's own clock: real ms for calendar targets, open ms for business
   * ones. firstReplyDueAt stays the quoted due time; src/server/sla/first-reply.ts moves it.
   */
  pausedMs: number;
  /** Start of the pause going on now, if any. */
  pausedSince: string | null;
  /** When the helpdesk solved the ticket. */
  solvedAt: string | null;
}

/** An event the helpdesk reported through its webhook (POST /api/helpdesk/events). */
export interface HelpdeskEventRecord {
  /** The helpdesk's event id: a repeat with the same id changes nothing. */
  externalId: string;
  type: SlaEventType;
  /** ISO instant in UTC with milliseconds. */
  at: string;
}

/** What the SLA engine decides from a ticket and all its helpdesk events, the new one included. */
export type SlaDecision =
  | {
      outcome: 'apply';
      update: Pick<
        StoredTicket,
        'slaState' | 'firstReplyAt' | 'pausedMs' | 'pausedSince' | 'solvedAt'
      >;
      /** Why the event changes nothing, when it does not (it is stored all the same). */
      ignored?: string;
    }
  | { outcome: 'refuse'; reason: string };

export type ApplyHelpdeskEventResult =
  | { outcome: 'applied'; ticket: StoredTicket; ignored?: string }
  /** The event id was seen before, for the same ticket and type: nothing changed. */
  | { outcome: 'duplicate'; ticket: StoredTicket }
  /** The event id was seen before with another ticket or type. */
  | { outcome: 'id-reused' }
  | { outcome: 'unknown-reference' }
  | { outcome: 'refused'; reason: string };

export interface SlaTicketFilter {
  /** Stored SLA states to read (the caller decides at-risk and overdue from them). */
  states: readonly SlaState[];
  team?: string;
  /** Received at or after / before these ISO instants. */
  receivedFrom?: string;
  receivedBefore?: string;
  /** At most this many, oldest received first. */
  limit: number;
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
  /** Tickets whose suggested articles are still to be found (say, after a restart), oldest first. */
  pendingSuggestions(limit: number): Promise<StoredTicket[]>;
  /** Stores the suggested articles found after the commit; the ticket is pending no more. */
  saveSuggestions(id: string, articleIds: string[]): Promise<void>;
  /**
   * Records a helpdesk event and the ticket's new SLA columns in one transaction. `decide` gets
   * the ticket and every helpdesk event stored for it with the new one last, and runs inside the
   * transaction, so two events for one ticket never decide from the same old state.
   */
  applyHelpdeskEvent(
    reference: string,
    event: HelpdeskEventRecord,
    decide: (ticket: StoredTicket, events: HelpdeskEventRecord[]) => SlaDecision,
  ): Promise<ApplyHelpdeskEventResult>;
  /** Tickets for the SLA list, by stored state, team and time received. */
  listForSla(filter: SlaTicketFilter): Promise<StoredTicket[]>;
  /**
   * Proves the database takes writes (GET /api/health): a small durable write through the path a
   * ticket takes, so a full disk or a read-only file fails it, not only a database that is gone.
   * Throws the database's own error (store/faults.ts reads its kind).
   */
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

/** What an update changes; what it leaves out stays as it is. */
export interface PersonPatch {
  role?: Role;
  name?: string | null;
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
  update(id: string, patch: PersonPatch, change: Change): Promise<Person | undefined>;
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

/** A flag's move, with why: a decline reason, the proposal it was linked to, the revision. */
export type FlagChange = Change & {
  reason?: string | null;
  proposalId?: string | null;
  revision?: string | null;
};

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
    change: FlagChange,
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

/** A task to open: the store gives it its id, state and times. */
export type NewTranslationTask = Omit<
  TranslationTask,
  'id' | 'state' | 'createdAt' | 'closedAt' | 'closedBy'
>;

export interface TranslationTaskStore {
  /** Opens a task per locale; an open task of the same article and locale is superseded. */
  open(tasks: NewTranslationTask[], change: Change): Promise<TranslationTask[]>;
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
  /** The ticket delivery outbox (email to the team, signed webhook). */
  deliveries: DeliveryStore;
  /** "Was this helpful?" votes. */
  votes: VoteStore;
  /** The daily salts of readers' hashes (votes, visitors). */
  salts: SaltStore;
  /** Readers' search and contact-page events, visitors, and their daily aggregates. */
  readerEvents: ReaderEventStore;
  /** Read-only figures for the leads' reports, across tickets, votes and events. */
  reports: ReportStore;
  /** Closes the database after every store finished its writes. */
  close(): Promise<void>;
}

// ---------------------------------------------------------------------------------------------
// Issue 9: delivery, votes, reader events, reports. Each interface is documented where it is
// implemented first (src/server/store/sqlite/<area>.ts) and kept in step here.

/**
 * The random salt of a UTC day (YYYY-MM-DD) for readers' hashes (src/server/privacy/daily-salt.ts):
 * made on first use, shared by every process, deleted once the day is over.
 */
export interface SaltStore {
  forDay(day: string): Promise<string>;
}

export type DeliveryTarget = 'email' | 'webhook';
export type DeliveryState = 'pending' | 'delivered' | 'dead';

/** One outbox row: a ticket on its way to one target. */
export interface Delivery {
  id: number;
  ticketId: string;
  /** The ticket's reference (HB-…), for people reading the list. */
  ticketReference: string;
  target: DeliveryTarget;
  /** Sent with every attempt (Idempotency-Key header, Message-ID): receivers drop repeats. */
  idempotencyKey: string;
  state: DeliveryState;
  /** Attempts started so far, the one running included; 0 again after a lead's retry. */
  attempts: number;
  /** When the next attempt is due (pending rows). */
  nextAttemptAt: string;
  /** A worker owns the row until then; after a crash the lease runs out and another takes it. */
  leasedUntil: string | null;
  /** Why the last attempt failed, as the receiver or the network said it. */
  lastError: string | null;
  createdAt: string;
  deliveredAt: string | null;
  /** The lead who last put a dead row back to pending, and when. */
  retriedBy: string | null;
  retriedAt: string | null;
}

/** How many rows are in each state, per target ("12 email deliveries pending"). */
export type DeliveryCounts = Record<DeliveryTarget, Record<DeliveryState, number>>;

export type RetryDeliveryResult =
  | { outcome: 'retried'; delivery: Delivery }
  | { outcome: 'not-found' }
  /** Only dead rows can be retried: pending ones are already on their way. */
  | { outcome: 'not-dead'; delivery: Delivery };

export interface DeliveryStore {
  /**
   * Claims up to `limit` pending rows of these targets that are due at `now` and not leased by
   * another worker, leases them until `leaseUntil` and counts the attempt. Oldest due first.
   */
  lease(options: {
    targets: readonly DeliveryTarget[];
    now: string;
    leaseUntil: string;
    limit: number;
  }): Promise<Delivery[]>;
  /** The attempt worked: the row is done and its lease released. */
  markDelivered(id: number, at: string): Promise<void>;
  /**
   * The attempt failed: the row waits until `nextAttemptAt`, or is dead when that is null.
   * A row already delivered stays delivered (another worker got through first).
   */
  markFailed(id: number, failure: { error: string; nextAttemptAt: string | null }): Promise<void>;
  get(id: number): Promise<Delivery | undefined>;
  /** Rows in a state (all when omitted), newest first, at most `limit` (default 100). */
  list(filter?: { state?: DeliveryState; limit?: number }): Promise<Delivery[]>;
  /** Rows per target and state; every target and state is present, 0 when empty. */
  counts(): Promise<DeliveryCounts>;
  /** A lead puts a dead row back to pending, due now, with its attempts reset; recorded on the row. */
  retry(id: number, change: Change): Promise<RetryDeliveryResult>;
}

/** A vote as the service decided it, before it is stored. */
export interface VoteDraft {
  articleId: string;
  locale: Locale;
  audience: VoteAudience;
  /** The revision of the text the reader saw (12 hex digits, src/lib/revision.ts). */
  revision: string;
  helpful: boolean;
  /** Only with helpful false. */
  reason: VoteReason | null;
  /** Only with helpful false; at most 1000 characters. Shown to leads only. */
  comment: string | null;
  /**
   * Who voted, as a daily-salted hash (src/server/privacy/daily-salt.ts) scoped to the article,
   * locale, audience and revision: never an address, a person id or a browser string.
   */
  voter: string;
  /** UTC day of the vote (YYYY-MM-DD): the day whose salt made `voter`. */
  day: string;
  /** ISO instant of this answer. */
  at: string;
}

/** A stored vote, as the reports read it (without the voter hash). */
export interface StoredVote {
  id: number;
  articleId: string;
  locale: Locale;
  audience: VoteAudience;
  revision: string;
  helpful: boolean;
  reason: VoteReason | null;
  comment: string | null;
  day: string;
  createdAt: string;
  /** The last change by the same reader the same day (yes → no, a reason added). */
  updatedAt: string;
}

export interface CastVoteResult {
  /** created: a new vote; updated: the same reader had answered this revision today. */
  outcome: 'created' | 'updated';
  vote: StoredVote;
}

/** Which votes a tally or a comment list covers; every field narrows, none means all. */
export interface VoteFilter {
  articleId?: string;
  locale?: Locale;
  audience?: VoteAudience;
  revision?: string;
  /** Votes answered on or after this ISO instant or day. */
  since?: string;
  /** Votes answered before this ISO instant or day. */
  until?: string;
}

/** The counts of one revision of one article in one locale and audience. */
export interface VoteTally {
  articleId: string;
  locale: Locale;
  audience: VoteAudience;
  revision: string;
  yes: number;
  no: number;
  /** "No" answers per reason; every reason is present (0 when none). */
  reasons: Record<VoteReason, number>;
  /** How many "no" answers carry a comment. */
  comments: number;
  /** ISO instants of the first and the latest answer for this revision. */
  firstAt: string;
  lastAt: string;
}

/** A reader's comment for the leads (raw text: whoever shows it escapes it). */
export interface VoteComment {
  id: number;
  articleId: string;
  locale: Locale;
  audience: VoteAudience;
  revision: string;
  reason: VoteReason | null;
  comment: string;
  /** When the comment was written (the vote's last change). */
  at: string;
}

/** What a lead sees on an internal article page (GET /api/votes/summary). */
export interface VoteSummary {
  /** The tallies of the revision the page shows, one per audience that voted on it. */
  current: VoteTally[];
  /** Every revision's tallies for this article and locale, newest activity first. */
  history: VoteTally[];
  /** The latest comments on this article in this locale, newest first (at most 5). */
  comments: VoteComment[];
}

/**
 * "Was this helpful?" votes: one per reader per article revision and day, kept per revision so
 * counts restart when the text changes and earlier revisions stay as history.
 */
export interface VoteStore {
  /**
   * Stores a vote, or changes the same voter's vote on the same revision: "yes" clears reason
   * and comment; "no" keeps an earlier reason and comment unless new ones are given.
   */
  cast(draft: VoteDraft): Promise<CastVoteResult>;
  /** Whether anyone voted on this revision of the article in this locale (it existed then). */
  knowsRevision(articleId: string, locale: Locale, revision: string): Promise<boolean>;
  /**
   * Counts per article, locale, audience and revision, newest activity first. For one article
   * and locale this is its history; add `revision` for the current counts.
   */
  tallies(filter?: VoteFilter): Promise<VoteTally[]>;
  /** The newest comments first, at most `limit` (default 50, at most 500). */
  recentComments(filter?: VoteFilter & { limit?: number }): Promise<VoteComment[]>;
}

/** A reader event as stored: checked, its query masked, stamped with the time it arrived. */
export interface ReaderEvent {
  /** When the service received it (ISO instant); its UTC day is the event's day. */
  at: string;
  kind: ReaderEventKind;
  source: ReaderEventSource;
  locale: Locale;
  /** Random per browser tab (sessionStorage); links the events of one visit. */
  visit: string;
  /** Masked (src/search/mask-query.ts); search and open only. */
  query: string | null;
  /** search: results the query had. */
  results: number | null;
  /** open: 1-based rank of the opened result. */
  rank: number | null;
  /** open: the article opened. */
  articleId: string | null;
  /** suggestions-shown: the articles shown, in order; [] otherwise. */
  articles: string[];
}

/** One help-centre page view to count: the reader's daily hash, never an address. */
export interface VisitorMark {
  /** UTC day, YYYY-MM-DD. */
  day: string;
  locale: Locale;
  /** readerHash(salt of the day, address, User-Agent) (src/server/privacy/daily-salt.ts). */
  visitor: string;
}

/** What one rollup did. */
export interface ReaderEventRollup {
  /** The finished days whose daily rows were (re)computed. */
  days: string[];
  /** Raw events deleted for being older than 30 days. */
  deletedEvents: number;
  /** Finished days whose visitors were folded into visitors_daily. */
  visitorDays: string[];
}

/**
 * Readers' search and contact-page events (raw for 30 days, then daily rows) and help-centre
 * visitors (hashes for the day, then a count). The definitions of every daily figure are in
 * src/server/store/sqlite/reader-events-rollup.ts; reports read the daily tables directly.
 */
export interface ReaderEventStore {
  /** Stores a batch in one transaction; resolves with how many were stored. */
  record(events: readonly ReaderEvent[]): Promise<number>;
  /** Adds visitors (one transaction, repeats ignored). */
  recordVisitors(marks: readonly VisitorMark[]): Promise<void>;
  /**
   * With `today` (YYYY-MM-DD, UTC) pinned: recomputes the daily rows of every finished day that
   * still has raw events, deletes raw events older than 30 days, and folds the visitors of
   * finished days into their daily count. Idempotent.
   */
  rollup(today: string): Promise<ReaderEventRollup>;
}

/**
 * The rows behind the leads' reports, read-only. Windows are half-open: instants [from, to) for
 * tickets and flags, UTC days [fromDay, toDay) for votes and readers' daily figures.
 */
export interface ReportStore {
  /** Tickets received in [from, to), every locale and team. */
  ticketsReceived(from: string, to: string): Promise<ReportTicket[]>;
  /** Tickets still waiting for their first reply, whenever received (for "at risk now"). */
  ticketsAwaitingReply(): Promise<ReportTicket[]>;
  /** Help-centre visitors per UTC day and locale: finished days and the running one. */
  visitorsByDay(fromDay: string, toDay: string): Promise<DailyVisitors[]>;
  /** Contact-page deflection per day and locale, from the daily rows. */
  deflectionByDay(fromDay: string, toDay: string): Promise<DailyDeflection[]>;
  /** The searches of the window summed per locale and query, most searched first. */
  searchQueries(
    fromDay: string,
    toDay: string,
    which: 'no-result' | 'no-click',
    limit: number,
  ): Promise<QueryCount[]>;
  /** Flags raised in [from, to) per article and locale. */
  flagCounts(from: string, to: string): Promise<FlagCount[]>;
}

/** What a report needs of a ticket: where it went, its SLA facts, and whether a suggestion was
 * opened first (not what the customer wrote). */
export interface ReportTicket extends Pick<
  StoredTicket,
  | 'id'
  | 'locale'
  | 'team'
  | 'topic'
  | 'receivedAt'
  | 'firstReplyStartsAt'
  | 'firstReplyDueAt'
  | 'firstReplyHours'
  | 'firstReplyClock'
  | 'firstReplyAt'
  | 'pausedMs'
  | 'pausedSince'
  | 'solvedAt'
> {
  /** The channel it came in by (today always "web": the help centre's form). */
  channel: string;
  /** The customer opened at least one suggested article before sending it. */
  openedSuggestion: boolean;
}

export interface DailyVisitors {
  day: string;
  locale: string;
  visitors: number;
}

export interface DailyDeflection {
  day: string;
  locale: string;
  contactVisits: number;
  visitsWithSuggestions: number;
  visitsOpened: number;
  visitsOpenedNoTicket: number;
  visitsWithTicket: number;
}

export interface QueryCount {
  locale: string;
  query: string;
  searches: number;
  /** Of those, how many found nothing / had results but nothing opened. */
  count: number;
}

export interface FlagCount {
  articleId: string;
  locale: string;
  /** Flags raised, plus the +1s other agents added to them. */
  flags: number;
  supporters: number;
  /** Flags nobody has dealt with yet (open, triaged, in a proposal). */
  open: number;
  reasons: Record<string, number>;
}
