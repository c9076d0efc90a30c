/**
 * The vocabulary of readers' search and contact-page events, shared by the browser (which sends
 * them, src/client/analytics/beacon.ts), the service (which checks and stores them,
 * src/server/routes/events.ts) and the store. Imports nothing, so the browser bundle stays small.
 */
import type { Locale } from '../i18n/locales.ts';

/**
 * - `search`: a settled query (the reader paused about a second, opened a result or submitted) and
 *   how many results it had;
 * - `open`: a result or suggestion opened, with its 1-based rank, its article and the query;
 * - `contact-view`: the contact page was shown;
 * - `suggestions-shown`: the articles the contact page suggested;
 * - `ticket-sent`: the service created a ticket from this visit (it answered 201).
 */
export const readerEventKinds = [
  'search',
  'open',
  'contact-view',
  'suggestions-shown',
  'ticket-sent',
] as const;
export type ReaderEventKind = (typeof readerEventKinds)[number];

/** Where the search ran: the search page, the quick search (header, home page), the contact page. */
export const readerEventSources = ['search', 'quick', 'contact'] as const;
export type ReaderEventSource = (typeof readerEventSources)[number];

/** Events per POST /api/events; a larger batch is refused. */
export const maxEventsPerBatch = 50;
/** Bytes per POST /api/events; a larger body is refused. */
export const maxEventBatchBytes = 16 * 1024;
/** The browser sends its queue when it holds this many events (and when the page is hidden). */
export const sendQueueAt = 20;
/** Articles in one `suggestions-shown` event (the contact page shows at most 5). */
export const maxArticlesPerEvent = 10;

/** One event as the browser sends it; the service adds the time it arrived. */
export interface ReaderEventInput {
  kind: ReaderEventKind;
  source: ReaderEventSource;
  locale: Locale;
  /** Random per tab (sessionStorage), links the events of one visit; never a cookie. */
  visit: string;
  /** search and open: the query, masked (src/search/mask-query.ts). */
  query?: string;
  /** search: how many results the query had. */
  results?: number;
  /** open: 1-based position of the opened result in the list the reader saw. */
  rank?: number;
  /** open: the article opened. */
  articleId?: string;
  /** suggestions-shown: the articles shown, in order. */
  articles?: string[];
}
