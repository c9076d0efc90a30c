/**
 * Readers' search and contact-page events, sent to the service in batches (POST /api/events) so
 * leads can see which searches find nothing and which suggestions spare a ticket. No cookie and
 * nothing in localStorage: a visit is a random id kept in sessionStorage, gone when the tab is
 * closed. Queries are masked here (and again by the service) before they leave the browser.
 *
 * A reader whose browser says Do Not Track or Global Privacy Control sends nothing; the privacy
 * page says so. Imported only by the search and contact islands, never by reading pages.
 */
import type { Locale } from '../../i18n/locales.ts';
import {
  maxEventBatchBytes,
  maxEventsPerBatch,
  sendQueueAt,
  type ReaderEventInput,
} from '../../lib/reader-events.ts';
import { maskQuery } from '../../search/mask-query.ts';

/** An event as an island records it: the locale and visit are added here. */
export type ReaderEventDraft = Omit<ReaderEventInput, 'locale' | 'visit'>;

const VISIT_KEY = 'hc-visit';
const endpoint = '/api/events';
let queue: ReaderEventInput[] = [];
let visitId: string | undefined;
let listening = false;
/** Queries typed but not yet settled: a reader who leaves while typing still counts. */
const beforeHide = new Set<() => void>();

/** Whether the reader asked not to be tracked. */
export function trackingRefused(): boolean {
  const nav = navigator as Navigator & { globalPrivacyControl?: boolean };
  return nav.doNotTrack === '1' || nav.globalPrivacyControl === true;
}

/** The tab's visit id: random, in sessionStorage (in memory when storage is blocked). */
function visit(): string {
  if (visitId) return visitId;
  try {
    visitId = sessionStorage.getItem(VISIT_KEY) ?? undefined;
    if (!visitId) {
      visitId = crypto.randomUUID();
      sessionStorage.setItem(VISIT_KEY, visitId);
    }
  } catch {
    visitId ??= crypto.randomUUID();
  }
  return visitId;
}

/** Queues an event; the queue goes out when the page is hidden or holds ~20 events. */
export function track(locale: Locale, draft: ReaderEventDraft): void {
  if (trackingRefused()) return;
  const event: ReaderEventInput = { ...draft, locale, visit: visit() };
  if (event.query !== undefined) {
    event.query = maskQuery(event.query);
    if (!event.query) return;
  }
  queue.push(event);
  listen();
  if (queue.length >= sendQueueAt) sendEvents();
}

/** Sends the queue now (before the page navigates away on its own, for example). */
export function sendEvents(): void {
  while (queue.length > 0) {
    const batch = queue.splice(0, maxEventsPerBatch);
    let body = JSON.stringify({ events: batch });
    // A batch over the service's limit is halved until it fits, rather than refused whole.
    while (new Blob([body]).size > maxEventBatchBytes && batch.length > 1) {
      queue.unshift(...batch.splice(Math.ceil(batch.length / 2)));
      body = JSON.stringify({ events: batch });
    }
    post(body);
  }
}

function post(body: string): void {
  const blob = new Blob([body], { type: 'application/json' });
  try {
    if (navigator.sendBeacon?.(endpoint, blob)) return;
  } catch {
    // Some browsers throw instead of returning false; the fallback below still sends.
  }
  void fetch(endpoint, {
    method: 'POST',
    body,
    headers: { 'content-type': 'application/json' },
    keepalive: true,
  }).catch(() => undefined);
}

function listen(): void {
  if (listening) return;
  listening = true;
  const hide = () => {
    for (const settle of beforeHide) settle();
    sendEvents();
  };
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') hide();
  });
  addEventListener('pagehide', hide);
}

/**
 * Settles a search box's queries: a query counts once the reader pauses (~1 s), opens a result
 * or submits, and the same query is not counted twice in a row. `settle` is called with each new
 * outcome; `now` sends the pending one at once (before an open is recorded).
 */
export function searchSettler(
  locale: Locale,
  source: ReaderEventInput['source'],
  pauseMs = 1000,
): {
  settle(query: string, results: number): void;
  now(): void;
  opened(query: string, rank: number, articleId: string): void;
} {
  let pending: { query: string; results: number } | undefined;
  let last = '';
  let timer: ReturnType<typeof setTimeout> | undefined;
  const now = () => {
    clearTimeout(timer);
    if (!pending) return;
    const { query, results } = pending;
    pending = undefined;
    const masked = maskQuery(query);
    if (!masked || masked === last) return;
    last = masked;
    track(locale, { kind: 'search', source, query, results });
  };
  beforeHide.add(now);
  listen();
  // The visit starts with the island, so the events of one page share it from the first.
  if (!trackingRefused()) visit();
  return {
    settle(query, results) {
      clearTimeout(timer);
      pending = query.trim() ? { query, results } : undefined;
      if (pending) timer = setTimeout(now, pauseMs);
    },
    now,
    opened(query, rank, articleId) {
      now();
      track(locale, { kind: 'open', source, query, rank, articleId });
    },
  };
}
