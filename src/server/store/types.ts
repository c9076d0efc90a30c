/**
 * Storage of tickets behind an interface, so the SQLite file used on one machine can be swapped
 * for PostgreSQL (or a platform database on a serverless host) without touching the routes.
 * Every method is async even though SQLite answers synchronously: other stores will not.
 */
import type { Locale } from '../../i18n/locales.ts';

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
